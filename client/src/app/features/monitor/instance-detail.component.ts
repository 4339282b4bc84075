import { DatePipe, JsonPipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { HistoryEvent, Instance, Job, Task } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from '../../shared/a11y/select-label.directive';
import { AuthService } from '../../core/auth/auth.service';
import { ApprovalPanelComponent } from '../task/approval-panel.component';
import { firstValueFrom } from 'rxjs';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { ProgressDiagramComponent } from '../../shared/progress-diagram/progress-diagram.component';
import { progressMarks } from '../../shared/progress-diagram/progress-path';
import { processNameOf } from '../../shared/names';
import { UserNamePipe } from '../../shared/user-names.service';
import { CandidateNamesPipe } from '../../shared/group-names.service';
import { WorkflowApiService } from '../../shared/workflow-api.service';
import { WorkflowI18n, WorkflowTranslatePipe } from '../../shared/workflow-i18n';

/** One instance for the workflow admin: diagram, variables, history, jobs, incidents, intervention. */
@Component({
  selector: 'app-instance-detail',
  imports: [
    DatePipe,
    JsonPipe,
    FormsModule,
    NzButtonModule,
    NzInputModule,
    NzSelectModule,
    SelectLabelDirective,
    ApprovalPanelComponent,
    ProgressDiagramComponent,
    UserNamePipe,
    CandidateNamesPipe,
    WorkflowTranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    section {
      margin-bottom: 20px;
    }
    h3 {
      font-size: 15px;
      margin: 0 0 8px;
    }
    table {
      width: 100%;
      border-collapse: collapse;
      font-size: 13px;
    }
    th,
    td {
      padding: 6px 8px;
      border-bottom: 1px solid #f0f0f0;
      text-align: left;
      vertical-align: top;
    }
    th {
      background: #fafafa;
      font-weight: 500;
      white-space: nowrap;
    }
    pre {
      margin: 0;
      white-space: pre-wrap;
      word-break: break-all;
      font-size: 12px;
    }
    .mono {
      font-family: ui-monospace, monospace;
      font-size: 12px;
    }
    .muted {
      color: #595959;
    }
    .history {
      max-height: 280px;
      overflow: auto;
    }
    .intervene {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .move-row,
    .intervene-actions {
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .move-row nz-select {
      width: 260px;
    }
    .open-tasks {
      list-style: none;
      padding: 0;
      margin: 0;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .task-line {
      display: flex;
      gap: 12px;
      align-items: baseline;
      margin-bottom: 4px;
    }
    .error {
      color: #cf1322;
    }
  `,
  template: `
    @if (instance(); as i) {
      <section>
        <h3 data-testid="instance-heading">
          {{ processLabel() }} · {{ 'monitor.version' | wt: { version: i.version } }} · {{ 'monitor.status.' + i.status | wt }}
        </h3>
        <app-progress-diagram [xml]="xml()" [marks]="marks()" />
      </section>
      <section>
        <h3>{{ 'monitor.incidents' | wt }}</h3>
        @if (i.incidents.length) {
          <table>
            <tbody>
              @for (incident of i.incidents; track incident.id) {
                <tr [attr.data-incident-id]="incident.id">
                  <td class="mono">{{ incident.elementId ?? '—' }}</td>
                  <td>{{ incident.code }}</td>
                  <td>{{ incident.message }}</td>
                  <td>
                    <button nz-button nzSize="small" type="button" (click)="retry(incident.id)">{{ 'monitor.incident.retry' | wt }}</button>
                  </td>
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <p class="muted">{{ 'monitor.noIncidents' | wt }}</p>
        }
      </section>
      <section>
        <h3>{{ 'monitor.jobs' | wt }}</h3>
        @if (jobs().length) {
          <table class="jobs">
            <thead>
              <tr>
                <th>{{ 'monitor.job.type' | wt }}</th>
                <th>{{ 'monitor.job.element' | wt }}</th>
                <th>{{ 'monitor.job.due' | wt }}</th>
                <th>{{ 'monitor.job.status' | wt }}</th>
                <th>{{ 'monitor.job.attempts' | wt }}</th>
                <th></th>
              </tr>
            </thead>
            <tbody>
              @for (job of jobs(); track job.id) {
                <tr [attr.data-job-id]="job.id">
                  <td>{{ job.type }}</td>
                  <td class="mono">{{ job.elementId ?? '—' }}</td>
                  <td>{{ job.dueAt | date: 'yyyy-MM-dd HH:mm' }}</td>
                  <td data-testid="job-status" [attr.data-status]="job.status">{{ 'monitor.job.status.' + job.status | wt }}</td>
                  <td>{{ job.attempts }}</td>
                  <td>
                    @if (job.status === 'pending') {
                      <button nz-button nzSize="small" type="button" (click)="runJob(job.id)">{{ 'monitor.job.run' | wt }}</button>
                    }
                  </td>
                </tr>
              }
            </tbody>
          </table>
        } @else {
          <p class="muted">{{ 'monitor.noJobs' | wt }}</p>
        }
      </section>
      @if (i.status === 'active') {
        @if (openTasks().length) {
          <section>
            <h3>{{ 'task.others' | wt }}</h3>
            <ul class="open-tasks">
              @for (item of openTasks(); track item.task.id) {
                <li [attr.data-task-id]="item.task.id">
                  <div class="task-line">
                    <strong>{{ item.task.name ?? item.task.elementId }}</strong>
                    <span>{{ item.task.assignee ? (item.task.assignee | userName) : (item.task | candidateNames) }}</span>
                    <span class="mono">{{ item.task.elementId }}</span>
                  </div>
                  @if (item.actions?.length) {
                    <app-approval-panel
                      [task]="item.task"
                      [actions]="item.actions"
                      [username]="username()"
                      [compact]="true"
                      (changed)="afterChange()"
                    />
                  }
                </li>
              }
            </ul>
          </section>
        }
        <section>
          <h3>{{ 'monitor.intervene' | wt }}</h3>
          <div class="intervene">
            <div class="move-row">
              <nz-select
                [(ngModel)]="moveTarget"
                nzAllowClear
                [nzPlaceHolder]="'monitor.moveTarget' | wt"
                [attr.aria-label]="'monitor.moveTarget' | wt"
              >
                @for (target of moveTargets(); track target.id) {
                  <nz-option [nzValue]="target.id" [nzLabel]="target.label" />
                }
              </nz-select>
              @if (openTasks().length > 1) {
                <nz-select [(ngModel)]="moveTask" [nzPlaceHolder]="'monitor.moveTask' | wt" [attr.aria-label]="'monitor.moveTask' | wt">
                  @for (item of openTasks(); track item.task.id) {
                    <nz-option [nzValue]="item.task.id" [nzLabel]="item.task.name ?? item.task.elementId" />
                  }
                </nz-select>
              }
            </div>
            <textarea
              nz-input
              rows="2"
              maxlength="500"
              [placeholder]="'monitor.reasonRequired' | wt"
              [attr.aria-label]="'panel.reason' | wt"
              [(ngModel)]="reason"
              data-testid="intervene-reason"
            ></textarea>
            <div class="intervene-actions">
              <button nz-button type="button" data-action="move" [disabled]="!reason.trim() || !moveTarget" (click)="move()">
                {{ 'monitor.move' | wt }}
              </button>
              <button nz-button nzDanger type="button" data-action="terminate" [disabled]="!reason.trim()" (click)="terminate()">
                {{ 'monitor.cancel' | wt }}
              </button>
            </div>
          </div>
        </section>
      }
      <section>
        <h3>{{ 'monitor.variables' | wt }}</h3>
        <pre>{{ i.variables | json }}</pre>
      </section>
      <section>
        <h3>{{ 'monitor.history' | wt }}</h3>
        <div class="history">
          <table>
            <tbody>
              @for (event of history(); track event.seq) {
                <tr>
                  <td>{{ event.seq }}</td>
                  <td>{{ event.at | date: 'MM-dd HH:mm:ss' }}</td>
                  <td>{{ event.type }}</td>
                  <td class="mono">{{ event.elementId ?? '' }}</td>
                  <td>{{ event.actor | userName }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      </section>
    }
    @if (error(); as text) {
      <p class="error" role="alert">{{ text }}</p>
    }
  `,
})
export class InstanceDetailComponent {
  private readonly api = inject(WorkflowApiService);
  private readonly i18n = inject(I18nService);
  private readonly texts = inject(WorkflowI18n);
  private readonly message = inject(NzMessageService);
  private readonly auth = inject(AuthService);

  readonly instanceId = input.required<string>();
  /** Something was changed (job run, incident retried, instance terminated): the list reloads. */
  readonly changed = output<void>();

  protected readonly instance = signal<Instance | null>(null);
  protected readonly history = signal<readonly HistoryEvent[]>([]);
  protected readonly jobs = signal<Job[]>([]);
  protected readonly xml = signal<string | null>(null);
  /** The process by its name (shipped names, else the deployed definition's), never its key. */
  protected readonly processLabel = computed(() => {
    const instance = this.instance();
    return instance ? processNameOf(instance.definitionKey, this.xml()) : '';
  });
  protected readonly error = signal<string | null>(null);
  protected readonly marks = computed(() => progressMarks(this.history(), this.instance()?.activeElementIds ?? []));
  protected readonly openTasks = signal<readonly { task: Task; actions: readonly string[] | null }[]>([]);
  protected readonly username = computed(() => this.auth.user()?.username ?? null);
  /** Elements a token may be moved to: those the instance has visited (history), named where known. */
  protected readonly moveTargets = computed(() => {
    const names = new Map<string, string>();
    for (const e of this.history())
      if (e.type === 'task.created' && e.elementId && typeof e.details['name'] === 'string') names.set(e.elementId, e.details['name']);
    const visited = [
      ...new Set(
        this.history()
          .filter((e) => e.type === 'element.activated' && e.elementId)
          .map((e) => e.elementId as string),
      ),
    ];
    return visited.filter((id) => names.has(id)).map((id) => ({ id, label: `${names.get(id)}（${id}）` }));
  });
  protected reason = '';
  protected moveTarget: string | null = null;
  protected moveTask: string | null = null;

  constructor() {
    effect(() => {
      const id = this.instanceId();
      untracked(() => {
        this.xml.set(null);
        void this.load(id);
      });
    });
  }

  protected async runJob(id: string): Promise<void> {
    await this.act(() => firstValueFrom(this.api.runJob(id)), 'monitor.job.ran');
  }

  protected async retry(incidentId: string): Promise<void> {
    await this.act(() => firstValueFrom(this.api.retryIncident(this.instanceId(), incidentId)), 'monitor.incident.retried');
  }

  protected async terminate(): Promise<void> {
    const reason = this.reason.trim();
    if (!reason) return;
    await this.act(() => firstValueFrom(this.api.terminateInstance(this.instanceId(), reason)), 'monitor.cancelled');
    this.reason = '';
  }

  protected async move(): Promise<void> {
    const reason = this.reason.trim();
    const targetElementId = this.moveTarget;
    if (!reason || !targetElementId) return;
    const taskId = this.moveTask ?? (this.openTasks().length === 1 ? this.openTasks()[0].task.id : undefined);
    await this.act(
      () => firstValueFrom(this.api.moveToken(this.instanceId(), { targetElementId, reason, ...(taskId ? { taskId } : {}) })),
      'monitor.moved',
    );
    this.reason = '';
    this.moveTarget = null;
  }

  protected async afterChange(): Promise<void> {
    this.changed.emit();
    await this.load(this.instanceId());
  }

  private async act(
    call: () => Promise<unknown>,
    done: 'monitor.job.ran' | 'monitor.incident.retried' | 'monitor.cancelled' | 'monitor.moved',
  ): Promise<void> {
    this.error.set(null);
    try {
      await call();
      this.message.success(this.texts.t(done));
      this.changed.emit();
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    }
    await this.load(this.instanceId());
  }

  private async load(id: string): Promise<void> {
    try {
      const [instance, history, jobs] = await Promise.all([
        firstValueFrom(this.api.instance(id)),
        firstValueFrom(this.api.history(id)),
        firstValueFrom(this.api.jobs(id)),
      ]);
      this.instance.set(instance);
      this.history.set(history);
      this.jobs.set(jobs);
      const open =
        instance.status === 'active' ? (await firstValueFrom(this.api.tasks({ instanceId: id, status: 'open', limit: 50 }))).items : [];
      const actions = await Promise.all(open.map((t) => firstValueFrom(this.api.actions(t.id)).catch(() => null)));
      this.openTasks.set(open.map((task, i) => ({ task, actions: actions[i] })));
      if (!this.xml()) this.xml.set(await firstValueFrom(this.api.definitionXml(instance.definitionId)));
    } catch (error) {
      this.error.set(apiErrorText(error, this.i18n));
    }
  }
}
