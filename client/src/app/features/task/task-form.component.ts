import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  ViewEncapsulation,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { type EligibleStep, opinionFieldsOf } from '@liuzhuan/contracts';
import { catchError, firstValueFrom, forkJoin, map, of } from 'rxjs';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { EligibleApi } from '../../shared/eligible-api.service';
import { FormsApiService, type FormOption } from '../../shared/forms-api.service';
import type { OpinionItem } from '../../shared/workflow-api.service';
import { WorkflowI18n, WorkflowTranslatePipe } from '../../shared/workflow-i18n';
import { DraftStore } from '../../shared/states/draft-store.service';
import { translateFormTexts } from './task-form-texts';

/** What form-js's viewer offers the page (only the calls used here). */
interface FormViewer {
  importSchema(schema: unknown, data?: Record<string, unknown>): Promise<unknown>;
  submit(): { data: Record<string, unknown>; errors: Record<string, string[]> };
  on(event: 'changed', callback: (state: { data: Record<string, unknown> }) => void): void;
  destroy(): void;
}

/** The values of the form when they are valid; `valid: false` when form-js shows errors. */
export interface TaskFormResult {
  valid: boolean;
  data: Record<string, unknown>;
}

/** A select fed by `valuesKey: "eligible_<variable>"` lists the people the model allows for that variable. */
const ELIGIBLE_PREFIX = 'eligible_';

/** loading: reading the form; ready: rendered; none: no such form (the page shows the variables); error: it could not be read. */
export type TaskFormStatus = 'loading' | 'ready' | 'none' | 'error';

/**
 * 表单: the task's form (GET /api/forms/:key) rendered by form-js's viewer, filled with the
 * instance's variables and the option lists a select names by `valuesKey` (`orgOptions`,
 * `userOptions`; `eligible_<variable>`: the people the model allows there, GET /tasks/:id/eligible,
 * the server's one rule). form-js loads on first use, in its own chunk. Read-only on a task the user
 * cannot complete (a completed one shows the submitted values).
 */
@Component({
  selector: 'app-task-form',
  imports: [WorkflowTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // form-js renders its own DOM: its stylesheet must reach it.
  encapsulation: ViewEncapsulation.None,
  styleUrl: './task-form.component.css',
  host: { class: 'task-form' },
  template: `
    @if (status() === 'loading') {
      <p class="task-form-muted">{{ 'task.formLoading' | wt }}</p>
    }
    @if (error(); as text) {
      <div class="task-form-error" role="alert">{{ text }}</div>
    }
    <div
      #host
      class="task-form-host"
      [class.task-form-readonly]="readOnly()"
      [hidden]="status() !== 'ready'"
      [attr.data-form-key]="formKey()"
    ></div>
  `,
})
export class TaskFormComponent {
  private readonly api = inject(FormsApiService);
  private readonly eligible = inject(EligibleApi);
  private readonly i18n = inject(I18nService);
  private readonly texts = inject(WorkflowI18n);
  private readonly drafts = inject(DraftStore);

  readonly formKey = input.required<string>();
  /** The instance's variables: the form's initial values. */
  readonly data = input<Record<string, unknown>>({});
  readonly readOnly = input(false);
  /**
   * The task whose form this is: the eligible lists of its selects (`valuesKey: "eligible_issuer"`)
   * are read for it, and with the instance's opinions an opinion field shows this task's own opinion only.
   */
  readonly taskId = input<string | null>(null);
  readonly opinions = input<readonly OpinionItem[] | null>(null);

  readonly status = signal<TaskFormStatus>('loading');
  protected readonly error = signal<string | null>(null);

  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private viewer?: FormViewer;
  private observer?: MutationObserver;
  private run = 0;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.run++;
      this.dispose();
    });
    effect(() => {
      const key = this.formKey();
      const data = this.data();
      const readOnly = this.readOnly();
      const own = { taskId: this.taskId(), opinions: this.opinions() };
      untracked(() => void this.render(key, data, readOnly, own));
    });
  }

  /**
   * The values to send with 办理: form-js validates (showing its messages in the form) and
   * returns only the form's own fields. Null when no form is shown.
   */
  collect(): TaskFormResult | null {
    if (!this.viewer || this.status() !== 'ready' || this.readOnly()) return null;
    const { data, errors } = this.viewer.submit();
    const clean: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(data)) if (value !== undefined) clean[key] = value;
    return { valid: Object.keys(errors).length === 0, data: clean };
  }

  private async render(
    key: string,
    data: Record<string, unknown>,
    readOnly: boolean,
    own: { taskId: string | null; opinions: readonly OpinionItem[] | null },
  ): Promise<void> {
    const run = ++this.run;
    this.status.set('loading');
    this.error.set(null);
    try {
      const definition = await firstValueFrom(this.api.form(key));
      if (run !== this.run) return;
      if (!definition) {
        this.dispose();
        this.status.set('none');
        return;
      }
      const usesOptions = JSON.stringify(definition.schema).includes('"valuesKey"');
      const [options, eligible, { Form }] = await Promise.all([
        usesOptions ? firstValueFrom(this.api.options()) : Promise.resolve({}),
        this.eligibleOptions(definition.schema, own.taskId),
        import('@bpmn-io/form-js'),
      ]);
      if (run !== this.run) return;
      this.dispose();
      const container = this.host().nativeElement;
      this.observer = translateFormTexts(container);
      const viewer = new Form({ container, properties: { readOnly }, debounce: false } as never) as unknown as FormViewer;
      this.viewer = viewer;
      const initial = withOwnOpinions(definition.schema, data, own);
      // unsent values this user typed into this task's form before a reload (cleared on submit)
      const scope = own.taskId && !readOnly ? `task:${own.taskId}:form` : null;
      const draft = scope ? draftValues(this.drafts.read(scope)) : {};
      await viewer.importSchema(structuredClone(definition.schema), { ...initial, ...draft, ...options, ...eligible });
      if (run !== this.run) return;
      if (scope) {
        const lists = new Set([...Object.keys(options), ...Object.keys(eligible)]);
        viewer.on('changed', ({ data: now }) => this.drafts.write(scope, draftText(initial, now, lists)));
      }
      this.status.set('ready');
    } catch (error) {
      if (run !== this.run) return;
      this.dispose();
      this.error.set(this.texts.t('task.formFailed', { message: apiErrorText(error, this.i18n) }));
      this.status.set('error');
    }
  }

  /** The `eligible_<variable>` option lists the form names, read for this task; an empty list when a read fails. */
  private eligibleOptions(schema: Record<string, unknown>, taskId: string | null): Promise<Record<string, FormOption[]>> {
    const keys = [...JSON.stringify(schema).matchAll(/"valuesKey":"(eligible_[A-Za-z_][\w]*)"/g)].map((m) => m[1]);
    if (!keys.length || !taskId) return Promise.resolve(Object.fromEntries(keys.map((k) => [k, []])));
    return firstValueFrom(
      forkJoin(
        Object.fromEntries(
          [...new Set(keys)].map((k) => [
            k,
            this.eligible.forTask(taskId, { field: k.slice(ELIGIBLE_PREFIX.length) }).pipe(
              map(eligibleOptionsOf),
              catchError(() => of([] as FormOption[])),
            ),
          ]),
        ),
      ),
    );
  }

  private dispose(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    this.viewer?.destroy();
    this.viewer = undefined;
  }
}

/** 「马文斌（市住建局 局长）」: the name with the organization's short name, so that 「住建」 finds it in form-js's search. */
function eligibleOptionsOf(step: EligibleStep): FormOption[] {
  const orgs = new Map(step.orgs.map((o) => [o.id, o]));
  return step.people.map((p) => {
    const org = orgs.get(p.orgId);
    const where = [org?.shortName ?? org?.name, p.position].filter(Boolean).join(' ');
    return { label: where ? `${p.displayName}（${where}）` : p.displayName, value: p.username };
  });
}

/**
 * The form's initial values: the instance's variables, except that an opinion field (批示, 办理情况 …)
 * holds this task's own opinion of its kind, or nothing — never the text another step or another
 * department wrote into the same variable (a 协办 form does not open with the 主办's result).
 */
export function withOwnOpinions(
  schema: unknown,
  data: Record<string, unknown>,
  own: { taskId: string | null; opinions: readonly OpinionItem[] | null },
): Record<string, unknown> {
  const values = structuredClone(data);
  for (const field of opinionFieldsOf(schema)) {
    const mine = own.taskId ? own.opinions?.filter((o) => o.taskId === own.taskId && o.kind === field.kind).at(-1) : undefined;
    if (mine) values[field.key] = mine.text;
    else delete values[field.key];
  }
  return values;
}

/** The kept draft of a form: the fields whose value differs from what the form opened with ('' when none). */
export function draftText(initial: Record<string, unknown>, now: Record<string, unknown>, lists: ReadonlySet<string> = new Set()): string {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(now)) {
    if (value === undefined || lists.has(key) || key.startsWith(ELIGIBLE_PREFIX)) continue;
    // an empty field the form opened without ('' of a text, [] of a taglist) is not something typed
    const empty = value === '' || value === null || (Array.isArray(value) && value.length === 0);
    if (empty && (initial[key] === undefined || initial[key] === null)) continue;
    if (JSON.stringify(value) !== JSON.stringify(initial[key] ?? null)) changed[key] = value;
  }
  return Object.keys(changed).length ? JSON.stringify(changed) : '';
}

/** The values of a kept draft ({} for none or a damaged one). */
export function draftValues(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
