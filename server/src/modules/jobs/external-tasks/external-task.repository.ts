import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, type Repository } from 'typeorm';
import { ApiKeyEntity, ExternalTaskEntity } from './external-task.entity';

@Injectable()
export class ExternalTaskRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(row: ExternalTaskEntity, m: EntityManager): Promise<void> {
    await m.insert(ExternalTaskEntity, row);
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<ExternalTaskEntity | null> {
    return m.findOneBy(ExternalTaskEntity, { id });
  }

  /** Open tasks of these topics that nobody holds (never locked, or the lock expired), oldest first. */
  fetchable(topics: string[], now: Date, limit: number): Promise<ExternalTaskEntity[]> {
    return this.dataSource.manager
      .createQueryBuilder(ExternalTaskEntity, 'x')
      .where("x.status = 'open' AND x.topic IN (:...topics)", { topics })
      .andWhere('(x.lock_expires_at IS NULL OR x.lock_expires_at < :now)', { now })
      .orderBy('x.createdAt', 'ASC')
      .addOrderBy('x.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /** Takes the lock only if it is still free: of two workers fetching at once, one gets each task. */
  async lock(id: string, workerId: string, keyId: string, until: Date, now: Date): Promise<boolean> {
    const r = await this.dataSource.manager
      .createQueryBuilder()
      .update(ExternalTaskEntity)
      .set({ workerId, lockKeyId: keyId, lockExpiresAt: until })
      .where("id = :id AND status = 'open' AND (lock_expires_at IS NULL OR lock_expires_at < :now)", { id, now })
      .execute();
    return r.affected === 1;
  }

  /** The holder's lock now runs until `until` (the caller checked it holds it, under the instance lock). */
  async extendLock(id: string, until: Date, m: EntityManager): Promise<void> {
    await m.update(ExternalTaskEntity, { id, status: 'open' }, { lockExpiresAt: until });
  }

  async close(id: string, status: 'completed' | 'failed', errorMessage: string | null, m: EntityManager): Promise<void> {
    await m.update(ExternalTaskEntity, { id, status: 'open' }, { status, errorMessage, lockExpiresAt: null });
  }

  /** A failure with retries left: the task is open and unlocked again. */
  async release(id: string, retries: number, errorMessage: string, m: EntityManager): Promise<void> {
    await m.update(
      ExternalTaskEntity,
      { id, status: 'open' },
      { retries, errorMessage, workerId: null, lockKeyId: null, lockExpiresAt: null },
    );
  }

  async cancelByJobKeys(instanceId: string, jobKeys: string[], m: EntityManager): Promise<void> {
    if (jobKeys.length)
      await m.update(ExternalTaskEntity, { instanceId, jobKey: In(jobKeys), status: 'open' }, { status: 'cancelled', lockExpiresAt: null });
  }

  async cancelOfInstance(instanceId: string, m: EntityManager): Promise<void> {
    await m.update(ExternalTaskEntity, { instanceId, status: 'open' }, { status: 'cancelled', lockExpiresAt: null });
  }
}

@Injectable()
export class ApiKeyRepository {
  constructor(@InjectRepository(ApiKeyEntity) private readonly keys: Repository<ApiKeyEntity>) {}

  async insert(row: ApiKeyEntity, m: EntityManager): Promise<void> {
    await m.insert(ApiKeyEntity, row);
  }

  /** Read on every worker call (no cache): a revocation holds at once on every replica. */
  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ id });
  }

  /** A key issued before keys carried their id (`lzk_<secret>`): found by its digest. */
  findByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ keyHash });
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'DESC' } });
  }

  /** Sets revoked_at once; a second revocation keeps the first time. */
  async revoke(id: string, at: Date, m: EntityManager): Promise<void> {
    await m.update(ApiKeyEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
  }

  async touch(id: string, at: Date, m: EntityManager): Promise<void> {
    await m.update(ApiKeyEntity, { id }, { lastUsedAt: at });
  }
}
