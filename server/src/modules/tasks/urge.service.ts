import { Injectable } from '@nestjs/common';
import type { SessionUser, Task, UrgeTask } from '@liuzhuan/contracts';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { NotificationsService } from '../notifications/notifications.api';
import { CommandExecutor, TaskRepository } from '../runtime/runtime.api';
import { UrgeEntity } from './urge.entity';
import { ApprovalsRepository } from './approvals.repository';
import { TaskGuard } from './task-guard';
import { TasksService } from './tasks.service';
import { TaskErrors } from './tasks.errors';
import { toTask } from './task-view';

/** 催办 (urge): a reminder to whoever holds a task. */
@Injectable()
export class UrgeService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly guard: TaskGuard,
    private readonly rows: ApprovalsRepository,
    private readonly tasks: TaskRepository,
    private readonly taskService: TasksService,
    private readonly executor: CommandExecutor,
    private readonly notifications: NotificationsService,
  ) {}

  /** 催办: a reminder to whoever holds the task, by the initiator, an earlier handler or an admin. */
  urge(id: string, input: UrgeTask, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const { row, candidates, instance, relation } = await this.guard.lockAny(tx, id, user);
      if (instance.status !== 'active' || (row.status !== 'open' && row.status !== 'waiting')) throw TaskErrors.notOpen(id, row.status);
      // one's own task (held, or offered to claim) is done, not urged
      if (relation === 'assignee' || relation === 'candidate') throw TaskErrors.urgeNotAllowed();
      if (!(await this.taskService.mayUrge(user, instance.initiator, row.instanceId))) throw TaskErrors.urgeNotAllowed();
      const now = new Date();
      await this.rows.insertUrge(
        Object.assign(new UrgeEntity(), {
          id: newId(),
          instanceId: row.instanceId,
          taskId: id,
          urgedBy: user.username,
          message: input.message,
          createdAt: now,
        }),
        tx.manager,
      );
      // a task waiting for its signers (加签) is urged at the signers
      const holders =
        row.status === 'waiting'
          ? (await this.tasks.signersOf(id, tx.manager)).filter((t) => t.status === 'open').map((t) => t.assignee)
          : [row.assignee];
      const recipients = [
        ...new Set(
          (holders.some(Boolean) ? holders : candidates.filter((c) => c.kind === 'user').map((c) => c.value)).filter(
            (u): u is string => !!u,
          ),
        ),
      ];
      await this.executor.appendHistory(
        tx,
        instance,
        [{ type: 'task.urged', elementId: row.elementId, details: { elementInstanceId: id, message: input.message, recipients } }],
        user.username,
      );
      await this.notifications.send(
        tx,
        recipients.map((recipient) => ({
          recipient,
          kind: 'task.urged',
          title: `催办：${row.name ?? row.elementId}`,
          body: input.message,
          instanceId: row.instanceId,
          taskId: id,
          actor: user.username,
        })),
      );
      return toTask(row, candidates);
    });
  }
}
