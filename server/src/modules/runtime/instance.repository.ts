import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InstanceQuery } from '@liuzhuan/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { isNullInto } from '../../platform/database/driver-error';
import { enqueue, isBatched } from '../../platform/database/statement-batch';
import { sql, type SqlResult, type Table, Tables } from '../../platform/database/table';
import { ConcurrencyConflict, type Tx } from '../../platform/database/transaction-runner';
import { DomainError } from '../../platform/errors/domain-error';
import { HistoryEventEntity, InstanceEntity } from './instance.entity';
import { TaskProxyEntity } from './task.entity';

@Injectable()
export class InstanceRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: Tables,
  ) {
    this.table = tables.of(InstanceEntity);
    this.updateGuarded = this.updateText(true);
    this.updatePlain = this.updateText(false);
  }

  private readonly table: Table<InstanceEntity>;

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<InstanceEntity | null> {
    return m.findOneBy(InstanceEntity, { id });
  }

  /**
   * Locks the instance row for the rest of the transaction and reads it as last committed, in one
   * statement (MySQL `SELECT … FOR UPDATE`; on SQLite the transaction runner serializes writers).
   */
  async lock(id: string, tx: Tx): Promise<InstanceEntity> {
    const read = this.lockedRead(tx, 'i.id = ?', [id]);
    const row = read.found(await sql(tx.manager, read.text, read.params));
    if (!row) throw new DomainError('INSTANCE_NOT_FOUND', `Instance ${id} not found`);
    return row;
  }

  /**
   * Locks and reads the instance of a task (null: no such task), then runs `next` — the read of
   * the task itself, which must see it as committed once the lock is held. In a batched
   * transaction both go out in one round trip and run one after the other on the server. The
   * task's instance never changes, so the sub-select needs no lock of its own.
   */
  async lockOfTaskThen<T>(taskId: string, tx: Tx, next: () => Promise<T>): Promise<{ instance: InstanceEntity | null; next: T }> {
    let instance: InstanceEntity | null = null;
    const read = this.lockedRead(tx, 'i.id = (SELECT t.instance_id FROM task t WHERE t.id = ?)', [taskId]);
    await enqueue(tx.manager, read.text, read.params, (result) => (instance = read.found(result)));
    const result = await next();
    return { instance, next: result };
  }

  /**
   * False only when the instance's lock read found no proxy (代理) in force or to come anywhere:
   * then the tasks this command creates need no proxy query. Read in the command's transaction
   * like that query would be (at READ COMMITTED the sub-select locks no task_proxy row).
   */
  mayHaveActiveProxy(row: InstanceEntity): boolean {
    return this.proxyHint.get(row) ?? true;
  }

  private readonly proxyHint = new WeakMap<InstanceEntity, boolean>();

  /** The locking read of an instance, and how to read its result. */
  private lockedRead(
    tx: Tx,
    where: string,
    params: string[],
  ): { text: string; params: unknown[]; found: (result: SqlResult) => InstanceEntity | null } {
    const proxies = this.tables.of(TaskProxyEntity);
    const anyProxy = `CASE WHEN EXISTS (SELECT 1 FROM ${proxies.name} p WHERE ${proxies.col('revokedAt', 'p')} IS NULL AND ${proxies.col('validTo', 'p')} > ?) THEN 1 ELSE 0 END AS any_proxy`;
    return {
      text: `SELECT ${this.table.select('i')}, ${anyProxy} FROM ${this.table.name} i WHERE ${where}${tx.dialect === 'mysql' ? ' FOR UPDATE' : ''}`,
      params: [proxies.value('validTo', new Date()), ...params],
      found: ({ records }) => {
        if (!records[0]) return null;
        const row = this.table.hydrate(records[0]);
        this.proxyHint.set(row, Number(records[0].any_proxy) !== 0);
        return row;
      },
    };
  }

  /** Queued in a batched transaction: it goes out with the command's next statement. */
  async insert(row: InstanceEntity, m: EntityManager): Promise<void> {
    await this.table.insert(m, [row]);
  }

  /**
   * Writes the next version; touching no row means another writer got there first. In a MySQL
   * unit the statement checks the version itself: one that moved sets NULL into the NOT NULL
   * column, an error in strict mode (TransactionRunner sets it per connection) that stops the
   * packet before the COMMIT queued after it (statement-batch.ts); the unit rolls back and is retried.
   */
  async update(row: InstanceEntity, expectedVersion: number, m: EntityManager): Promise<void> {
    const t = this.table;
    const guarded = isBatched(m);
    const conflict = () => new ConcurrencyConflict(`instance ${row.id} changed since version ${expectedVersion}`);
    const versions = guarded ? [expectedVersion, row.version] : [row.version];
    const params = [
      row.state,
      row.status,
      ...versions,
      row.historySeq,
      t.value('updatedAt', row.updatedAt),
      row.endedAt ? t.value('endedAt', row.endedAt) : null,
      row.id,
      ...(guarded ? [] : [expectedVersion]),
    ];
    const check = ({ affected }: SqlResult) => {
      if (affected !== 1) throw conflict();
    };
    await enqueue(
      m,
      guarded ? this.updateGuarded : this.updatePlain,
      params,
      check,
      guarded ? (e) => (isNullInto(e, 'version') ? conflict() : undefined) : undefined,
    );
  }

  /** {@link update}'s statements, composed once: the version checked by the statement itself, or by its WHERE. */
  private readonly updateGuarded: string;
  private readonly updatePlain: string;

  private updateText(guarded: boolean): string {
    const t = this.table;
    const v = t.col('version');
    const setVersion = guarded ? `${v} = CASE WHEN ${v} = ? THEN ? END` : `${v} = ?`;
    return `UPDATE ${t.name} SET ${t.col('state')} = ?, ${t.col('status')} = ?, ${setVersion}, ${t.col('historySeq')} = ?, ${t.col('updatedAt')} = ?, ${t.col('endedAt')} = ? WHERE ${t.col('id')} = ?${guarded ? '' : ` AND ${v} = ?`}`;
  }

  async appendHistory(rows: HistoryEventEntity[], m: EntityManager): Promise<void> {
    // chunks keep the statement under SQLite's bound-parameter limit
    await this.tables.of(HistoryEventEntity).insert(m, rows, 100);
  }

  history(instanceId: string): Promise<HistoryEventEntity[]> {
    return this.dataSource.manager.find(HistoryEventEntity, { where: { instanceId }, order: { seq: 'ASC' }, take: 10_000 });
  }

  childOf(parentId: string, parentElementInstanceId: string, m: EntityManager): Promise<InstanceEntity | null> {
    return m.findOneBy(InstanceEntity, { parentId, parentElementInstanceId });
  }

  /** Instances matching the filters; `visibleTo` limits them to those a user initiated or has a task in. */
  async query(
    query: InstanceQuery,
    visibleTo: { username: string; groups: string[] } | null,
  ): Promise<{ items: InstanceEntity[]; total: number }> {
    const qb = this.dataSource.manager
      .createQueryBuilder(InstanceEntity, 'i')
      .select([
        'i.id',
        'i.definitionId',
        'i.definitionKey',
        'i.definitionVersion',
        'i.businessKey',
        'i.parentId',
        'i.initiator',
        'i.status',
        'i.startedAt',
        'i.endedAt',
      ]);
    if (query.definitionKey) qb.andWhere('i.definition_key = :key', { key: query.definitionKey });
    if (query.status) qb.andWhere('i.status = :status', { status: query.status });
    if (query.businessKey) qb.andWhere('i.business_key = :bk', { bk: query.businessKey });
    if (query.parentId) qb.andWhere('i.parent_id = :parentId', { parentId: query.parentId });
    if (visibleTo) {
      qb.andWhere(
        `(i.initiator = :me OR i.id IN (SELECT t.instance_id FROM task t WHERE t.assignee = :me)
          OR i.id IN (SELECT t2.instance_id FROM task t2 JOIN task_candidate c ON c.task_id = t2.id
                      WHERE (c.kind = 'user' AND c.value = :me)${visibleTo.groups.length ? " OR (c.kind = 'group' AND c.value IN (:...groups))" : ''}))`,
        { me: visibleTo.username, groups: visibleTo.groups },
      );
    }
    qb.orderBy('i.startedAt', 'DESC').addOrderBy('i.id', 'DESC').skip(query.offset).take(query.limit);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }
}
