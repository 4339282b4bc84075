import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, input } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { forkJoin, map, switchMap } from 'rxjs';
import { RouterLink } from '@angular/router';
import {
  DOC_TYPE_NAMES,
  type Attachment,
  type Circulation,
  type DocumentDetail,
  type OfficialDocument,
  type ProcessingStep,
  REGISTER_STEP,
  type SecrecyPeriod,
} from '@liuzhuan/contracts';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthService } from '../../core/auth/auth.service';
import { RecordVerificationComponent } from '../../shared/record-verification.component';
import { ProgressDiagramComponent } from '../../shared/progress-diagram/progress-diagram.component';
import { progressMarks } from '../../shared/progress-diagram/progress-path';
import { UserNamePipe, UserNames } from '../../shared/user-names.service';
import { WorkflowApiService } from '../../shared/workflow-api.service';
import { AttachmentUploadComponent } from './attachment-upload.component';
import { CirculationPanelComponent } from './circulation-panel.component';
import { ClassificationChangeComponent } from './classification-change.component';
import { DocNumberComponent } from './doc-number.component';
import { DocumentRenditionComponent } from './document-rendition.component';
import { ProcessingSheetComponent } from './processing-sheet.component';
import { BEIJING, valueOr } from './doc-form';
import { DocsI18n, DocsTranslatePipe, type DocsTranslate } from './documents-i18n';
import { DocumentsApi } from './documents-api.service';

/** "机密★1年" (GB/T 9704 §7.2.2): the level, a star and the period or condition. */
export function secrecyText(levelName: string, period: SecrecyPeriod | null, t: DocsTranslate): string {
  if (!period) return levelName;
  if ('condition' in period) return `${levelName}★${period.condition}`;
  return `${levelName}★${period.value}${t(`docs.unit.${period.unit}`)}`;
}

/** An opinion on a 处理单 line, as the server reports it (author, for whom, text, time). */
export interface StepOpinionView {
  kind: string;
  text: string;
  author: string;
  onBehalfOf: string | null;
  at: string;
  /** 同意 / 不同意 of a vote (会签) */
  approve?: boolean | null;
}

/** "B（代A）" when a deputy acted for the principal, else the name. */
export function actorLabel(by: string, forUser: string | null | undefined, t: DocsTranslate): string {
  return forUser && by && forUser !== by ? t('docs.view.record.proxy', { by, for: forUser }) : by;
}

/** The opinions of a step; a server without the list still gives the last opinion's text. */
export function stepOpinions(step: ProcessingStep): StepOpinionView[] {
  const listed = (step as ProcessingStep & { opinions?: StepOpinionView[] }).opinions;
  if (listed?.length) return listed;
  const by = step.completedBy ?? step.assignee ?? '';
  return step.opinion ? [{ kind: '', text: step.opinion, author: by, onBehalfOf: null, at: step.completedAt ?? step.createdAt }] : [];
}

/** The actor of a 处理单 line: who completed it (for whom, from its last opinion), else the assignee. */
export function stepActor(step: ProcessingStep, t: DocsTranslate, name: (username: string) => string = (u) => u): string {
  const by = step.completedBy ?? step.assignee ?? '';
  const last = stepOpinions(step).at(-1);
  const forUser = last && last.author === by ? last.onBehalfOf : null;
  return actorLabel(by && name(by), forUser && name(forUser), t);
}

/** "2026年7月1日": GB/T 9704 writes 成文日期 with Arabic digits and no padding. */
export function writtenDateText(day: string | null): string {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A document as GB/T 9704 lays it out (版头 / 主体 / 版记), its 收文登记, 处理单, attachments and 传阅. */
/** The 发文's drafting steps and its 签发 (workflows/outgoing-document), as the server's lock reads them. */
const DRAFTING_STEPS = new Set(['draft', 'review', 'countersign', 'signOff']);
/** A task of a step that was reached (not one cancelled on the way). */
const REACHED = new Set(['open', 'waiting', 'completed']);

@Component({
  selector: 'app-document-view-page',
  imports: [
    DatePipe,
    RouterLink,
    NzAlertModule,
    NzButtonModule,
    NzEmptyModule,
    NzTagModule,
    DocumentRenditionComponent,
    AttachmentUploadComponent,
    CirculationPanelComponent,
    ClassificationChangeComponent,
    DocNumberComponent,
    DocsTranslatePipe,
    ProcessingSheetComponent,
    ProgressDiagramComponent,
    RecordVerificationComponent,
    UserNamePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './document-view.page.html',
  styleUrl: './document-view.page.css',
  host: { class: 'page' },
})
export default class DocumentViewPage {
  private readonly api = inject(DocumentsApi);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  private readonly workflow = inject(WorkflowApiService);
  private readonly userNames = inject(UserNames);
  protected readonly docsI18n = inject(DocsI18n);
  protected readonly t = this.docsI18n.t;

  /** The `:id` route parameter, via component input binding. */
  readonly id = input.required<string>();

  protected readonly beijing = BEIJING;
  protected readonly typeNames = DOC_TYPE_NAMES;
  protected readonly size = formatSize;
  private readonly name = (username: string) => this.userNames.name(username);
  protected readonly actor = (step: ProcessingStep) => stepActor(step, this.t, this.name);
  protected readonly opinions = stepOpinions;
  protected readonly opinionBy = (o: StepOpinionView) => actorLabel(this.name(o.author), o.onBehalfOf && this.name(o.onBehalfOf), this.t);
  protected readonly written = writtenDateText;

  protected readonly doc = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  /** The loaded document; undefined while loading or after a failure (see `doc.error()`). */
  protected readonly current = computed(() => valueOr(this.doc, undefined));
  protected readonly circulations = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.circulation(params) });
  private readonly orgs = rxResource({ stream: () => this.api.orgs() });

  protected readonly circulationList = computed(() => valueOr(this.circulations, null)?.items ?? []);
  protected readonly progressValue = computed(() => valueOr(this.progress, undefined));

  /** The handling process on its diagram: the path taken, the current steps and returns (shared component). */
  protected readonly progress = rxResource({
    params: () => this.current()?.instanceId ?? undefined,
    stream: ({ params }) =>
      forkJoin({ instance: this.api.processInstance(params), history: this.api.processHistory(params) }).pipe(
        switchMap(({ instance, history }) =>
          this.workflow
            .definitionXml(instance.definitionId)
            .pipe(map((xml) => ({ xml, marks: progressMarks(history, instance.activeElementIds) }))),
        ),
      ),
  });

  protected readonly orgName = computed(() => {
    const names = new Map((valueOr(this.orgs, undefined) ?? []).map((o) => [o.id, o.name]));
    return (id: string | null) => (id ? (names.get(id) ?? id) : '');
  });

  protected readonly secrecy = computed(() => {
    const d = this.current();
    if (!d || d.secretLevel === 'NONE') return null;
    return secrecyText(this.docsI18n.label('secret', d.secretLevel), d.secrecyPeriod, this.t);
  });

  /** Open tasks of this document I may take as a candidate (a step assigned to my group). */
  private readonly candidateTasks = rxResource({
    params: () => this.current()?.instanceId ?? undefined,
    stream: ({ params }) => this.api.candidateTasks(params),
  });

  /** The open task of this document that is mine, or that my group may take: the way to handle it. */
  protected readonly myTask = computed((): { taskId: string } | null => {
    const me = this.auth.user()?.username;
    const assigned = this.current()?.processingRecord.find((s) => s.status === 'open' && !!me && s.assignee === me);
    if (assigned) return assigned;
    const candidate = valueOr(this.candidateTasks, null)?.items[0];
    return candidate ? { taskId: candidate.id } : null;
  });

  /** The drafter or a holder of an open task may change the document (the server has the last word). */
  private readonly mayChange = computed(() => {
    const d = this.current();
    return !!d && d.status === 'handling' && (d.createdBy === this.auth.user()?.username || !!this.myTask());
  });

  protected readonly canUpload = computed(() => this.mayChange() && (!this.signedOff() || this.rechecking()));

  /**
   * 编号/作废 for clerks, on an outgoing document still being handled, once its process has reached
   * 发文登记 (the server refuses a number earlier: DOCUMENT_NUMBER_NOT_AT_REGISTER); 作废 wherever it has one.
   */
  protected readonly canNumber = computed(() => {
    const d = this.current();
    if (!d || d.direction !== 'outgoing' || d.status !== 'handling' || !this.auth.hasAnyRole(['clerk'])) return false;
    return !!d.docNumber || d.processingRecord.some((s) => s.step === REGISTER_STEP && REACHED.has(s.status));
  });

  /** 变更密级 is the security admin's act (the server has the last word). */
  protected readonly canClassify = computed(() => !!this.current() && this.auth.hasAnyRole(['security_admin']));

  /**
   * Whether the 发文 stands as signed, by the server's rule (DOCUMENT_SIGNED_LOCKED): the latest
   * step of 拟稿, 核稿, 会签 and 签发 is a completed 签发. Its text then changes only through 退回.
   */
  protected readonly signedOff = computed(() => {
    const d = this.current();
    if (!d || d.direction !== 'outgoing') return false;
    const latest = d.processingRecord
      .filter((s) => DRAFTING_STEPS.has(s.step))
      .reduce<ProcessingStep | null>((a, s) => (!a || s.createdAt >= a.createdAt ? s : a), null);
    return latest?.step === 'signOff' && latest.status === 'completed';
  });

  /**
   * Whether I hold (claimed) the open 复核 of a signed 发文: I may still correct its text, and the
   * server then sends it back to the 签发人 for 复审 (条例 第二十五条).
   */
  protected readonly rechecking = computed(() => {
    const me = this.auth.user()?.username;
    return !!me && !!this.current()?.processingRecord.some((s) => s.step === 'recheck' && s.status === 'open' && s.assignee === me);
  });

  /** 修改文稿 of an outgoing draft in the 拟稿 form; once signed only in 复核 (otherwise through 退回). */
  protected readonly canEdit = computed(
    () => this.mayChange() && this.current()?.direction === 'outgoing' && (!this.signedOff() || this.rechecking()),
  );

  /** 签发人: as the document names them (上行文), else whoever signed it off, once signed. */
  protected readonly signersText = computed(() => {
    const d = this.current();
    if (!d) return '';
    if (d.signers.length) return d.signers.join('、');
    const s = d.handling.signedOff;
    return s ? actorLabel(this.name(s.by), s.onBehalfOf && this.name(s.onBehalfOf), this.t) : '';
  });

  protected numberChanged(updated: OfficialDocument): void {
    this.doc.update((d): DocumentDetail | undefined =>
      d ? { ...d, ...updated, attachments: d.attachments, processingRecord: d.processingRecord, handling: d.handling } : d,
    );
  }

  /** The server's PDF of the 处理单 (A4), downloaded. */
  protected async sheetPdf(doc: DocumentDetail): Promise<void> {
    const blob = await this.api.processingSheetPdf(doc.id);
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = `${doc.registration?.regNo ?? doc.docNumber ?? doc.id}-处理单.pdf`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  protected circulationChanged(changed: Circulation): void {
    this.circulations.update((list) => {
      const items = list?.items ?? [];
      const known = items.some((c) => c.id === changed.id);
      return { items: known ? items.map((c) => (c.id === changed.id ? changed : c)) : [...items, changed] };
    });
  }

  protected attachmentAdded(attachment: Attachment): void {
    this.doc.update((d): DocumentDetail | undefined => (d ? { ...d, attachments: [...d.attachments, attachment] } : d));
  }

  protected async download(doc: DocumentDetail, attachment: Attachment): Promise<void> {
    const blob = await this.api.download(doc.id, attachment.id);
    const url = URL.createObjectURL(blob);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = attachment.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
