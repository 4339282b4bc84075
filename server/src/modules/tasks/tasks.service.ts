import { Injectable } from '@nestjs/common';
import type { CompleteTask, SessionUser, Task, TaskList, TaskQuery } from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import { TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import { DomainError } from '../../platform/errors/domain-error';
import { CommandExecutor, InstanceAccess, InstanceRepository, isWorkflowAdmin, TaskRepository, type TaskCandidateEntity, type TaskEntity } from '../runtime/runtime.api';

/** How the user relates to a task; null: not at all (they learn nothing about it). */
type Relation = 'assignee' | 'candidate' | 'admin' | null;

function toTask(row: TaskEntity, candidates: TaskCandidateEntity[]): Task {
  return {
    id: row.id,
    instanceId: row.instanceId,
    definitionKey: row.definitionKey,
    elementId: row.elementId,
    name: row.name,
    assignee: row.assignee,
    candidateUsers: candidates.filter((c) => c.kind === 'user').map((c) => c.value),
    candidateGroups: candidates.filter((c) => c.kind === 'group').map((c) => c.value),
    status: row.status,
    formKey: row.formKey,
    dueAt: row.dueAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    openedAt: row.openedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    completedBy: row.completedBy,
  };
}

/**
 * Inbox queries and task operations. Who may act on a task: its assignee; a candidate once
 * they claimed it; a workflow admin (recorded as an intervention with the admin's name).
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tasks: TaskRepository,
    private readonly instances: InstanceRepository,
    private readonly executor: CommandExecutor,
    private readonly access: InstanceAccess,
  ) {}

  async list(query: TaskQuery, user: SessionUser): Promise<TaskList> {
    if (query.instanceId) await this.access.readable(user, query.instanceId);
    // an admin and an instance's readers see every task; everyone else their own and claimable ones
    const needsMe = query.assignee || query.candidate || (!query.instanceId && !isWorkflowAdmin(user));
    const me = needsMe ? { username: user.username, groups: await this.access.groupsOf(user) } : null;
    const { items, total } = await this.tasks.query(query, me);
    const candidates = await this.tasks.candidatesOf(items.map((t) => t.id));
    return { items: items.map((t) => toTask(t, candidates.get(t.id) ?? [])), total };
  }

  /** One task; the assignee's first read marks it opened (已阅). */
  async get(id: string, user: SessionUser): Promise<Task> {
    const row = await this.tasks.findById(id);
    if (!row) throw notFound(id);
    const candidates = (await this.tasks.candidatesOf([id])).get(id) ?? [];
    const relation = await this.relation(user, row, candidates);
    if (!relation) {
      const instance = await this.instances.findById(row.instanceId);
      if (!instance || !(await this.access.canRead(user, instance))) throw notFound(id);
    }
    if (relation === 'assignee' && !row.openedAt && row.status === 'open') {
      await this.tasks.markOpened(id, new Date());
      return toTask((await this.tasks.findById(id)) ?? row, candidates);
    }
    return toTask(row, candidates);
  }

  complete(id: string, input: CompleteTask, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const { row, candidates, relation } = await this.lockTask(tx, id, user);
      if (relation === 'candidate') throw new DomainError('TASK_NOT_YOURS', 'Claim the task before completing it');
      const details: Record<string, unknown> = {};
      if (input.opinion !== undefined) details.opinion = input.opinion;
      if (relation === 'admin') details.intervention = { by: user.displayName, username: user.username };
      await this.executor.executeIn(
        tx,
        row.instanceId,
        { type: 'completeTask', elementInstanceId: id, variables: input.variables, ...(input.outcome ? { outcome: input.outcome } : {}) },
        { actor: user.username, taskNote: { taskId: id, details } },
      );
      return toTask((await this.tasks.findById(id, tx.manager)) ?? row, candidates);
    });
  }

  /** 签收: one candidate takes a group task; a second claim loses with 409. */
  claim(id: string, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const { row, candidates, relation, instance } = await this.lockTask(tx, id, user);
      if (relation === 'assignee') return toTask(row, candidates);
      if (row.assignee) throw new DomainError('TASK_ALREADY_CLAIMED', `Task ${id} is claimed by someone else`);
      if (!(await this.tasks.claim(id, user.username, tx.manager))) throw new DomainError('TASK_ALREADY_CLAIMED', `Task ${id} is claimed by someone else`);
      const details: Record<string, unknown> = { elementInstanceId: id, assignee: user.username };
      if (relation === 'admin') details.intervention = { by: user.displayName, username: user.username };
      await this.executor.appendHistory(tx, instance, [{ type: 'task.claimed', elementId: row.elementId, details }], user.username);
      return toTask({ ...row, assignee: user.username }, candidates);
    });
  }

  unclaim(id: string, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const { row, candidates, relation, instance } = await this.lockTask(tx, id, user);
      if (relation === 'candidate') throw new DomainError('TASK_NOT_YOURS', 'Only the assignee can give the task back');
      await this.tasks.unclaim(id, tx.manager);
      const details: Record<string, unknown> = { elementInstanceId: id, previousAssignee: row.assignee };
      if (relation === 'admin') details.intervention = { by: user.displayName, username: user.username };
      await this.executor.appendHistory(tx, instance, [{ type: 'task.unclaimed', elementId: row.elementId, details }], user.username);
      return toTask({ ...row, assignee: null }, candidates);
    });
  }

  /**
   * Locks the task's instance, then reads the task as last committed: of two concurrent
   * operations on one task the second sees the first's result (TASK_NOT_OPEN, ALREADY_CLAIMED).
   */
  private async lockTask(tx: Tx, id: string, user: SessionUser) {
    const first = await this.tasks.findById(id, tx.manager);
    if (!first) throw notFound(id);
    const instance = await this.instances.lock(first.instanceId, tx);
    const row = (await this.tasks.findById(id, tx.manager)) as TaskEntity;
    const candidates = (await this.tasks.candidatesOf([id], tx.manager)).get(id) ?? [];
    const relation = await this.relation(user, row, candidates, tx.manager);
    if (!relation) throw notFound(id);
    if (row.status !== 'open') throw new DomainError('TASK_NOT_OPEN', `Task ${id} is ${row.status}`);
    return { row, candidates, relation, instance };
  }

  private async relation(user: SessionUser, row: TaskEntity, candidates: TaskCandidateEntity[], m?: EntityManager): Promise<Relation> {
    if (row.assignee === user.username) return 'assignee';
    // a candidate keeps seeing a task someone else claimed (and is told so), but cannot act on it
    if (isWorkflowAdmin(user)) return 'admin';
    if (candidates.some((c) => c.kind === 'user' && c.value === user.username)) return 'candidate';
    const groups = candidates.filter((c) => c.kind === 'group').map((c) => c.value);
    if (groups.length && (await this.access.groupsOf(user, m)).some((g) => groups.includes(g))) return 'candidate';
    return null;
  }
}

const notFound = (id: string) => new DomainError('TASK_NOT_FOUND', `Task ${id} not found`);
