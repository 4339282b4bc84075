import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import type { DocumentSignature, RecordVerification } from '@liuzhuan/contracts';
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
 * 已验证 or 验证失败 of a 签发's SM2 signature, as the server verified it when it listed the
 * signatures; the tooltip names the signer (and whom they signed for) and the time.
 */
export function signatureTag(s: DocumentSignature, at: (iso: string) => string): VerificationTag {
  const signer = s.onBehalfOfName ? `${s.signerName}（代${s.onBehalfOfName}）` : s.signerName;
  return s.valid
    ? { color: 'green', key: 'verify.signed', hint: 'verify.signedHint', hintParams: { signer, at: at(s.signedAt) } }
    : { color: 'red', key: 'verify.signatureFailed', hint: 'verify.signatureFailedHint' };
}

/** Beijing time to the minute, as the 处理单 shows it. */
const beijingMinute = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The one verification badge: the state of an instance's record (处理单) or a document, from the
 * verify endpoint, asked once per id (the SM3 chains recomputed by the server at this call); or,
 * given a `signature`, the state of that 签发 signature (SM2) as the server verified it.
 */
@Component({
  selector: 'app-record-verification',
  imports: [NzTagModule, NzTooltipModule, WorkflowTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (tag(); as t) {
      <nz-tag
        class="record-verification"
        [class.signature-verification]="!!signature()"
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
  readonly kind = input<VerifiedRecord>('instance');
  readonly recordId = input<string | null>(null);
  /** A signature from GET /documents/:id/signatures: shown as it is, nothing asked */
  readonly signature = input<DocumentSignature | null>(null);
  private readonly fetched = signal<VerificationTag | null>(null);
  protected readonly tag = computed(() => {
    const s = this.signature();
    return s ? signatureTag(s, beijingMinute) : this.fetched();
  });

  constructor() {
    effect((onCleanup) => {
      const id = this.recordId();
      const kind = this.kind();
      this.fetched.set(null);
      if (!id || this.signature()) return;
      const sub = this.api.verify(kind, id).subscribe({
        next: (v) => this.fetched.set(verificationTag(v)),
        error: () => this.fetched.set(verificationTag('failed')),
      });
      onCleanup(() => sub.unsubscribe());
    });
  }
}
