import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import type { TranslationKey } from '../../core/i18n/zh-cn';

/** What went wrong loading a page or list: the server failed, the user may not see it, or it is gone. */
export type LoadFailure = 'error' | 'forbidden' | 'missing';

/** The kind of failure an HTTP error means: 403 forbidden, 404 missing, anything else an error. */
export function loadFailureOf(error: unknown): LoadFailure {
  if (error instanceof HttpErrorResponse && error.status === 403) return 'forbidden';
  if (error instanceof HttpErrorResponse && error.status === 404) return 'missing';
  return 'error';
}

const TEXTS: Record<LoadFailure, { title: TranslationKey; subtitle: TranslationKey; status: 'error' | '403' | '404' }> = {
  error: { title: 'state.errorTitle', subtitle: 'state.errorSubtitle', status: 'error' },
  forbidden: { title: 'state.forbiddenTitle', subtitle: 'state.forbiddenSubtitle', status: '403' },
  missing: { title: 'state.missingTitle', subtitle: 'state.missingSubtitle', status: '404' },
};

/**
 * One clear message in place of content that could not be loaded — never an empty list, never a
 * spinner forever. A server error offers 重试; forbidden (无权访问) and missing (事项不存在或已办结) do not.
 */
@Component({
  selector: 'app-error-state',
  imports: [NzResultModule, NzButtonModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-result
      role="alert"
      data-testid="error-state"
      [attr.data-failure]="failure()"
      [nzStatus]="texts().status"
      [nzTitle]="texts().title | t"
      [nzSubTitle]="texts().subtitle | t"
    >
      @if (failure() === 'error') {
        <div nz-result-extra>
          <button nz-button nzType="primary" type="button" data-testid="retry" (click)="retry.emit()">{{ 'state.retry' | t }}</button>
        </div>
      }
    </nz-result>
  `,
})
export class ErrorStateComponent {
  readonly failure = input<LoadFailure>('error');
  readonly retry = output<void>();
  protected readonly texts = computed(() => TEXTS[this.failure()]);
}
