import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.api';
import { OpinionEntity } from './opinion.entity';
import { PhraseEntity } from './phrase.entity';
import { UrgeEntity } from './urge.entity';
import { ApprovalsRepository } from './approvals.repository';
import { DueReminderScheduler, NotificationsModule, NotificationsService } from '../notifications/notifications.api';
import { DefinitionsModule } from '../definitions/definitions.api';
import { EligibleController } from './eligible.controller';
import { NextHandlers } from './next-handlers';
import { FormsModule } from '../forms/forms.api';
import { OrgModule } from '../org/org.api';
import type { Tx } from '../../platform/database/transaction-runner';
import { CcCopyEntity, CommandExecutor, TaskCandidateEntity, TaskRepository } from '../runtime/runtime.api';
import { RuntimeModule } from '../runtime/runtime.api';
import { CcController } from './cc.controller';
import { CcService } from './cc.service';
import { CompletionHooks } from './completion-hooks';
import { Opinions, OpinionSubjects } from './opinions';
import { OpinionsController } from './opinions.controller';
import { RecordVerificationController } from './record-verification.controller';
import { RecordVerifier } from './record-verification.service';
import { PhrasesController } from './phrases.controller';
import { PhrasesService } from './phrases.service';
import { SignersService } from './signers.service';
import { TaskGuard } from './task-guard';
import { TaskRoutingService } from './task-routing.service';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';
import { UrgeService } from './urge.service';

/**
 * Inbox queries and task operations over the runtime's task projection: complete, claim, and
 * the approval operations (退回, 驳回, 撤回, 转办, 委派, 加签/减签, 催办, 抄送, opinions, 常用语).
 * 代理 (proxies) has a module of its own, modules/proxies.
 * Exports {@link OpinionSubjects} for the documents module to bind opinions to document digests, and
 * {@link CompletionHooks} for it to act on a step's completion (form values back to the document, 发文字号 at 登记).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([OpinionEntity, UrgeEntity, PhraseEntity, CcCopyEntity]),
    RuntimeModule,
    DefinitionsModule,
    FormsModule,
    OrgModule,
    NotificationsModule,
    AuditModule,
  ],
  controllers: [TasksController, EligibleController, OpinionsController, CcController, PhrasesController, RecordVerificationController],
  providers: [
    ApprovalsRepository,
    TasksService,
    NextHandlers,
    TaskGuard,
    TaskRoutingService,
    SignersService,
    UrgeService,
    CcService,
    PhrasesService,
    Opinions,
    OpinionSubjects,
    CompletionHooks,
    RecordVerifier,
  ],
  exports: [OpinionSubjects, CompletionHooks],
})
export class TasksModule implements OnModuleInit {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly notifications: NotificationsService,
    private readonly reminders: DueReminderScheduler,
    private readonly tasks: TaskRepository,
  ) {}

  /**
   * Every new task is announced to its assignee, or to its candidate users (待办提醒), and a task
   * with a deadline gets its automatic reminders (催办 before and at the deadline), cancelled
   * when the task closes first.
   */
  onModuleInit(): void {
    this.executor.onTasksCreated(async (tx, instance, tasks, context, candidates) => {
      // no dedupe keys: each task row was inserted in this transaction under its new id, so no
      // earlier notification can name it (a key would cost a SELECT per command in send())
      const items = [];
      for (const t of tasks) {
        const title = `待办：${t.name ?? t.elementId}`;
        const base = { kind: 'task.assigned', title, instanceId: instance.id, taskId: t.id, actor: context.actor };
        if (t.assignee) items.push({ ...base, recipient: t.assignee });
        else for (const c of await this.candidateUsers(tx, t.id, candidates.get(t.id))) items.push({ ...base, recipient: c });
        if (t.dueAt) await this.reminders.scheduleDueReminders(tx, t);
      }
      if (items.length) await this.notifications.send(tx, items);
    });
    // a closed task is reminded of nothing more
    this.executor.onTasksClosed((tx, instance, taskIds) => this.reminders.cancelDueReminders(tx, instance.id, taskIds));
  }

  /** The projection passes the candidates it wrote; read them only when it did not. */
  private async candidateUsers(tx: Tx, taskId: string, known: TaskCandidateEntity[] | undefined): Promise<string[]> {
    if (known) return known.filter((c) => c.kind === 'user').map((c) => c.value);
    return this.tasks.candidateUsersOf(taskId, tx.manager);
  }
}
