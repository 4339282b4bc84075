import { Injectable } from '@nestjs/common';
import type { SessionUser, Task, UrgeOverdue, UrgeOverdueResult, UrgeTask } from '@liuzhuan/contracts';
import type { Tx } from '../../platform/database/transaction-runner';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { NotificationsService, notificationTitle } from '../notifications/notifications.api';
import {
  CommandExecutor,
  type InstanceEntity,
  InstanceRepository,
  type TaskCandidateEntity,
  type TaskEntity,
  TaskRepository,
} from '../runtime/runtime.api';
import { UrgeEntity } from './urge.entity';
import { ApprovalsRepository } from './approvals.repository';
import { TaskGuard } from './task-guard';
import { TasksService } from './tasks.service';
import { TaskErrors } from './tasks.errors';
import { toTask } from './task-view';

/** The message of a 一键催办 when the initiator gives none. */
export const DEFAULT_URGE_MESSAGE = '该事项已超过办理期限，请尽快办理。';

/** 催办 (urge): a reminder to whoever holds a task. */
@Injectable()
export class UrgeService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly instances: InstanceRepository,
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
      await this.remind(tx, row, candidates, instance, input.message, user);
      return toTask(row, candidates);
    });
  }

  /**
   * 一键催办: urges every overdue task of the active instances the user started, each in its own
   * transaction (one task that moved on meanwhile is skipped, the others are still urged).
   */
  async urgeOverdue(input: UrgeOverdue, user: SessionUser): Promise<UrgeOverdueResult> {
    const ids = await this.tx.run((tx) => this.rows.overdueOfInitiator(user.username, new Date(), tx.manager));
    const message = input.message ?? DEFAULT_URGE_MESSAGE;
    const taskIds: string[] = [];
    let recipients = 0;
    for (const id of ids) {
      const reached = await this.tx.run(async (tx) => {
        const { row, candidates, instance } = await this.guard.lockAny(tx, id, user);
        // finished or no longer the user's since the list was read: nothing to urge
        if (instance.status !== 'active' || (row.status !== 'open' && row.status !== 'waiting') || instance.initiator !== user.username)
          return null;
        return this.remind(tx, row, candidates, instance, message, user);
      });
      if (reached === null) continue;
      taskIds.push(id);
      recipients += reached;
    }
    return { urged: taskIds.length, recipients, taskIds };
  }

  /**
   * Records the urge, its history event and one notification for each holder: the assignee; the
   * open signers of a task waiting for them (加签); else every candidate, named or a member of a
   * candidate group (a group-held task reaches each of its members). Answers how many were reminded.
   */
  private async remind(
    tx: Tx,
    row: TaskEntity,
    candidates: TaskCandidateEntity[],
    instance: InstanceEntity,
    message: string,
    user: SessionUser,
  ): Promise<number> {
    await this.rows.insertUrge(
      Object.assign(new UrgeEntity(), {
        id: newId(),
        instanceId: row.instanceId,
        taskId: row.id,
        urgedBy: user.username,
        message,
        createdAt: new Date(),
      }),
      tx.manager,
    );
    const holders =
      row.status === 'waiting'
        ? (await this.tasks.signersOf(row.id, tx.manager)).filter((t) => t.status === 'open').map((t) => t.assignee)
        : [row.assignee];
    const named = holders.filter((u): u is string => !!u);
    const everyCandidate = async () => [
      ...candidates.filter((c) => c.kind === 'user').map((c) => c.value),
      ...(await this.notifications.membersOf(
        candidates.filter((c) => c.kind === 'group').map((c) => c.value),
        tx.manager,
      )),
    ];
    // the urger is not reminded of their own urge (an admin in the group, say)
    const recipients = [...new Set(named.length ? named : await everyCandidate())].filter((u) => u !== user.username).sort();
    await this.executor.appendHistory(
      tx,
      instance,
      [{ type: 'task.urged', elementId: row.elementId, details: { elementInstanceId: row.id, message, recipients } }],
      user.username,
    );
    const title = notificationTitle('催办', await this.instances.matterName(row.instanceId, tx.manager), row.name ?? row.elementId);
    await this.notifications.send(
      tx,
      recipients.map((recipient) => ({
        recipient,
        kind: 'task.urged',
        title,
        body: message,
        instanceId: row.instanceId,
        taskId: row.id,
        actor: user.username,
      })),
    );
    return recipients.length;
  }
}
