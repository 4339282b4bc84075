import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { CompletedTask, Task } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from '../../shared/a11y/select-label.directive';
import { firstValueFrom } from 'rxjs';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { DraftDirective } from '../../shared/states/draft.directive';
import { DraftStore } from '../../shared/states/draft-store.service';
import { UserPickerComponent } from '../../shared/user-picker.component';
import { NextHandlerPickerComponent } from './next-handler-picker.component';
import {
  TASK_OPERATIONS,
  type OperationInput,
  type Phrase,
  type ReturnTarget,
  type TaskOperation,
  WorkflowApiService,
} from '../../shared/workflow-api.service';
import { WorkflowI18n, WorkflowTranslatePipe, type WorkflowKey } from '../../shared/workflow-i18n';
import { operationBody, type OperationForm } from './operation-body';

/** Organization phrases offered while the server has no 常用语 of its own. */
const DEFAULT_ORG_PHRASES = ['同意', '已阅', '请按程序办理', '拟同意，请领导审批', '请相关部门研究办理'];

/**
 * 审批意见: the opinion with 常用语, 圈阅, and exactly the operations the server allows now
 * (GET /api/tasks/:id/actions). Operations that need more (a reason, a person, a step) open
 * their small form in place; nothing is sent before it is complete.
 */
@Component({
  selector: 'app-approval-panel',
  imports: [
    FormsModule,
    DraftDirective,
    NzButtonModule,
    NzInputModule,
    NzRadioModule,
    NzSelectModule,
    SelectLabelDirective,
    UserPickerComponent,
    NextHandlerPickerComponent,
    WorkflowTranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './approval-panel.component.css',
  host: { '[class.compact]': 'compact()' },
  templateUrl: './approval-panel.component.html',
})
export class ApprovalPanelComponent {
  private readonly api = inject(WorkflowApiService);
  private readonly i18n = inject(I18nService);
  private readonly texts = inject(WorkflowI18n);
  private readonly message = inject(NzMessageService);

  readonly task = input.required<Task>();
  /** Operation names from the server; null: the server does not say yet, so offer what the task allows. */
  readonly actions = input<readonly string[] | null>(null);
  readonly username = input<string | null>(null);
  /** Inside a list of other people's tasks: no heading, nothing said when nothing is offered. */
  readonly compact = input(false);
  /**
   * The task form's values for 办理 and 圈阅 (TaskFormComponent.collect): null when the task has
   * no form; `valid: false` stops the submission (form-js shows what is missing).
   */
  readonly formValues = input<(() => { valid: boolean; data: Record<string, unknown> } | null) | null>(null);
  /** The task changed (completed, returned, transferred …): the page reloads or leaves. */
  readonly changed = output<string>();

  protected readonly opinion = signal('');
  private readonly drafts = inject(DraftStore);
  protected readonly phrases = signal<Phrase[]>([]);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The operation whose form is open. */
  protected readonly open = signal<TaskOperation | null>(null);
  protected readonly form = signal<OperationForm>({ reason: '', users: [], target: '', position: 'after' });
  protected readonly targets = signal<ReturnTarget[]>([]);
  protected readonly targetsLoaded = signal(false);
  /** 选择下一步办理人: element id → chosen usernames (empty: the groups keep the next steps). */
  protected readonly nextAssignees = signal<Record<string, string[]>>({});

  /**
   * Exactly the server's list (签收 only to a candidate, 催办 only on someone else's task, no
   * 退回/驳回 on the first step …). Before the list arrives: 办理 for the assignee, nothing else.
   */
  protected readonly offered = computed<string[]>(() => {
    const task = this.task();
    const fromServer = this.actions();
    if (fromServer) return [...fromServer];
    return task.status === 'open' && task.assignee !== null && task.assignee === this.username() ? ['complete'] : [];
  });
  protected readonly canComplete = computed(() => this.offered().includes('complete'));
  /** 委派办结 (resolve) sends the delegate's opinion too. */
  protected readonly writesOpinion = computed(() => this.canComplete() || this.offered().includes('resolve'));
  protected readonly operations = computed(() => this.offered().filter((a): a is TaskOperation => a in TASK_OPERATIONS));
  protected readonly personalPhrases = computed(() => this.phrases().filter((p) => p.scope === 'personal'));
  protected readonly orgPhrases = computed(() => {
    const org = this.phrases().filter((p) => p.scope === 'org');
    return org.length ? org : DEFAULT_ORG_PHRASES.map((text) => ({ text, scope: 'org' as const }));
  });
  protected readonly needs = computed<readonly OperationInput[]>(() => {
    const op = this.open();
    return op ? TASK_OPERATIONS[op] : [];
  });

  constructor() {
    effect(() => {
      if (this.writesOpinion()) untracked(() => void this.loadPhrases());
    });
  }

  protected usePhrase(text: string): void {
    const current = this.opinion().trim();
    this.opinion.set(current ? `${current}${/[。！？；，]$/.test(current) ? '' : '，'}${text}` : text);
  }

  protected async savePhrase(): Promise<void> {
    const text = this.opinion().trim();
    if (!text) return;
    try {
      await firstValueFrom(this.api.savePhrase(text));
      this.message.success(this.texts.t('panel.phrases.saved'));
      await this.loadPhrases();
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    }
  }

  /** 办理 with the opinion written. */
  protected async complete(): Promise<void> {
    const opinion = this.opinion().trim();
    const variables = this.variables();
    if (variables === false) return;
    const picks = this.nextAssignees();
    const nextAssignees = Object.keys(picks).length ? { nextAssignees: picks } : {};
    await this.run(
      () => firstValueFrom(this.api.complete(this.task().id, { ...(opinion ? { opinion } : {}), ...variables, ...nextAssignees })),
      'complete',
    );
  }

  /** `{variables}` from the task form, `{}` without one; false (and a message) when the form is not valid. */
  private variables(): { variables?: Record<string, unknown> } | false {
    const result = this.formValues()?.() ?? null;
    if (!result) return {};
    if (!result.valid) {
      this.error.set(this.texts.t('panel.formInvalid'));
      return false;
    }
    return Object.keys(result.data).length ? { variables: result.data } : {};
  }

  /** 圈阅: the leader circles the document, which counts as agreement (DOMAIN.md: `circled`). */
  protected async circle(): Promise<void> {
    const text = this.opinion().trim() || '圈阅';
    const variables = this.variables();
    if (variables === false) return;
    await this.run(
      () => firstValueFrom(this.api.complete(this.task().id, { opinion: { text, kind: 'circled', approve: true }, ...variables })),
      'complete',
    );
  }

  protected async claim(): Promise<void> {
    await this.run(() => firstValueFrom(this.api.claim(this.task().id)), 'claim');
  }

  protected async toggle(op: TaskOperation): Promise<void> {
    this.error.set(null);
    if (this.open() === op) {
      this.open.set(null);
      return;
    }
    this.form.set({ reason: '', users: [], target: '', position: 'after' });
    this.open.set(op);
    if (op === 'return') {
      this.targetsLoaded.set(false);
      try {
        const targets = await firstValueFrom(this.api.returnTargets(this.task().id));
        this.targets.set(targets);
        this.targetsLoaded.set(true);
        const preselected = targets.find((t) => t.default) ?? targets[0];
        if (preselected) this.patchForm({ target: preselected.elementId });
      } catch (error) {
        this.error.set(apiErrorText(error, this.i18n));
      }
    }
  }

  protected patchForm(change: Partial<OperationForm>): void {
    this.form.update((f) => ({ ...f, ...change }));
  }

  /** The first thing still missing in the open form, as a message key; null when complete. */
  protected readonly missing = computed<WorkflowKey | null>(() => {
    const f = this.form();
    const needs = this.needs();
    if (needs.includes('target') && !f.target) return 'panel.targetRequired';
    if ((needs.includes('user') || needs.includes('users')) && !f.users.length) return 'panel.userRequired';
    if (needs.includes('reason') && !f.reason.trim()) return 'panel.reasonRequired';
    return null;
  });

  protected async submit(): Promise<void> {
    const op = this.open();
    if (!op || this.missing()) return;
    const body = operationBody(op, this.form(), this.opinion().trim());
    await this.run(() => firstValueFrom(this.api.operate(this.task().id, op, body)), op);
  }

  protected label(action: string): string {
    return this.texts.label(`action.${action}`);
  }

  private async run(call: () => Promise<unknown>, action: string): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      const result = await call();
      const name = action === 'claim' ? this.texts.t('task.claim') : this.label(action);
      // a completion names the steps it opened: the user sees where the 公文 went
      const steps = nextSteps(result);
      this.message.success(steps ? this.texts.t('panel.sentTo', { action: name, steps }) : this.texts.t('panel.done', { action: name }));
      this.open.set(null);
      // the text went with the action: no draft of it is kept
      if (action !== 'claim') this.drafts.clearTask(this.task().id);
      this.changed.emit(action);
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    } finally {
      this.busy.set(false);
    }
  }

  private async loadPhrases(): Promise<void> {
    this.phrases.set(await firstValueFrom(this.api.phrases()));
  }
}

/** The names of the steps a completion opened (`next`), joined with 、; null when it opened none or was no completion. */
function nextSteps(result: unknown): string | null {
  const next = (result as Partial<CompletedTask> | null)?.next;
  if (!Array.isArray(next) || !next.length) return null;
  return [...new Set(next.map((t) => t.name ?? t.elementId))].join('、');
}
