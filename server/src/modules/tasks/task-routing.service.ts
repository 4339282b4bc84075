import { Injectable } from '@nestjs/common';
import type {
  DelegateTask,
  ReassignTask,
  RejectTask,
  ResolveTask,
  ReturnTargetList,
  ReturnTask,
  SessionUser,
  Task,
  TransferTask,
  WithdrawTask,
} from '@liuzhuan/contracts';
import { readState, returnTargets, withdrawalPlan } from '@liuzhuan/engine';
import type { EntityManager } from 'typeorm';
import { TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import { TaskErrors } from './tasks.errors';
import { isFirstStep, isStepPart } from './step-rules';
import { ProcessCache } from '../definitions/definitions.api';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { NO_MATTER, NotificationsService, notificationTitle } from '../notifications/notifications.api';
import { CommandExecutor, type InstanceEntity, InstanceRepository, type TaskEntity, TaskRepository } from '../runtime/runtime.api';
import { Opinions } from './opinions';
import { TaskGuard } from './task-guard';
import { requireReason, toTask } from './task-view';

interface ReturnTarget {
  elementId: string;
  name: string | null;
  completedBy: string | null;
}

/**
 * Operations that move a task or its token: 退回 return, 驳回 reject, 撤回 withdraw, 转办 transfer,
 * 委派 delegate / resolve, and the admin's reassign. Each is one transaction under the instance
 * lock with a history entry (actor, time, reason); a user error changes nothing.
 */
@Injectable()
export class TaskRoutingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly instances: InstanceRepository,
    private readonly guard: TaskGuard,
    private readonly tasks: TaskRepository,
    private readonly executor: CommandExecutor,
    private readonly opinions: Opinions,
    private readonly notifications: NotificationsService,
    private readonly cache: ProcessCache,
    private readonly trail: AuditTrail,
  ) {}

  async returnTargets(id: string, user: SessionUser): Promise<ReturnTargetList> {
    return this.tx.run(async (tx) => {
      const { row, instance } = await this.guard.lockAny(tx, id, user);
      const targets = await this.targetsOf(row, instance, tx.manager);
      const first = await this.initiatorTarget(row, instance, tx.manager);
      return {
        items: targets.map((t, i) => ({ ...t, default: i === 0, initiator: t.elementId === first?.elementId })),
      };
    });
  }

  /** 退回: back to an earlier step on this task's path (default the nearest), or the initiator's first. */
  return(id: string, input: ReturnTask, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const reason = requireReason(input.reason);
      const { row, candidates, relation, instance } = await this.guard.lockOpen(tx, id, user);
      this.guard.requireAssignee(relation, id);
      this.requireOwnUserTask(row);
      const targets = await this.targetsOf(row, instance, tx.manager);
      let target: ReturnTarget | undefined;
      if (input.toInitiator) target = (await this.initiatorTarget(row, instance, tx.manager)) ?? undefined;
      else if (input.targetElementId) target = targets.find((t) => t.elementId === input.targetElementId);
      else target = targets[0];
      if (!target) {
        if (input.targetElementId) throw TaskErrors.returnTargetInvalid(id, input.targetElementId);
        throw TaskErrors.returnNoTarget(id);
      }
      const mode = input.mode ?? 'rerun';
      if (input.opinion) await this.opinions.write(tx, instance, row, user.username, input.opinion, 'return');
      const after = await this.executor.executeIn(
        tx,
        row.instanceId,
        { type: 'moveToken', fromElementInstanceId: id, targetElementId: target.elementId, mode },
        {
          actor: user.username,
          projection: { sourceTaskId: id, ...(target.completedBy ? { assign: { [target.elementId]: target.completedBy } } : {}) },
        },
      );
      const details = {
        elementInstanceId: id,
        targetElementId: target.elementId,
        mode,
        reason,
        ...(input.toInitiator ? { toInitiator: true } : {}),
        ...(input.opinion ? { opinion: input.opinion } : {}),
      };
      await this.executor.appendHistory(tx, after, [{ type: 'task.returned', elementId: row.elementId, details }], user.username);
      const created = await this.tasks.createdBy(id, tx.manager);
      const matter = created.some((t) => t.assignee) ? await this.instances.matterName(row.instanceId, tx.manager) : null;
      await this.notifications.send(
        tx,
        created
          .filter((t) => t.assignee)
          .map((t) => ({
            recipient: t.assignee as string,
            kind: 'returned',
            title: notificationTitle('退回', matter ?? NO_MATTER, t.name ?? t.elementId),
            body: reason,
            instanceId: t.instanceId,
            taskId: t.id,
            actor: user.username,
          })),
      );
      return toTask((await this.tasks.findById(id, tx.manager)) ?? row, candidates);
    });
  }

  /** 驳回: the instance ends with outcome `rejected`. */
  reject(id: string, input: RejectTask, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const reason = requireReason(input.reason);
      const { row, candidates, relation, instance } = await this.guard.lockOpen(tx, id, user);
      this.guard.requireAssignee(relation, id);
      this.requireOwnUserTask(row);
      // 驳回 sends the matter back to no one on the first step: that step's holder withdraws instead
      if (!(await this.targetsOf(row, instance, tx.manager)).length) throw TaskErrors.rejectFirstStep(id);
      if (!(await this.mayReject(row, instance, tx.manager))) throw TaskErrors.rejectStepPart(id);
      if (input.opinion)
        await this.opinions.write(
          tx,
          instance,
          row,
          user.username,
          { ...input.opinion, approve: input.opinion.approve ?? false },
          'reject',
        );
      const after = await this.executor.executeIn(tx, row.instanceId, { type: 'terminate', outcome: 'rejected' }, { actor: user.username });
      await this.executor.appendHistory(
        tx,
        after,
        [
          {
            type: 'instance.rejected',
            elementId: row.elementId,
            details: { elementInstanceId: id, reason, ...(input.opinion ? { opinion: input.opinion } : {}) },
          },
        ],
        user.username,
      );
      return toTask((await this.tasks.findById(id, tx.manager)) ?? row, candidates);
    });
  }

  /**
   * 撤回: the user who completed a task pulls it back while none of the tasks its completion
   * created has been opened. The engine cancels what the completion created and re-opens the
   * step under a new id (a new task row, assigned to the user who withdraws).
   */
  withdraw(id: string, input: WithdrawTask, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const { row, instance } = await this.guard.lockAny(tx, id, user);
      if (row.status !== 'completed' || row.completedBy !== user.username || row.kind !== 'user') {
        throw TaskErrors.notCompletedByYou(id);
      }
      const plan = withdrawalPlan(readState(instance.state), id);
      if (!plan) throw TaskErrors.movedOn(id);
      const cancelled = (await Promise.all(plan.cancelsTasks.map((t) => this.tasks.findById(t, tx.manager)))).filter(
        (t): t is TaskEntity => !!t,
      );
      const opened = cancelled.filter((t) => t.openedAt);
      if (opened.length) throw TaskErrors.nextOpened(opened.map((t) => t.id));
      const after = await this.executor.executeIn(
        tx,
        row.instanceId,
        { type: 'withdraw', elementInstanceId: id },
        {
          actor: user.username,
          projection: { reopen: { taskId: id, assignee: user.username }, ...(row.sourceTaskId ? { sourceTaskId: row.sourceTaskId } : {}) },
        },
      );
      const details = { elementInstanceId: id, cancelled: cancelled.map((t) => t.id), ...(input.reason ? { reason: input.reason } : {}) };
      await this.executor.appendHistory(tx, after, [{ type: 'task.withdrawal', elementId: row.elementId, details }], user.username);
      const withdrawnMatter = cancelled.some((t) => t.assignee) ? await this.instances.matterName(row.instanceId, tx.manager) : NO_MATTER;
      await this.notifications.send(
        tx,
        cancelled
          .filter((t) => t.assignee)
          .map((t) => ({
            recipient: t.assignee as string,
            kind: 'withdrawn',
            title: notificationTitle('已撤回', withdrawnMatter, t.name ?? t.elementId),
            body: input.reason ?? '',
            instanceId: t.instanceId,
            taskId: t.id,
            actor: user.username,
          })),
      );
      const reopened = (await this.tasks.ofInstance(row.instanceId, tx.manager))
        .filter((t) => t.status === 'open' && t.elementId === row.elementId && t.assignee === user.username)
        .sort((a, b) => (a.id < b.id ? 1 : -1))[0];
      return toTask(reopened ?? row, []);
    });
  }

  /** 转办: the new user becomes the assignee; the old one can no longer act. */
  transfer(id: string, input: TransferTask, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const { row, candidates, relation, instance } = await this.guard.lockOpen(tx, id, user);
      this.guard.requireAssignee(relation, id);
      if (row.owner) throw TaskErrors.delegated(id);
      await this.guard.requireUsers([input.username], tx.manager);
      if (input.username === user.username) throw TaskErrors.alreadyYours();
      const patch = { assignee: input.username, onBehalfOf: null, openedAt: null };
      await this.tasks.updateIf(id, 'open', patch, tx.manager);
      const details = { elementInstanceId: id, from: row.assignee, to: input.username, ...(input.reason ? { reason: input.reason } : {}) };
      await this.executor.appendHistory(tx, instance, [{ type: 'task.transferred', elementId: row.elementId, details }], user.username);
      await this.notifyAssigned(tx, row, input.username, `转办：${row.name ?? row.elementId}`, user.username, input.reason);
      return toTask({ ...row, ...patch }, candidates);
    });
  }

  /** 委派: the delegate works on the task; the owner keeps it and completes it after resolve. */
  delegate(id: string, input: DelegateTask, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const { row, candidates, relation, instance } = await this.guard.lockOpen(tx, id, user);
      this.guard.requireAssignee(relation, id);
      this.requireOwnUserTask(row);
      await this.guard.requireUsers([input.username], tx.manager);
      if (input.username === user.username) throw TaskErrors.alreadyYours();
      const patch = { owner: user.username, assignee: input.username, openedAt: null };
      await this.tasks.updateIf(id, 'open', patch, tx.manager);
      const details = {
        elementInstanceId: id,
        owner: user.username,
        delegate: input.username,
        ...(input.reason ? { reason: input.reason } : {}),
      };
      await this.executor.appendHistory(tx, instance, [{ type: 'task.delegated', elementId: row.elementId, details }], user.username);
      await this.notifyAssigned(tx, row, input.username, `委派：${row.name ?? row.elementId}`, user.username, input.reason);
      return toTask({ ...row, ...patch }, candidates);
    });
  }

  /** The delegate gives the task back to its owner, with an opinion if they wrote one. */
  resolve(id: string, input: ResolveTask, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const { row, candidates, relation, instance } = await this.guard.lockOpen(tx, id, user);
      if (relation !== 'assignee' || !row.owner) throw TaskErrors.notDelegatedToYou(id);
      if (input.opinion) await this.opinions.write(tx, instance, row, user.username, input.opinion, 'proposal');
      const patch = { assignee: row.owner, owner: null, openedAt: null };
      await this.tasks.updateIf(id, 'open', patch, tx.manager);
      const details = {
        elementInstanceId: id,
        owner: row.owner,
        delegate: user.username,
        ...(input.opinion ? { opinion: input.opinion } : {}),
      };
      await this.executor.appendHistory(tx, instance, [{ type: 'task.resolved', elementId: row.elementId, details }], user.username);
      await this.notifyAssigned(tx, row, row.owner, `委派已办理：${row.name ?? row.elementId}`, user.username);
      return toTask({ ...row, ...patch }, candidates);
    });
  }

  /** Admin intervention: the task goes to another user; recorded with the admin's name and reason. */
  reassign(id: string, input: ReassignTask, user: SessionUser, audit: AuditContext): Promise<Task> {
    const event = {
      type: 'task.reassign',
      targetType: 'task',
      targetId: id,
      details: { to: input.username, reason: input.reason ?? null },
    } as const;
    return this.trail.failureRecorded(audit, event, () => this.reassignRecorded(id, input, user, audit));
  }

  private reassignRecorded(id: string, input: ReassignTask, user: SessionUser, audit: AuditContext): Promise<Task> {
    return this.tx.run(async (tx) => {
      const reason = requireReason(input.reason);
      const { row, candidates, instance } = await this.guard.lockOpen(tx, id, user);
      await this.guard.requireUsers([input.username], tx.manager);
      const patch = { assignee: input.username, owner: null, onBehalfOf: null, openedAt: null };
      await this.tasks.updateIf(id, 'open', patch, tx.manager);
      const details = {
        elementInstanceId: id,
        from: row.assignee,
        to: input.username,
        reason,
        intervention: { action: 'reassign', by: user.displayName, username: user.username },
      };
      await this.executor.appendHistory(tx, instance, [{ type: 'task.reassigned', elementId: row.elementId, details }], user.username);
      await this.notifyAssigned(tx, row, input.username, `改派：${row.name ?? row.elementId}`, user.username, reason);
      this.trail.record(tx, audit, {
        type: 'task.reassign',
        targetType: 'task',
        targetId: id,
        details: { instanceId: row.instanceId, from: row.assignee, to: input.username, reason },
      });
      return toTask({ ...row, ...patch }, candidates);
    });
  }

  /** Whether the task has a step to go back to (退回, 驳回): none on the first step of its path. */
  async hasReturnTarget(row: TaskEntity, instance: InstanceEntity): Promise<boolean> {
    return (await this.targetsOf(row, instance)).length > 0;
  }

  /** 驳回 ends the whole matter: not for one part of a 会签 or of a parallel handling (step-rules.ts). */
  async mayReject(row: TaskEntity, instance: InstanceEntity, m?: EntityManager): Promise<boolean> {
    return !isStepPart(await this.cache.get(instance.definitionId, m), row.elementId);
  }

  private requireOwnUserTask(row: TaskEntity): void {
    if (row.owner) throw TaskErrors.delegated(row.id);
    if (row.kind !== 'user') throw TaskErrors.signerTaskNotRouted();
  }

  /**
   * The steps this task can go back to, nearest first: the engine's visited user tasks on the
   * way back through the graph (never into another parallel branch or a sub-process), each with
   * whoever completed it last (the re-created task goes to them).
   */
  private async targetsOf(row: TaskEntity, instance: InstanceEntity, m?: EntityManager): Promise<ReturnTarget[]> {
    if (row.kind !== 'user') return [];
    const process = await this.cache.get(instance.definitionId, m);
    if (isFirstStep(process, row.elementId)) return [];
    const candidates = returnTargets(process, readState(instance.state), row.id);
    const completed = (await this.tasks.ofInstance(row.instanceId, m))
      .filter((t) => t.status === 'completed' && t.kind === 'user')
      .sort((a, b) => (b.completedAt?.getTime() ?? 0) - (a.completedAt?.getTime() ?? 0));
    return candidates
      .filter((c) => c.elementId !== row.elementId)
      .map((c) => ({
        elementId: c.elementId,
        name: c.name,
        completedBy: completed.find((t) => t.elementId === c.elementId)?.completedBy ?? null,
      }));
  }

  /** 退回发起人: the first step the initiator completed. */
  private async initiatorTarget(row: TaskEntity, instance: InstanceEntity, m: EntityManager): Promise<ReturnTarget | null> {
    const first = (await this.tasks.ofInstance(row.instanceId, m))
      .filter((t) => t.status === 'completed' && t.kind === 'user' && t.completedBy === instance.initiator && t.elementId !== row.elementId)
      .sort((a, b) => (a.completedAt?.getTime() ?? 0) - (b.completedAt?.getTime() ?? 0))[0];
    return first ? { elementId: first.elementId, name: first.name, completedBy: first.completedBy } : null;
  }

  private async notifyAssigned(tx: Tx, row: TaskEntity, recipient: string, title: string, actor: string, body?: string): Promise<void> {
    await this.notifications.send(tx, [
      { recipient, kind: 'task.assigned', title, body: body ?? '', instanceId: row.instanceId, taskId: row.id, actor },
    ]);
  }
}
