import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import type { RecordVerification } from '@liuzhuan/contracts';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { RecordVerificationApi, type VerifiedRecord } from './record-verification-api.service';
import { type WorkflowKey, WorkflowTranslatePipe } from './workflow-i18n';

/** The tag a verification answer shows: its colour, its text and the tooltip that explains it. */
export interface VerificationTag {
  color: 'green' | 'red' | 'default';
  key: WorkflowKey;
  params?: Record<string, string | number>;
  hint: WorkflowKey | null;
  hintParams?: Record<string, string | number>;
}

/**
 * 记录完整, or 记录被改动（第 N 条） naming the first row that no longer matches (a history event's or
 * opinion's position, a version's number; the current text of a document has none); null while
 * there is no answer, 无法校验 when the check itself failed.
 */
export function verificationTag(v: RecordVerification | 'failed' | null): VerificationTag | null {
  if (v === null) return null;
  if (v === 'failed') return { color: 'default', key: 'verify.failed', hint: null };
  const legacy = v.legacy ? ({ hint: 'verify.legacy', hintParams: { count: v.legacy } } as const) : { hint: null };
  if (v.ok) return { color: 'green', key: 'verify.ok', ...legacy };
  const broken = v.firstBroken;
  if (broken?.seq === undefined) return { color: 'red', key: 'verify.brokenCurrent', hint: 'verify.brokenHint' };
  const key = broken.kind === 'opinion' ? 'verify.brokenOpinion' : broken.kind === 'version' ? 'verify.brokenVersion' : 'verify.broken';
  return { color: 'red', key, params: { n: broken.seq }, hint: 'verify.brokenHint' };
}

/**
 * The verification state of an instance's record (处理单) or a document, from the verify
 * endpoint, asked once per id: the SM3 chains recomputed by the server at this call.
 */
@Component({
  selector: 'app-record-verification',
  imports: [NzTagModule, NzTooltipModule, WorkflowTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (tag(); as t) {
      <nz-tag
        class="record-verification"
        [attr.data-state]="t.color"
        [nzColor]="t.color === 'default' ? '' : t.color"
        nz-tooltip
        [nzTooltipTitle]="t.hint ? (t.hint | wt: t.hintParams) : ''"
        >{{ t.key | wt: t.params }}</nz-tag
      >
    }
  `,
})
export class RecordVerificationComponent {
  private readonly api = inject(RecordVerificationApi);
  readonly kind = input.required<VerifiedRecord>();
  readonly recordId = input.required<string | null>();
  protected readonly tag = signal<VerificationTag | null>(null);

  constructor() {
    effect((onCleanup) => {
      const id = this.recordId();
      const kind = this.kind();
      this.tag.set(null);
      if (!id) return;
      const sub = this.api.verify(kind, id).subscribe({
        next: (v) => this.tag.set(verificationTag(v)),
        error: () => this.tag.set(verificationTag('failed')),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }
}
