import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { sql, Tables } from '../../platform/database/table';
import { TaskProxyEntity } from './proxy.entity';

/** The 代理 rows: set and ended by their principals, looked up whenever tasks are created. */
@Injectable()
export class ProxyRepository {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: Tables,
  ) {}

  /**
   * 代理 in force for any of these principals at some moment between `first` and `last`, newest first.
   * A hand-written statement: it runs on the hot path of every command that creates an assigned task.
   */
  async inForce(principals: string[], first: Date, last: Date, m: EntityManager): Promise<TaskProxyEntity[]> {
    const p = this.tables.of(TaskProxyEntity);
    const { records } = await sql(
      m,
      `SELECT * FROM ${p.name} WHERE ${p.col('principal')} IN (${principals.map(() => '?').join(', ')}) AND ${p.col('revokedAt')} IS NULL AND ${p.col('validFrom')} <= ? AND ${p.col('validTo')} > ? ORDER BY ${p.col('createdAt')} DESC`,
      [...principals, p.value('validFrom', last), p.value('validTo', first)],
    );
    return records.map((r) => p.hydrate(r));
  }

  async insert(row: TaskProxyEntity, m: EntityManager): Promise<void> {
    await m.insert(TaskProxyEntity, row);
  }

  /** The proxies not ended yet in which the user is principal or deputy, earliest first. */
  currentOf(username: string, now: Date): Promise<TaskProxyEntity[]> {
    return this.dataSource.manager.find(TaskProxyEntity, {
      where: [
        { principal: username, revokedAt: IsNull(), validTo: MoreThan(now) },
        { deputy: username, revokedAt: IsNull(), validTo: MoreThan(now) },
      ],
      order: { validFrom: 'ASC' },
    });
  }

  /** Ends every proxy of the principal not ended yet; the proxies ended. */
  async endAllOf(principal: string, now: Date, m: EntityManager): Promise<TaskProxyEntity[]> {
    const open = await m.find(TaskProxyEntity, { where: { principal, revokedAt: IsNull(), validTo: MoreThan(now) } });
    if (open.length) await m.update(TaskProxyEntity, { id: In(open.map((p) => p.id)), revokedAt: IsNull() }, { revokedAt: now });
    return open;
  }
}
