import { CompletionVariables } from './completion-variables';
import { Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.api';
import { OpinionEntity } from './opinion.entity';
import { PhraseEntity } from './phrase.entity';
import { UrgeEntity } from './urge.entity';
import { ApprovalsRepository } from './approvals.repository';
import { DueReminderScheduler, NotificationsModule } from '../notifications/notifications.api';
import { DefinitionsModule } from '../definitions/definitions.api';
import { EligibleController } from './eligible.controller';
import { NextHandlers } from './next-handlers';
import { NewTaskNotices } from './new-task-notices';
import { FormsModule } from '../forms/forms.api';
import { OrgModule } from '../org/org.api';
import { CcCopyEntity, CommandExecutor } from '../runtime/runtime.api';
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
    NewTaskNotices,
    TaskGuard,
    TaskRoutingService,
    SignersService,
    UrgeService,
    CcService,
    PhrasesService,
    Opinions,
    OpinionSubjects,
    CompletionVariables,
    CompletionHooks,
    RecordVerifier,
  ],
  exports: [OpinionSubjects, CompletionVariables, CompletionHooks],
})
export class TasksModule implements OnModuleInit {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly notices: NewTaskNotices,
    private readonly reminders: DueReminderScheduler,
  ) {}

  /**
   * Every new task is announced to whoever can act on it (待办提醒, new-task-notices.ts), and a task
   * with a deadline gets its automatic reminders (催办 before and at the deadline), cancelled
   * when the task closes first.
   */
  onModuleInit(): void {
    this.executor.onTasksCreated(async (tx, instance, tasks, context, candidates) => {
      await this.notices.send(tx, instance, tasks, context.actor, candidates);
      for (const t of tasks) if (t.dueAt) await this.reminders.scheduleDueReminders(tx, t);
    });
    // a closed task is reminded of nothing more
    this.executor.onTasksClosed((tx, instance, taskIds) => this.reminders.cancelDueReminders(tx, instance.id, taskIds));
  }
}
