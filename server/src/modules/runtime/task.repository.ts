import { Injectable } from '@nestjs/common';
import type { TaskQuery } from '@liuzhuan/contracts';
import { DataSource, type EntityManager, In } from 'typeorm';
import { TaskCandidateEntity, TaskEntity } from './task.entity';

export interface TaskWithCandidates {
  task: TaskEntity;
  candidateUsers: string[];
  candidateGroups: string[];
}

/** The task projection: written by the command executor, read by the inbox. */
@Injectable()
export class TaskRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(task: TaskEntity, candidates: TaskCandidateEntity[], m: EntityManager): Promise<void> {
    await m.insert(TaskEntity, task);
    if (candidates.length) await m.insert(TaskCandidateEntity, candidates);
  }

  async close(id: string, patch: Pick<TaskEntity, 'status' | 'completedAt' | 'completedBy'>, m: EntityManager): Promise<void> {
    await m.update(TaskEntity, { id, status: 'open' }, patch);
  }

  async closeAllOfInstance(instanceId: string, at: Date, m: EntityManager): Promise<void> {
    await m.update(TaskEntity, { instanceId, status: 'open' }, { status: 'cancelled', completedAt: at });
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<TaskEntity | null> {
    return m.findOneBy(TaskEntity, { id });
  }

  /** Sets the assignee only while the task is open and unassigned: one claim wins. */
  async claim(id: string, username: string, m: EntityManager): Promise<boolean> {
    const r = await m.createQueryBuilder().update(TaskEntity).set({ assignee: username }).where("id = :id AND status = 'open' AND assignee IS NULL", { id }).execute();
    return r.affected === 1;
  }

  async unclaim(id: string, m: EntityManager): Promise<void> {
    await m.update(TaskEntity, { id, status: 'open' }, { assignee: null });
  }

  /** Marks the task read the first time its assignee opens it. */
  async markOpened(id: string, at: Date): Promise<void> {
    await this.dataSource.manager.createQueryBuilder().update(TaskEntity).set({ openedAt: at }).where('id = :id AND opened_at IS NULL', { id }).execute();
  }

  async candidatesOf(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, TaskCandidateEntity[]>> {
    const map = new Map<string, TaskCandidateEntity[]>(ids.map((id) => [id, []]));
    if (!ids.length) return map;
    for (const c of await m.findBy(TaskCandidateEntity, { taskId: In(ids) })) map.get(c.taskId)?.push(c);
    return map;
  }

  /** Whether the user has or had any task in the instance (as assignee or candidate). */
  async involves(instanceId: string, username: string, groups: string[]): Promise<boolean> {
    const qb = this.dataSource.manager
      .createQueryBuilder(TaskEntity, 't')
      .leftJoin(TaskCandidateEntity, 'c', 'c.task_id = t.id')
      .where('t.instance_id = :instanceId', { instanceId })
      .andWhere(`(t.assignee = :me OR (c.kind = 'user' AND c.value = :me)${groups.length ? " OR (c.kind = 'group' AND c.value IN (:...groups))" : ''})`, { me: username, groups });
    return (await qb.getCount()) > 0;
  }

  /**
   * Inbox queries. `mine`: assigned to the user; `claimable`: open, unassigned, the user a
   * candidate (by name or group); `instanceId`: every task of one instance (access checked by the caller).
   */
  async query(query: TaskQuery, me: { username: string; groups: string[] } | null): Promise<{ items: TaskEntity[]; total: number }> {
    const qb = this.dataSource.manager.createQueryBuilder(TaskEntity, 't');
    const candidate = `t.id IN (SELECT c.task_id FROM task_candidate c WHERE (c.kind = 'user' AND c.value = :me)${me?.groups.length ? " OR (c.kind = 'group' AND c.value IN (:...groups))" : ''})`;
    const params = { me: me?.username ?? '', groups: me?.groups ?? [] };
    if (query.assignee === 'me') qb.andWhere('t.assignee = :me', params);
    if (query.candidate === 'me') qb.andWhere(`t.assignee IS NULL AND ${candidate}`, params);
    if (query.instanceId) qb.andWhere('t.instance_id = :instanceId', { instanceId: query.instanceId });
    else if (me && !query.assignee && !query.candidate) qb.andWhere(`(t.assignee = :me OR (t.assignee IS NULL AND ${candidate}))`, params);
    const status = query.status ?? (query.instanceId ? undefined : 'open');
    if (status) qb.andWhere('t.status = :status', { status });
    qb.orderBy('t.createdAt', 'DESC').addOrderBy('t.id', 'DESC').skip(query.offset).take(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
