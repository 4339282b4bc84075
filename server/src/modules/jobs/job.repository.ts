import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import type { Tx } from '../../platform/database/transaction-runner';
import { JobEntity } from './job.entity';

@Injectable()
export class JobRepository {
  constructor(@InjectRepository(JobEntity) private readonly jobs: Repository<JobEntity>) {}

  async insert(rows: JobEntity[], m: EntityManager): Promise<void> {
    if (rows.length) await m.insert(JobEntity, rows);
  }

  findById(id: string, m: EntityManager = this.jobs.manager): Promise<JobEntity | null> {
    return m.findOneBy(JobEntity, { id });
  }

  /**
   * Locks the job's instance row first (MySQL): commands lock the instance and then touch its job
   * rows (cancelling timers), so taking the locks in the same order keeps a firing timer and a
   * task completion on one instance from deadlocking each other.
   */
  async lockInstanceOf(job: JobEntity, tx: Tx): Promise<void> {
    if (tx.dialect === 'mysql' && job.instanceId)
      await tx.manager.query('SELECT id FROM process_instance WHERE id = ? FOR UPDATE', [job.instanceId]);
  }

  /** Locks the row (MySQL) and returns it only while it is still pending: the idempotency check. */
  async lockPending(id: string, tx: Tx): Promise<JobEntity | null> {
    if (tx.dialect === 'mysql') await tx.manager.query('SELECT id FROM job WHERE id = ? FOR UPDATE', [id]);
    const job = await tx.manager.findOneBy(JobEntity, { id });
    return job?.status === 'pending' ? job : null;
  }

  async finish(id: string, status: 'done' | 'cancelled', lastError: string | null, m: EntityManager): Promise<void> {
    await m.update(JobEntity, { id, status: 'pending' }, { status, lastError, updatedAt: new Date() });
  }

  /** Cancels the pending rows standing for these engine timer ids or job keys of one instance. */
  async cancelByRefs(instanceId: string, refs: string[], m: EntityManager): Promise<void> {
    if (!refs.length) return;
    await m.update(JobEntity, { instanceId, ref: In(refs), status: 'pending' }, { status: 'cancelled', updatedAt: new Date() });
  }

  async cancelPendingOfInstance(instanceId: string, types: string[], m: EntityManager): Promise<void> {
    await m.update(JobEntity, { instanceId, type: In(types), status: 'pending' }, { status: 'cancelled', updatedAt: new Date() });
  }

  async cancelPendingOfDefinitions(definitionIds: string[], types: string[], m: EntityManager): Promise<void> {
    if (!definitionIds.length) return;
    await m.update(
      JobEntity,
      { definitionId: In(definitionIds), type: In(types), status: 'pending' },
      { status: 'cancelled', updatedAt: new Date() },
    );
  }

  async recordFailure(id: string, patch: Pick<JobEntity, 'attempts' | 'lastError' | 'dueAt' | 'status'>, m: EntityManager): Promise<void> {
    await m.update(JobEntity, { id, status: 'pending' }, { ...patch, updatedAt: new Date() });
  }

  async retry(id: string, m: EntityManager): Promise<boolean> {
    const r = await m.update(
      JobEntity,
      { id, status: 'failed' },
      { status: 'pending', attempts: 0, dueAt: new Date(), updatedAt: new Date() },
    );
    return (r.affected ?? 0) === 1;
  }

  listByInstance(instanceId: string | undefined, status: string | undefined): Promise<JobEntity[]> {
    return this.jobs.find({
      where: { ...(instanceId ? { instanceId } : {}), ...(status ? { status: status as JobEntity['status'] } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: 500,
    });
  }

  failedOfInstance(instanceId: string): Promise<JobEntity[]> {
    return this.jobs.find({ where: { instanceId, status: 'failed' }, order: { id: 'ASC' } });
  }

  /** Pending jobs due before `horizon`, oldest first: what the sweeper pushes again. */
  duePending(horizon: Date, limit: number): Promise<JobEntity[]> {
    return this.jobs
      .createQueryBuilder('j')
      .where('j.status = :status', { status: 'pending' })
      .andWhere('j.due_at <= :horizon', { horizon })
      .orderBy('j.due_at', 'ASC')
      .limit(limit)
      .getMany();
  }
}
