import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { sql, Tables } from '../../platform/database/table';
import { type DefinitionHead, DefinitionEntity, DeploymentEntity, EventSubscriptionEntity } from './definition.entity';

/** Every column but the compiled process. */
const HEAD_COLUMNS = [
  'id',
  'deploymentId',
  'key',
  'version',
  'name',
  'executable',
  'deployedBy',
  'deployedAt',
] as const satisfies readonly (keyof DefinitionHead)[];

@Injectable()
export class DefinitionRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: Tables,
  ) {}

  async insertDeployment(deployment: DeploymentEntity, definitions: DefinitionEntity[], m: EntityManager): Promise<void> {
    await m.insert(DeploymentEntity, deployment);
    if (definitions.length) await m.insert(DefinitionEntity, definitions);
  }

  async latestVersion(key: string, m: EntityManager): Promise<number> {
    const row = await m
      .createQueryBuilder(DefinitionEntity, 'd')
      .select('MAX(d.version)', 'v')
      .where('d.process_key = :key', { key })
      .getRawOne<{ v: number | null }>();
    return Number(row?.v ?? 0);
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<DefinitionEntity | null> {
    return m.findOneBy(DefinitionEntity, { id });
  }

  /**
   * The latest (or the given) version of a key, without its compiled process: starting an
   * instance needs only the id, and the process comes from the ProcessCache.
   */
  async findByKey(key: string, version: number | undefined, m: EntityManager = this.dataSource.manager): Promise<DefinitionHead | null> {
    // hand-written: every start reads its definition (the query builder cost more than the read)
    const d = this.tables.of(DefinitionEntity);
    this.heads ??= (() => {
      const select = `SELECT ${HEAD_COLUMNS.map((c) => d.col(c)).join(', ')} FROM ${d.name} WHERE ${d.col('key')} = ?`;
      return { latest: `${select} ORDER BY ${d.col('version')} DESC LIMIT 1`, version: `${select} AND ${d.col('version')} = ?` };
    })();
    const { records } = await (version === undefined ? sql(m, this.heads.latest, [key]) : sql(m, this.heads.version, [key, version]));
    if (!records.length) return null;
    const { compiled: _none, ...found } = d.hydrate(records[0]);
    return found;
  }

  /** findByKey's two statements, composed on first use. */
  private heads?: { latest: string; version: string };

  /** Earlier versions of a key (their start subscriptions and timers give way to the new one). */
  olderVersions(key: string, version: number, m: EntityManager): Promise<DefinitionEntity[]> {
    return m.createQueryBuilder(DefinitionEntity, 'd').where('d.process_key = :key AND d.version < :version', { key, version }).getMany();
  }

  findDeployment(id: string): Promise<DeploymentEntity | null> {
    return this.dataSource.manager.findOneBy(DeploymentEntity, { id });
  }

  /** Every version, or the latest version of each key; without the compiled model. */
  async list(all: boolean, key?: string): Promise<DefinitionEntity[]> {
    const qb = this.dataSource.manager
      .createQueryBuilder(DefinitionEntity, 'd')
      .select(['d.id', 'd.deploymentId', 'd.key', 'd.version', 'd.name', 'd.executable', 'd.deployedBy', 'd.deployedAt']);
    if (key) qb.andWhere('d.process_key = :key', { key });
    if (!all) qb.andWhere('d.version = (SELECT MAX(d2.version) FROM process_definition d2 WHERE d2.process_key = d.process_key)');
    return qb.orderBy('d.process_key', 'ASC').addOrderBy('d.version', 'DESC').limit(1000).getMany();
  }
}

/** Event subscriptions: what waits for which message or signal (correlation queries). */
@Injectable()
export class SubscriptionRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(rows: EventSubscriptionEntity[], m: EntityManager): Promise<void> {
    if (rows.length) await m.insert(EventSubscriptionEntity, rows);
  }

  async deleteByIds(ids: string[], m: EntityManager): Promise<void> {
    if (ids.length) await m.delete(EventSubscriptionEntity, { id: In(ids) });
  }

  async deleteOfInstance(instanceId: string, m: EntityManager): Promise<void> {
    await m.delete(EventSubscriptionEntity, { instanceId });
  }

  async deleteStartsOfDefinitions(definitionIds: string[], m: EntityManager): Promise<void> {
    if (definitionIds.length) await m.delete(EventSubscriptionEntity, { definitionId: In(definitionIds) });
  }

  /** Instances waiting for a message, oldest first; with a key, only those it correlates to. */
  waitingForMessage(
    name: string,
    correlationKey: string | undefined,
    m: EntityManager = this.dataSource.manager,
  ): Promise<EventSubscriptionEntity[]> {
    return m.find(EventSubscriptionEntity, {
      where: { kind: 'message', name, instanceId: Not(IsNull()), ...(correlationKey !== undefined ? { correlationKey } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: 20,
    });
  }

  startsFor(kind: 'message' | 'signal', name: string, m: EntityManager = this.dataSource.manager): Promise<EventSubscriptionEntity[]> {
    return m.find(EventSubscriptionEntity, { where: { kind, name, instanceId: IsNull() }, order: { createdAt: 'ASC' } });
  }

  /** Distinct instances with a subscription to this signal. */
  async instancesWaitingForSignal(name: string, m: EntityManager = this.dataSource.manager): Promise<string[]> {
    const rows = await m
      .createQueryBuilder(EventSubscriptionEntity, 's')
      .select('DISTINCT s.instance_id', 'id')
      .where('s.kind = :kind AND s.name = :name AND s.instance_id IS NOT NULL', { kind: 'signal', name })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
