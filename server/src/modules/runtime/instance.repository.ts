import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { InstanceQuery } from '@liuzhuan/contracts';
import { Between, DataSource, type EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { DatabaseKind } from '../../platform/database/data-source';
import { sql, type SqlResult, type Table, Tables } from '../../platform/database/table';
import { documentJoin, type MatterDisplay, matterColumns, matterOf, text } from './matter-display';

/** What a list row shows of an instance besides its matter: the 公文's 文号 and 办理期限, the steps open now. */
export type InstanceListDisplay = MatterDisplay & { docNumber: string | null; dueAt: string | null; currentSteps: string[] };

/** Separates the open steps' names in one column (a character no step name uses). */
const STEP_SEPARATOR = '¦';
import type { Tx } from '../../platform/database/transaction-runner';
import type { Statement, WriteBatch } from '../../platform/database/write-batch';
import { RuntimeErrors } from './runtime.errors';
import { HistoryEventEntity, InstanceEntity } from './instance.entity';
import { TaskProxyEntity } from '../proxies/proxies.api';

@Injectable()
export class InstanceRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: Tables,
  ) {
    this.table = tables.of(InstanceEntity);
    const t = this.table;
    this.summaryColumns = (
      [
        'id',
        'definitionId',
        'definitionKey',
        'definitionVersion',
        'businessKey',
        'parentId',
        'initiator',
        'status',
        'startedAt',
        'endedAt',
      ] as const
    )
      .map((p) => t.col(p, 'i'))
      .join(', ');
    this.updateText = `UPDATE ${t.name} SET ${t.col('state')} = ?, ${t.col('status')} = ?, ${t.col('version')} = ?, ${t.col('historySeq')} = ?, ${t.col('historyHash')} = ?, ${t.col('updatedAt')} = ?, ${t.col('endedAt')} = ? WHERE ${t.col('id')} = ?`;
  }

  private readonly table: Table<InstanceEntity>;

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<InstanceEntity | null> {
    return m.findOneBy(InstanceEntity, { id });
  }

  /**
   * Locks the instance row for the rest of the transaction and reads it as last committed, in one
   * statement (MySQL `SELECT … FOR UPDATE`; on SQLite the transaction runner serializes writers).
   * This lock is the one guard of an instance's state: a second writer waits here until the first
   * has committed, then reads what it wrote. The unit's waiting writes go out ahead of it, so a
   * second command on the same instance in one unit reads the first one's state.
   */
  /** The title and 文号 a notification names an instance's matter by: the 公文's, else the `title` variable. */
  /** The title and 文号 of the instance's matter, and the 密级 of its own 公文 (null: no 公文 row for this instance). */
  async matterName(
    instanceId: string,
    m: EntityManager,
  ): Promise<{ title: string | null; docNumber: string | null; secretLevel: string | null }> {
    const dialect = this.tables.dialect;
    const { records } = await sql(
      m,
      `SELECT ${matterColumns(dialect)}, od.doc_number AS d_doc_number, od.secret_level AS d_secret_level FROM process_instance pi ${documentJoin(dialect, 'pi.id')} WHERE pi.id = ?`,
      [instanceId],
    );
    const r = records[0];
    if (!r) return { title: null, docNumber: null, secretLevel: null };
    return {
      title: matterOf(r).title,
      docNumber: r['d_doc_number'] == null ? null : String(r['d_doc_number']),
      secretLevel: r['d_secret_level'] == null ? null : String(r['d_secret_level']),
    };
  }

  async lock(id: string, tx: Tx): Promise<InstanceEntity> {
    const read = this.lockedRead(tx, 'i.id = ?', [id]);
    const [result] = await tx.writes.flushWith(read);
    const row = read.found(result);
    if (!row) throw RuntimeErrors.instanceNotFound(id);
    return row;
  }

  /**
   * Locks and reads the instance of a task (null: no such task), then `next` — the read of the
   * task itself, which must see it as committed once the lock is held — in one round trip; they
   * run one after the other on the server. The task's instance never changes, so the sub-select
   * needs no lock of its own.
   */
  async lockOfTaskThen<T>(
    taskId: string,
    tx: Tx,
    next: Statement & { found: (result: SqlResult) => T },
  ): Promise<{ instance: InstanceEntity | null; next: T }> {
    const read = this.lockedRead(tx, 'i.id = (SELECT t.instance_id FROM task t WHERE t.id = ?)', [taskId]);
    const [locked, after] = await tx.writes.flushWith(read, next);
    return { instance: read.found(locked), next: next.found(after) };
  }

  /**
   * The locking read of an instance, and how to read its result. It also asks whether any 代理
   * (proxy) is in force or to come anywhere; the answer travels on the row
   * ({@link InstanceEntity.proxiesMayApply}), read in the command's transaction like the proxy
   * query it may save (at READ COMMITTED the sub-select locks no task_proxy row).
   */
  private lockedRead(tx: Tx, where: string, params: string[]): Statement & { found: (result: SqlResult) => InstanceEntity | null } {
    const proxies = this.tables.of(TaskProxyEntity);
    const anyProxy = `CASE WHEN EXISTS (SELECT 1 FROM ${proxies.name} p WHERE ${proxies.col('revokedAt', 'p')} IS NULL AND ${proxies.col('validTo', 'p')} > ?) THEN 1 ELSE 0 END AS any_proxy`;
    return {
      text: `SELECT ${this.table.select('i')}, ${anyProxy} FROM ${this.table.name} i WHERE ${where}${tx.dialect === 'mysql' ? ' FOR UPDATE' : ''}`,
      params: [proxies.value('validTo', new Date()), ...params],
      found: ({ records }) => {
        if (!records[0]) return null;
        const row = this.table.hydrate(records[0]);
        row.proxiesMayApply = Number(records[0].any_proxy) !== 0;
        return row;
      },
    };
  }

  /** Adds the new instance's row to the unit's batch. */
  insert(row: InstanceEntity, writes: WriteBatch): void {
    this.table.addInserts(writes, [row]);
  }

  /**
   * Adds the row's new state to the unit's batch. The caller holds the row's lock ({@link lock}, or
   * it inserted the row in this unit), so the statement touches exactly this row; `version` is a
   * plain count of the commands applied, not a check.
   */
  update(row: InstanceEntity, writes: WriteBatch): void {
    const t = this.table;
    writes.add(this.updateText, [
      row.state,
      row.status,
      row.version,
      row.historySeq,
      row.historyHash,
      t.value('updatedAt', row.updatedAt),
      row.endedAt ? t.value('endedAt', row.endedAt) : null,
      row.id,
    ]);
  }

  /** Adds the instance's new opinion head (its last opinion's seq and hash) to the unit's batch; the caller holds the row's lock. */
  updateOpinionHead(row: InstanceEntity, writes: WriteBatch): void {
    const t = this.table;
    writes.add(`UPDATE ${t.name} SET ${t.col('opinionSeq')} = ?, ${t.col('opinionHash')} = ? WHERE ${t.col('id')} = ?`, [
      row.opinionSeq,
      row.opinionHash,
      row.id,
    ]);
  }

  /** {@link update}'s statement, composed once. */
  private readonly updateText: string;

  /** Adds history rows to the unit's batch (chunks keep a statement under SQLite's bound-parameter limit). */
  appendHistory(rows: HistoryEventEntity[], writes: WriteBatch): void {
    this.tables.of(HistoryEventEntity).addInserts(writes, rows, 100);
  }

  history(instanceId: string): Promise<HistoryEventEntity[]> {
    return this.dataSource.manager.find(HistoryEventEntity, { where: { instanceId }, order: { seq: 'ASC' }, take: 10_000 });
  }

  /** History rows with after < seq ≤ upTo, in order, at most `limit` (verification reads the chain in pages). */
  historyPage(instanceId: string, after: number, upTo: number, limit: number): Promise<HistoryEventEntity[]> {
    return this.dataSource.manager.find(HistoryEventEntity, {
      where: { instanceId, seq: Between(after + 1, upTo) },
      order: { seq: 'ASC' },
      take: limit,
    });
  }

  childOf(parentId: string, parentElementInstanceId: string, m: EntityManager): Promise<InstanceEntity | null> {
    return m.findOneBy(InstanceEntity, { parentId, parentElementInstanceId });
  }

  /**
   * Instances matching the filters, newest first, with what a row shows of their matter (the 公文's
   * title, 文种 and urgency, else the variables: matter-display.ts) read in the same statement;
   * `visibleTo` limits them to those a user initiated, holds or completed a task in, or may
   * claim a task of (open and unclaimed).
   */
  async query(
    query: InstanceQuery,
    visibleTo: { username: string; groups: string[] } | null,
  ): Promise<{ items: InstanceEntity[]; total: number; display: Map<string, InstanceListDisplay> }> {
    const t = this.table;
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (condition: string, ...values: unknown[]) => {
      conditions.push(condition);
      params.push(...values);
    };
    if (query.definitionKey) where(`${t.col('definitionKey', 'i')} = ?`, query.definitionKey);
    if (query.status) where(`${t.col('status', 'i')} = ?`, query.status);
    if (query.businessKey) where(`${t.col('businessKey', 'i')} = ?`, query.businessKey);
    if (query.parentId) where(`${t.col('parentId', 'i')} = ?`, query.parentId);
    if (visibleTo) {
      const { username: me, groups } = visibleTo;
      where(
        `(${t.col('initiator', 'i')} = ? OR i.id IN (SELECT t.instance_id FROM task t WHERE t.assignee = ? OR t.completed_by = ?)
          OR i.id IN (SELECT t2.instance_id FROM task t2 JOIN task_candidate c ON c.task_id = t2.id
                      WHERE t2.status = 'open' AND t2.assignee IS NULL
                        AND ((c.kind = 'user' AND c.value = ?)${groups.length ? ` OR (c.kind = 'group' AND c.value IN (${groups.map(() => '?').join(', ')}))` : ''})))`,
        me,
        me,
        me,
        me,
        ...groups,
      );
    }
    const filter = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    const dialect = this.tables.dialect;
    const { records } = await sql(
      this.dataSource.manager,
      `SELECT ${this.summaryColumns}, ${matterColumns(dialect, 'i')}, od.doc_number AS d_doc_number,
        (SELECT ir.due_at FROM incoming_registration ir WHERE ir.document_id = od.id) AS d_due_at,
        (SELECT ${openSteps(dialect)} FROM task os WHERE os.instance_id = i.id AND os.status = 'open') AS open_steps
        FROM ${t.name} i ${documentJoin(dialect, 'i.id')}${filter}
        ORDER BY ${t.col('startedAt', 'i')} DESC, i.id DESC LIMIT ? OFFSET ?`,
      [...params, query.limit, query.offset],
    );
    const items: InstanceEntity[] = [];
    const display = new Map<string, InstanceListDisplay>();
    const dueColumn = { type: 'datetime' } as ColumnMetadata;
    for (const r of records) {
      const row = t.hydrate(r);
      if (display.has(row.id)) continue;
      items.push(row);
      const due = r['d_due_at'] == null ? null : (this.dataSource.driver.prepareHydratedValue(r['d_due_at'], dueColumn) as Date);
      display.set(row.id, {
        ...matterOf(r),
        docNumber: text(r['d_doc_number']),
        dueAt: due ? due.toISOString() : null,
        // a multi-instance step (协办, 会签) has one open task per department: named once
        currentSteps: [...new Set(text(r['open_steps'])?.split(STEP_SEPARATOR) ?? [])],
      });
    }
    // a first page that is not full is the whole list: no COUNT statement
    const total =
      query.offset === 0 && items.length < query.limit
        ? items.length
        : Number((await sql(this.dataSource.manager, `SELECT COUNT(*) AS n FROM ${t.name} i${filter}`, params)).records[0]?.n ?? 0);
    return { items, total, display };
  }

  /** The columns of an instance a list shows (its state left out: it can be large). */
  private readonly summaryColumns: string;
}

/** The distinct names of an instance's open tasks (the element id when unnamed) in one column. */
function openSteps(dialect: DatabaseKind): string {
  const name = 'COALESCE(os.name, os.element_id)';
  return dialect === 'mysql'
    ? `GROUP_CONCAT(${name} ORDER BY os.created_at SEPARATOR '${STEP_SEPARATOR}')`
    : `group_concat(${name}, '${STEP_SEPARATOR}')`;
}
