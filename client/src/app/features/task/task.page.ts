import { DOCUMENT, DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { DOC_TYPE_NAMES, type DocumentDetail, documentFormValues, type HistoryEvent, type Instance, type Task } from '@liuzhuan/contracts';
import { firstValueFrom } from 'rxjs';
import { focusWhenLost } from '../../core/a11y/route-focus';
import { AuthService } from '../../core/auth/auth.service';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { ProcessingRecordComponent } from '../../shared/processing-record.component';
import { RecordVerificationComponent } from '../../shared/record-verification.component';
import { ProgressDiagramComponent } from '../../shared/progress-diagram/progress-diagram.component';
import { progressMarks } from '../../shared/progress-diagram/progress-path';
import { processNameOf } from '../../shared/names';
import { candidateNames, GroupNames } from '../../shared/group-names.service';
import { UserNamePipe, UserNames } from '../../shared/user-names.service';
import { type OpinionItem, WorkflowApiService } from '../../shared/workflow-api.service';
import { WorkflowTranslatePipe } from '../../shared/workflow-i18n';
import { DraftStore } from '../../shared/states/draft-store.service';
import { ErrorStateComponent, type LoadFailure, loadFailureOf } from '../../shared/states/error-state.component';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzModalService } from 'ng-zorro-antd/modal';
import { type HasUnsentText, confirmLeave } from '../../shared/states/leave-guard';
import { ApprovalPanelComponent } from './approval-panel.component';
import { TaskDocumentComponent } from './task-document.component';
import { TaskFormComponent } from './task-form.component';
import { returnedBy } from './returned-by';

/** The form of the step where an outgoing document's text is drafted (拟稿). */
const DRAFT_FORM = 'outgoing-draft';

/**
 * 办理: one task (`/tasks/:id`) or, read-only, one instance (`/tasks/instance/:instanceId`): the
 * 公文 at this step (正文, 来文 details, attachments shown inline), its processing record and
 * progress diagram beside the task information, the step's form and the approval panel.
 */
@Component({
  selector: 'app-task-page',
  imports: [
    DatePipe,
    NzButtonModule,
    JsonPipe,
    RouterLink,
    ApprovalPanelComponent,
    TaskDocumentComponent,
    TaskFormComponent,
    ProcessingRecordComponent,
    ProgressDiagramComponent,
    RecordVerificationComponent,
    ErrorStateComponent,
    UserNamePipe,
    WorkflowTranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  providers: [NzModalService],
  styleUrl: './task.page.css',
  templateUrl: './task.page.html',
})
export default class TaskPage implements HasUnsentText {
  private readonly api = inject(WorkflowApiService);
  private readonly auth = inject(AuthService);
  private readonly i18n = inject(I18nService);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  /** Route parameters (component input binding). */
  readonly id = input<string | undefined>(undefined);
  readonly instanceId = input<string | undefined>(undefined);

  protected readonly task = signal<Task | null>(null);
  protected readonly instance = signal<Instance | null>(null);
  protected readonly history = signal<readonly HistoryEvent[]>([]);
  protected readonly xml = signal<string | null>(null);
  protected readonly actions = signal<readonly string[] | null>(null);
  protected readonly opinions = signal<readonly OpinionItem[] | null>(null);
  /** The instance's other open tasks, with what the user may do on each (催办, 改派). */
  protected readonly others = signal<readonly { task: Task; actions: readonly string[] | null }[]>([]);
  protected readonly showPanel = computed(() => {
    const task = this.task();
    return !!task && (task.status === 'open' || !!this.actions()?.length);
  });
  protected readonly error = signal<string | null>(null);
  /** 无权访问 / 事项不存在或已办结: one clear message instead of the page (the server answers 404 for both a task one has no part in and a gone one). */
  protected readonly failure = signal<LoadFailure | null>(null);
  protected readonly blocked = computed(() => this.failure() === 'forbidden' || this.failure() === 'missing');
  private readonly drafts = inject(DraftStore);
  private readonly userNames = inject(UserNames);
  private readonly groupNames = inject(GroupNames);
  private readonly modal = inject(NzModalService);
  protected readonly username = computed(() => this.auth.user()?.username ?? null);

  protected readonly heading = computed(() => {
    const task = this.task();
    const instance = this.instance();
    const title = instance ? String(instance.variables['title'] ?? instance.businessKey ?? this.processLabel()) : '';
    return task ? `${task.name ?? task.elementId}${title ? ' · ' + title : ''}` : title;
  });
  protected readonly marks = computed(() => progressMarks(this.history(), this.instance()?.activeElementIds ?? []));
  /** The return (退回) that brought this task back, while it is open: who and why. */
  protected readonly returnedBy = computed(() => returnedBy(this.task(), this.history(), this.opinions()));
  /**
   * 修改文稿 from the task page: the holder of an open drafting step (the step with the 拟稿 form)
   * of an outgoing document edits its 正文 and comes back here.
   */
  protected readonly editsDraft = computed(() => {
    const task = this.task();
    return (
      !!task &&
      task.status === 'open' &&
      task.formKey === DRAFT_FORM &&
      task.assignee === this.username() &&
      this.instance()?.variables['direction'] === 'outgoing'
    );
  });
  /** The 公文 the instance handles (its `documentId` variable), shown at the head of the page. */
  protected readonly documentId = computed(() => {
    const id = this.instance()?.variables['documentId'];
    return typeof id === 'string' && id ? id : null;
  });
  /** The process by its name (收文办理, or the deployed definition's name), never its key. */
  protected readonly processLabel = computed(() => {
    const instance = this.instance();
    return instance ? processNameOf(instance.definitionKey, this.xml()) : '';
  });
  /** Candidate people and groups by name: 张晓明、市政府办公室领导. */
  protected candidatesOf(task: Task): string {
    return candidateNames(task, this.userNames, this.groupNames);
  }
  /** The variables as listed without a form; a 文种 code by its name (GW08 → 通知). */
  protected readonly variables = computed(() =>
    Object.entries(this.instance()?.variables ?? {}).map(([key, value]): [string, unknown] =>
      key === 'docType' && typeof value === 'string' ? [key, (DOC_TYPE_NAMES as Record<string, string>)[value] ?? value] : [key, value],
    ),
  );
  private readonly formView = viewChild(TaskFormComponent);
  /** The 公文 as the document part read it (false: it could not be read; null: not yet), for the current documentId. */
  private readonly documentLoaded = signal<{ id: string; doc: DocumentDetail | false } | null>(null);
  protected readonly documentRead = computed(() => {
    const loaded = this.documentLoaded();
    return loaded && loaded.id === this.documentId() ? loaded.doc : null;
  });
  protected onDocument(id: string, doc: DocumentDetail | null): void {
    this.documentLoaded.set({ id, doc: doc ?? false });
  }
  /**
   * The task's form (form key), once the instance's variables — and the 公文, when there is one —
   * are read: a step's form opens filled from the document.
   */
  protected readonly formKey = computed(() => {
    if (!this.instance() || (this.documentId() && this.documentRead() === null)) return null;
    return this.task()?.formKey ?? null;
  });
  /**
   * The form's initial values: the instance's variables with the document's elements over them
   * (主送机关, 抄送机关, 公开属性 …, as the forms name them): the document is what the process
   * moves, and an element left empty there never blanks a value.
   */
  protected readonly formData = computed(() => {
    const variables = this.instance()?.variables ?? {};
    const doc = this.documentRead();
    return doc ? { ...variables, ...documentFormValues(doc) } : variables;
  });
  /** The form is filled in only by the user who holds the open task; otherwise it shows the values. */
  protected readonly formReadOnly = computed(() => {
    const task = this.task();
    return !task || task.status !== 'open' || task.assignee === null || task.assignee !== this.username();
  });
  /** Without a form (no key, none deployed, or it failed to load) the variables are listed read-only. */
  protected readonly formStatus = computed(() => this.formView()?.status() ?? null);
  protected readonly showVariables = computed(() => {
    const status = this.formStatus();
    return !this.formKey() || status === 'none' || status === 'error';
  });
  /** What 办理 sends as variables: the form's values (null without a form). */
  protected readonly collectForm = () => this.formView()?.collect() ?? null;

  constructor() {
    effect(() => {
      const id = this.id();
      const instanceId = this.instanceId();
      untracked(() => void this.load(id, instanceId));
    });
  }

  protected isObject(value: unknown): boolean {
    return typeof value === 'object' && value !== null;
  }

  protected isText(value: unknown): value is string {
    return typeof value === 'string';
  }

  /**
   * After an operation: claiming keeps the user here to work on it (the focus goes to the opinion,
   * or the page's heading, as the claim button is gone); anything else returns to the inbox.
   */
  protected async onChanged(action: string): Promise<void> {
    if (action === 'claim' || action === 'urge' || action === 'cc') {
      await this.load(this.id(), this.instanceId());
      focusWhenLost(this.document, action === 'claim' ? ['textarea#opinion', 'h1'] : ['h1']);
    } else await this.router.navigateByUrl('/');
  }

  private async loadOthers(instanceId: string, exceptId: string | null): Promise<void> {
    const open = (await firstValueFrom(this.api.tasks({ instanceId, status: 'open', limit: 50 }))).items.filter((t) => t.id !== exceptId);
    const actions = await Promise.all(open.map((t) => firstValueFrom(this.api.actions(t.id)).catch(() => null)));
    this.others.set(open.map((task, i) => ({ task, actions: actions[i] })));
  }

  /** The leave guard asks first while the task's opinion or form holds text kept as a draft. */
  hasUnsentText(): boolean {
    const id = this.id();
    return !!id && this.task()?.status === 'open' && this.drafts.hasAny(`task:${id}:`);
  }

  confirmLeave(): Promise<boolean> {
    return confirmLeave(this.modal, this.i18n);
  }

  private async load(id: string | undefined, instanceId: string | undefined): Promise<void> {
    this.error.set(null);
    this.failure.set(null);
    try {
      const task = id ? await firstValueFrom(this.api.task(id)) : null;
      this.task.set(task);
      const iid = task?.instanceId ?? instanceId;
      if (!iid) return;
      const [instance, history, opinions, actions] = await Promise.all([
        firstValueFrom(this.api.instance(iid)),
        firstValueFrom(this.api.history(iid)),
        firstValueFrom(this.api.opinions(iid)),
        task ? firstValueFrom(this.api.actions(task.id)) : Promise.resolve(null),
      ]);
      this.instance.set(instance);
      this.history.set(history);
      this.opinions.set(opinions);
      this.actions.set(actions);
      void this.loadOthers(iid, task?.id ?? null);
      if (!this.xml()) this.xml.set(await firstValueFrom(this.api.definitionXml(instance.definitionId)));
    } catch (error) {
      this.failure.set(loadFailureOf(error));
      this.error.set(apiErrorText(error, this.i18n));
    }
  }
}
