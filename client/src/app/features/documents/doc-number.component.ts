import { ChangeDetectionStrategy, Component, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { OfficialDocument } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { DocsI18n, DocsTranslatePipe } from './documents-i18n';
import { DocumentsApi } from './documents-api.service';

/**
 * 发文字号 of an outgoing document for clerks: 编号 allocates the next number of the 机关代字 and
 * year; 作废 (with a required reason) voids it. Refusals show as Chinese text under the buttons.
 */
@Component({
  selector: 'app-doc-number',
  imports: [FormsModule, NzButtonModule, NzInputModule, DocsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="doc-number-actions">
      @if (doc().docNumber) {
        @if (!voiding()) {
          <button nz-button nzDanger nzSize="small" type="button" id="doc-number-void" (click)="startVoid()">
            {{ 'docs.number.void' | dt }}
          </button>
        }
      } @else {
        <button nz-button nzType="primary" nzSize="small" type="button" id="doc-number-allocate" [nzLoading]="busy()" (click)="allocate()">
          {{ 'docs.number.allocate' | dt }}
        </button>
      }
    </div>
    @if (voiding()) {
      <form class="doc-number-void" (ngSubmit)="confirmVoid()" [attr.aria-label]="'docs.number.voidTitle' | dt">
        <label for="doc-number-reason">{{ 'docs.number.voidReason' | dt }}</label>
        <input
          #reasonInput
          nz-input
          id="doc-number-reason"
          name="reason"
          maxlength="500"
          autocomplete="off"
          [(ngModel)]="reason"
          [nzStatus]="reasonMissing() ? 'error' : ''"
          aria-describedby="doc-number-msg"
          (keydown.escape)="voiding.set(false)"
        />
        <button nz-button nzDanger type="submit" [nzLoading]="busy()">{{ 'docs.number.voidConfirm' | dt }}</button>
        <button nz-button type="button" (click)="voiding.set(false)">{{ 'docs.action.cancel' | dt }}</button>
      </form>
    }
    <div id="doc-number-msg" class="doc-number-msg" role="alert">
      {{ failure() ?? (reasonMissing() ? ('docs.action.reasonRequired' | dt) : '') }}
    </div>
  `,
  styles: `
    :host {
      display: block;
    }
    .doc-number-actions {
      display: inline-flex;
      gap: 8px;
    }
    .doc-number-void {
      display: flex;
      gap: 8px;
      align-items: center;
      margin-top: 8px;
      flex-wrap: wrap;
    }
    .doc-number-void input {
      flex: 1 1 200px;
      min-width: 0;
    }
    .doc-number-msg {
      color: #cf1322;
    }
    .doc-number-msg:empty {
      display: none;
    }
  `,
})
export class DocNumberComponent {
  private readonly api = inject(DocumentsApi);
  private readonly i18n = inject(I18nService);
  private readonly message = inject(NzMessageService);
  private readonly docsI18n = inject(DocsI18n);
  private readonly reasonInput = viewChild<ElementRef<HTMLInputElement>>('reasonInput');

  readonly doc = input.required<Pick<OfficialDocument, 'id' | 'docNumber'>>();
  /** The document as the server answered after 编号 or 作废. */
  readonly changed = output<OfficialDocument>();

  protected readonly busy = signal(false);
  protected readonly voiding = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly reasonMissing = signal(false);
  protected reason = '';

  protected async allocate(): Promise<void> {
    await this.run(async () => {
      const updated = await this.api.allocateNumber(this.doc().id);
      this.message.success(this.docsI18n.t('docs.number.allocated', { number: updated.docNumber ?? '' }));
      this.changed.emit(updated);
    });
  }

  protected startVoid(): void {
    this.reason = '';
    this.reasonMissing.set(false);
    this.failure.set(null);
    this.voiding.set(true);
    setTimeout(() => this.reasonInput()?.nativeElement.focus());
  }

  protected async confirmVoid(): Promise<void> {
    const reason = this.reason.trim();
    this.reasonMissing.set(!reason);
    if (!reason) {
      this.reasonInput()?.nativeElement.focus();
      return;
    }
    await this.run(async () => {
      const updated = await this.api.voidNumber(this.doc().id, reason);
      this.voiding.set(false);
      this.message.success(this.docsI18n.t('docs.number.voided'));
      this.changed.emit(updated);
    });
  }

  private async run(action: () => Promise<void>): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set(null);
    try {
      await action();
    } catch (error) {
      this.failure.set(apiErrorText(error, this.i18n));
    } finally {
      this.busy.set(false);
    }
  }
}
