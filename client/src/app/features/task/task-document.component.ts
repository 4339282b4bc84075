import { DatePipe } from '@angular/common';
import { HttpContext } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, DOCUMENT, computed, effect, inject, input, output, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { DOC_TYPE_NAMES, type Attachment, type DocumentDetail, type SecrecyPeriod } from '@liuzhuan/contracts';
import { firstValueFrom, of } from 'rxjs';
import { ContractApi } from '../../core/api/contract-api.service';
import { SKIP_ERROR_MESSAGE } from '../../core/http/http-context';
import { BEIJING } from '../documents/doc-form';
import { DocsI18n, DocsTranslatePipe } from '../documents/documents-i18n';
import { UserNamePipe } from '../../shared/user-names.service';
import { AttachmentPreviewComponent, previewTypeOf } from './attachment-preview.component';
import { TaskDocI18n, TaskDocTranslatePipe } from './task-document-i18n';

/** At most this many attachments open their preview by themselves (the rest on a click). */
const OPEN_PREVIEWS = 2;

/** "秘密★5年" (GB/T 9704 §7.2.2), as the document view writes it. */
function levelText(levelName: string, period: SecrecyPeriod | null, unit: (u: string) => string): string {
  if (!period) return levelName;
  return 'condition' in period ? `${levelName}★${period.condition}` : `${levelName}★${period.value}${unit(period.unit)}`;
}

/** "2026年7月1日": 成文日期 with Arabic digits and no padding (GB/T 9704). */
function writtenText(day: string | null): string {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The 公文 at this step, on the task page: its title and elements, for 收文 the 来文 details, the
 * 正文 as text (or, for a classified document, where its paper copy is), and the attachments with
 * PDF and images shown inline. One request (GET /documents/:id); a refusal says so in place.
 */
@Component({
  selector: 'app-task-document',
  imports: [DatePipe, RouterLink, AttachmentPreviewComponent, DocsTranslatePipe, TaskDocTranslatePipe, UserNamePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './task-document.component.css',
  templateUrl: './task-document.component.html',
})
export class TaskDocumentComponent {
  private readonly api = inject(ContractApi);
  private readonly document = inject(DOCUMENT);
  protected readonly docs = inject(DocsI18n);
  private readonly texts = inject(TaskDocI18n);

  readonly documentId = input<string | null>(null);
  /** The document once read (the task page fills the step's form from it), or null when it could not be read. */
  readonly loaded = output<DocumentDetail | null>();

  protected readonly beijing = BEIJING;
  protected readonly typeNames = DOC_TYPE_NAMES;
  protected readonly size = sizeText;
  protected readonly written = writtenText;

  protected readonly doc = rxResource({
    params: () => this.documentId() ?? undefined,
    stream: ({ params }) =>
      params
        ? this.api.call('GET /documents/:id', { params: { id: params }, context: new HttpContext().set(SKIP_ERROR_MESSAGE, true) })
        : of(undefined),
  });
  protected readonly current = computed<DocumentDetail | undefined>(() => (this.doc.hasValue() ? this.doc.value() : undefined));
  protected readonly names = (orgs: readonly { name: string }[]) => orgs.map((o) => o.name).join('、');

  constructor() {
    effect(() => {
      const status = this.doc.status();
      if (status === 'resolved' || status === 'local') this.loaded.emit(this.doc.value() ?? null);
      else if (status === 'error') this.loaded.emit(null);
    });
  }

  /** A 404 is "not yours to read" (the server answers so for both unknown and refused). */
  protected readonly refused = computed(() => (this.doc.error() as { status?: number } | undefined)?.status === 404);

  protected readonly secrecy = computed(() => {
    const d = this.current();
    return d && d.secretLevel !== 'NONE'
      ? levelText(this.docs.label('secret', d.secretLevel), d.secrecyPeriod, (u) => this.docs.label('unit', u))
      : null;
  });
  protected readonly classifiedNotice = computed(() => {
    const level = this.secrecy();
    return level ? this.texts.t('taskDoc.classified', { level }) : null;
  });
  protected readonly custodyNotice = computed(() => {
    const d = this.current();
    if (!d || d.secretLevel === 'NONE') return null;
    return this.texts.t('taskDoc.custody', {
      copy: d.copyNumber ?? '—',
      custodian: d.custodian ?? '—',
      location: d.storageLocation ?? '—',
    });
  });

  /** Which attachments show their preview: the first few previewable ones, then whatever the user opens. */
  private readonly toggled = signal<ReadonlySet<string>>(new Set());
  protected readonly previewable = (a: Attachment) => previewTypeOf(a.contentType) !== null;
  protected readonly shown = computed(() => {
    const first = (this.current()?.attachments ?? [])
      .filter(this.previewable)
      .slice(0, OPEN_PREVIEWS)
      .map((a) => a.id);
    const toggled = this.toggled();
    return (id: string) => first.includes(id) !== toggled.has(id);
  });

  protected toggle(id: string): void {
    this.toggled.update((set) => {
      const next = new Set(set);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }

  protected async download(doc: DocumentDetail, attachment: Attachment): Promise<void> {
    const blob = await firstValueFrom(
      this.api.blob('GET /documents/:id/attachments/:attachmentId', { params: { id: doc.id, attachmentId: attachment.id } }),
    );
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = attachment.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
