import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, type Repository } from 'typeorm';
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
  async lock(id: string, workerId: string, until: Date, now: Date): Promise<boolean> {
    const r = await this.dataSource.manager
      .createQueryBuilder()
      .update(ExternalTaskEntity)
      .set({ workerId, lockExpiresAt: until })
      .where("id = :id AND status = 'open' AND (lock_expires_at IS NULL OR lock_expires_at < :now)", { id, now })
      .execute();
    return r.affected === 1;
  }

  async close(id: string, status: 'completed' | 'failed', errorMessage: string | null, m: EntityManager): Promise<void> {
    await m.update(ExternalTaskEntity, { id, status: 'open' }, { status, errorMessage, lockExpiresAt: null });
  }

  /** A failure with retries left: the task is open and unlocked again. */
  async release(id: string, retries: number, errorMessage: string, m: EntityManager): Promise<void> {
    await m.update(ExternalTaskEntity, { id, status: 'open' }, { retries, errorMessage, workerId: null, lockExpiresAt: null });
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

  async insert(row: ApiKeyEntity): Promise<void> {
    await this.keys.insert(row);
  }

  findActiveByHash(keyHash: string): Promise<ApiKeyEntity | null> {
    return this.keys.findOneBy({ keyHash }).then((k) => (k && !k.revokedAt ? k : null));
  }

  list(): Promise<ApiKeyEntity[]> {
    return this.keys.find({ order: { createdAt: 'DESC' } });
  }
}
