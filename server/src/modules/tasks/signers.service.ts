import { Injectable } from '@nestjs/common';
import type { AddSigners, OpinionInput, RemoveSigners, SessionUser, Task } from '@liuzhuan/contracts';
import { openCountersignOf, readState, type OpenCountersign } from '@liuzhuan/engine';
import type { Tx } from '../../platform/database/transaction-runner';
import { TaskErrors } from './tasks.errors';
import { newId } from '../../platform/ids/ids';
import { NotificationsService, type NewNotification } from '../notifications/notifications.api';
import { CommandExecutor, type InstanceEntity, TaskRepository, type TaskEntity, type TaskSigning } from '../runtime/runtime.api';
import { Opinions } from './opinions';
import { TaskGuard } from './task-guard';
import { toTask } from './task-view';

/** What a completion sends to the engine: kept on the task while after-signers (后加签) act. */
export interface Completion {
  variables?: Record<string, unknown>;
  outcome?: string;
  details: Record<string, unknown>;
}

/**
 * 加签 / 减签. Before (前加签) and after (后加签) signers get server-side tasks (kind `addsign`,
 * linked by parent_task_id; not engine element instances): the original task waits while they
 * act. Parallel signers join a running countersign (会签) as new inner instances of its
 * multi-instance body; removing signers cancels their pending inner instances.
 */
@Injectable()
export class SignersService {
  constructor(
    private readonly guard: TaskGuard,
    private readonly tasks: TaskRepository,
    private readonly executor: CommandExecutor,
    private readonly opinions: Opinions,
    private readonly notifications: NotificationsService,
  ) {}

  async add(tx: Tx, id: string, input: AddSigners, user: SessionUser): Promise<Task> {
    const { row, candidates, relation, instance } = await this.guard.lockOpen(tx, id, user);
    this.guard.requireAssignee(relation, id);
    if (row.owner) throw TaskErrors.delegated(id);
    if (row.kind !== 'user') throw TaskErrors.signerCannotAdd();
    const usernames = [...new Set(input.usernames)];
    if (usernames.length !== input.usernames.length || usernames.includes(user.username)) {
      throw TaskErrors.signersInvalid(input.usernames);
    }
    await this.guard.requireUsers(usernames, tx.manager);
    const details: Record<string, unknown> = {
      elementInstanceId: id,
      usernames,
      position: input.position,
      ...(input.reason ? { reason: input.reason } : {}),
    };
    if (input.position === 'parallel') {
      const countersign = this.countersignOf(instance, id);
      const pending = await this.pendingIn(tx, instance, countersign);
      const taken = usernames.filter((u) => pending.some((t) => t.assignee === u));
      if (taken.length) throw TaskErrors.alreadySigning(taken);
      const after = await this.executor.executeIn(
        tx,
        row.instanceId,
        { type: 'addInstances', elementInstanceId: countersign.bodyId, items: usernames },
        // the signers' tasks name the task that added them: only that task may remove them again (减签)
        { actor: user.username, projection: { assignQueue: usernames, sourceTaskId: id } },
      );
      await this.executor.appendHistory(tx, after, [{ type: 'task.signers-added', elementId: row.elementId, details }], user.username);
      return toTask(row, candidates);
    }
    const signing = row.signing ? (JSON.parse(row.signing) as TaskSigning) : null;
    if (input.position === 'before') {
      if (signing?.after?.length) throw TaskErrors.hasSignersAfter(id);
      if (
        !(await this.tasks.updateIf(
          id,
          'open',
          { status: 'waiting', signing: JSON.stringify({ position: 'before' } satisfies TaskSigning) },
          tx.manager,
        ))
      ) {
        throw TaskErrors.noLongerOpen(id);
      }
      await this.createSignerTasks(tx, instance, row, usernames, user.username);
    } else {
      const after = [...(signing?.after ?? [])];
      const again = usernames.filter((u) => after.includes(u));
      if (again.length) throw TaskErrors.alreadySigningAfter(again);
      await this.tasks.updateIf(
        id,
        'open',
        { signing: JSON.stringify({ position: 'after', after: [...after, ...usernames] } satisfies TaskSigning) },
        tx.manager,
      );
    }
    await this.executor.appendHistory(tx, instance, [{ type: 'task.signers-added', elementId: row.elementId, details }], user.username);
    return toTask((await this.tasks.findById(id, tx.manager)) ?? row, candidates);
  }

  async remove(tx: Tx, id: string, input: RemoveSigners, user: SessionUser): Promise<Task> {
    const { row, candidates, relation, instance } = await this.guard.lockOpen(tx, id, user);
    this.guard.requireAssignee(relation, id);
    const pending = await this.pendingIn(tx, instance, this.countersignOf(instance, id));
    const usernames = [...new Set(input.usernames)];
    if (usernames.includes(user.username)) throw TaskErrors.removeSelf();
    const targets = usernames.map((u) => ({ u, task: pending.find((t) => t.assignee === u && t.id !== id) }));
    const missing = targets.filter((t) => !t.task).map((t) => t.u);
    if (missing.length) throw TaskErrors.signersNotFound(missing);
    // 减签 takes back one's own 加签, never a peer the process named
    const peers = targets.filter((t) => t.task?.sourceTaskId !== id).map((t) => t.u);
    if (peers.length) throw TaskErrors.signersNotAdded(peers);
    const ids = targets.map((t) => (t.task as TaskEntity).id);
    const after = await this.executor.executeIn(
      tx,
      row.instanceId,
      { type: 'removeInstances', innerElementInstanceIds: ids },
      { actor: user.username },
    );
    await this.executor.appendHistory(
      tx,
      after,
      [
        {
          type: 'task.signers-removed',
          elementId: row.elementId,
          details: { elementInstanceId: id, usernames, cancelled: ids, ...(input.reason ? { reason: input.reason } : {}) },
        },
      ],
      user.username,
    );
    return toTask((await this.tasks.findById(id, tx.manager)) ?? row, candidates);
  }

  /** Whether this countersign task added signers who have not signed yet (减签 is offered for them only). */
  async hasPendingAdded(row: TaskEntity): Promise<boolean> {
    return (await this.tasks.createdBy(row.id)).some((t) => t.status === 'open' && t.kind === 'user' && t.instanceId === row.instanceId);
  }

  /** 后加签: whether completing this task must first wait for signers after it. */
  afterSigners(row: TaskEntity): string[] {
    const signing = row.signing ? (JSON.parse(row.signing) as TaskSigning) : null;
    return signing?.position === 'after' ? (signing.after ?? []) : [];
  }

  /** 后加签: the completion is kept and the task waits; the engine hears of it when the signers are done. */
  async holdCompletion(tx: Tx, instance: InstanceEntity, row: TaskEntity, completion: Completion, user: SessionUser): Promise<void> {
    const signers = this.afterSigners(row);
    const signing: TaskSigning = { position: 'after', after: signers, completion: { ...completion, by: user.username } };
    await this.tasks.updateIf(row.id, 'open', { status: 'waiting', signing: JSON.stringify(signing) }, tx.manager);
    await this.createSignerTasks(tx, instance, row, signers, user.username);
    await this.executor.appendHistory(
      tx,
      instance,
      [{ type: 'task.completion-held', elementId: row.elementId, details: { elementInstanceId: row.id, signers, ...completion.details } }],
      user.username,
    );
  }

  /** A signer completes their task; the last one releases the task they were added to. */
  async completeSigner(tx: Tx, instance: InstanceEntity, row: TaskEntity, opinion: OpinionInput | null, user: SessionUser): Promise<void> {
    const at = new Date();
    this.tasks.close(row.id, { status: 'completed', completedAt: at, completedBy: user.username }, tx.writes);
    if (opinion) await this.opinions.write(tx, instance, row, user.username, opinion, 'countersign');
    await this.executor.appendHistory(
      tx,
      instance,
      [
        {
          type: 'task.signer-completed',
          elementId: row.elementId,
          details: { elementInstanceId: row.id, parentTaskId: row.parentTaskId, ...(opinion ? { opinion } : {}) },
        },
      ],
      user.username,
    );
    const siblings = await this.tasks.signersOf(row.parentTaskId as string, tx.manager);
    if (siblings.some((s) => s.status === 'open')) return;
    const parent = await this.tasks.findById(row.parentTaskId as string, tx.manager);
    if (!parent || parent.status !== 'waiting') return;
    const signing = JSON.parse(parent.signing ?? '{}') as TaskSigning;
    await this.tasks.updateIf(
      parent.id,
      'waiting',
      { status: 'open', signing: null, ...(signing.completion ? {} : { openedAt: null }) },
      tx.manager,
    );
    if (!signing.completion) {
      await this.executor.appendHistory(
        tx,
        instance,
        [{ type: 'task.signers-done', elementId: parent.elementId, details: { elementInstanceId: parent.id } }],
        user.username,
      );
      await this.notifications.send(
        tx,
        [
          {
            recipient: parent.assignee ?? '',
            kind: 'task.assigned',
            title: `加签人员已办理完毕，请继续办理：${parent.name ?? parent.elementId}`,
            instanceId: parent.instanceId,
            taskId: parent.id,
            actor: user.username,
          },
        ].filter((n) => n.recipient),
      );
      return;
    }
    const { variables, outcome, by, details } = signing.completion;
    await this.executor.executeIn(
      tx,
      parent.instanceId,
      { type: 'completeTask', elementInstanceId: parent.id, ...(variables ? { variables } : {}), ...(outcome ? { outcome } : {}) },
      { actor: by, taskNote: { taskId: parent.id, details: { ...details, signers: siblings.map((s) => s.assignee) } } },
    );
  }

  private async createSignerTasks(tx: Tx, instance: InstanceEntity, parent: TaskEntity, usernames: string[], actor: string): Promise<void> {
    const at = new Date();
    const notes: NewNotification[] = [];
    for (const username of usernames) {
      const task: TaskEntity = {
        ...parent,
        id: newId(at.getTime()),
        assignee: username,
        status: 'open' as const,
        createdAt: at,
        openedAt: null,
        completedAt: null,
        completedBy: null,
        owner: null,
        onBehalfOf: null,
        kind: 'addsign' as const,
        parentTaskId: parent.id,
        sourceTaskId: null,
        signing: null,
      };
      this.tasks.insert(task, [], tx.writes);
      notes.push({
        recipient: username,
        kind: 'task.assigned',
        title: `加签：${parent.name ?? parent.elementId}`,
        instanceId: instance.id,
        taskId: task.id,
        actor,
      });
    }
    await this.notifications.send(tx, notes);
  }

  /** The running countersign (会签) a task is an inner instance of. */
  private countersignOf(instance: InstanceEntity, taskId: string): OpenCountersign {
    const countersign = openCountersignOf(readState(instance.state), taskId);
    if (!countersign) throw TaskErrors.notCountersign(taskId);
    return countersign;
  }

  /** The open user tasks of a countersign, the given task's own included. */
  private async pendingIn(tx: Tx, instance: InstanceEntity, countersign: OpenCountersign): Promise<TaskEntity[]> {
    const inner = new Set(countersign.innerIds);
    const open = (await this.tasks.ofInstance(instance.id, tx.manager)).filter((t) => t.status === 'open' && t.kind === 'user');
    return open.filter((t) => inner.has(t.id));
  }
}
