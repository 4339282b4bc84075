import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { TaskQuery } from '@liuzhuan/contracts';
import { DataSource, type EntityManager, In } from 'typeorm';
import { sql, type SqlResult, type Table, Tables } from '../../platform/database/table';
import type { Statement, WriteBatch } from '../../platform/database/write-batch';
import { likeEscape } from '../org/org.api';
import { documentJoin, type MatterDisplay, matterColumns, matterOf, text, variableText } from './matter-display';
import { CcCopyEntity, TaskCandidateEntity, TaskEntity } from './task.entity';

/** What the inbox shows of a task's instance and 公文 (read in the same statement as the tasks). */
export interface TaskDisplay extends MatterDisplay {
  initiator: string | null;
  initiatorOrgName: string | null;
  documentId: string | null;
}

/** The columns {@link displayOf} reads beyond the matter's: the 公文's id, the initiator and their organization. */
const TASK_DISPLAY_COLUMNS = 'od.id AS d_document_id, pi.initiator AS d_initiator, io.name AS d_initiator_org_name';

/** The display fields of a row selected with {@link matterColumns} and {@link TASK_DISPLAY_COLUMNS}. */
function displayOf(r: Record<string, unknown>): TaskDisplay {
  return {
    ...matterOf(r),
    initiator: text(r['d_initiator']),
    initiatorOrgName: text(r['d_initiator_org_name']),
    documentId: text(r['d_document_id']),
  };
}

/** The inbox filters that need the instance, its 公文 or the clock. */
export const hasFilters = (q: TaskQuery) => !!(q.q || q.urgency || q.docType || q.orgId || q.due);

export interface TaskWithCandidates {
  task: TaskEntity;
  candidateUsers: string[];
  candidateGroups: string[];
}

/** The task projection: written by the command executor, read by the inbox. */
@Injectable()
export class TaskRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: Tables,
  ) {
    this.table = tables.of(TaskEntity);
  }

  private readonly table: Table<TaskEntity>;

  /** Adds complete task rows and their candidates to the unit's batch: one statement each (chunked for SQLite's parameter limit). */
  insert(tasks: TaskEntity | TaskEntity[], candidates: TaskCandidateEntity[], writes: WriteBatch): void {
    this.table.addInserts(writes, Array.isArray(tasks) ? tasks : [tasks], 40);
    this.tables.of(TaskCandidateEntity).addInserts(writes, candidates, 200);
  }

  /** Closes an open or waiting task (in the unit's batch); a cancelled one takes its signer tasks (加签) with it. */
  close(id: string, patch: Pick<TaskEntity, 'status' | 'completedAt' | 'completedBy'>, writes: WriteBatch): void {
    const t = this.table;
    const completedAt = patch.completedAt ? t.value('completedAt', patch.completedAt) : null;
    const unfinished = `${t.col('status')} IN ('open', 'waiting')`;
    writes.add(
      `UPDATE ${t.name} SET ${t.col('status')} = ?, ${t.col('completedAt')} = ?, ${t.col('completedBy')} = ? WHERE ${t.col('id')} = ? AND ${unfinished}`,
      [patch.status, completedAt, patch.completedBy, id],
    );
    if (patch.status === 'cancelled') {
      writes.add(
        `UPDATE ${t.name} SET ${t.col('status')} = 'cancelled', ${t.col('completedAt')} = ? WHERE ${t.col('parentTaskId')} = ? AND ${unfinished}`,
        [completedAt, id],
      );
    }
  }

  /** Cancels every unfinished task of an ended instance (in the unit's batch). */
  closeAllOfInstance(instanceId: string, at: Date, writes: WriteBatch): void {
    const t = this.table;
    writes.add(
      `UPDATE ${t.name} SET ${t.col('status')} = 'cancelled', ${t.col('completedAt')} = ? WHERE ${t.col('instanceId')} = ? AND ${t.col('status')} IN ('open', 'waiting')`,
      [t.value('completedAt', at), instanceId],
    );
  }

  /** Changes a task only while it is in the expected status: false when it was not. */
  async updateIf(id: string, status: TaskEntity['status'], patch: Partial<TaskEntity>, m: EntityManager): Promise<boolean> {
    const r = await m.update(TaskEntity, { id, status }, patch);
    return r.affected === 1;
  }

  /** Tasks that the completion (or return, withdrawal) of `sourceTaskId` created. */
  createdBy(sourceTaskId: string, m: EntityManager = this.dataSource.manager): Promise<TaskEntity[]> {
    return m.findBy(TaskEntity, { sourceTaskId });
  }

  /** Signer tasks (加签) of a task. */
  signersOf(parentTaskId: string, m: EntityManager): Promise<TaskEntity[]> {
    return m.find(TaskEntity, { where: { parentTaskId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Every task of an instance, oldest first. */
  ofInstance(instanceId: string, m: EntityManager = this.dataSource.manager): Promise<TaskEntity[]> {
    return m.find(TaskEntity, { where: { instanceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<TaskEntity | null> {
    return m.findOneBy(TaskEntity, { id });
  }

  /**
   * The read of a task and its candidates in one statement: the task operations send it right after
   * the instance lock, in the same round trip (InstanceRepository.lockOfTaskThen).
   */
  withCandidatesRead(
    id: string,
  ): Statement & { found: (result: SqlResult) => { task: TaskEntity; candidates: TaskCandidateEntity[] } | null } {
    const t = this.table;
    const c = this.tables.of(TaskCandidateEntity);
    return {
      text: `SELECT ${t.select('t')}, ${c.col('kind', 'c')} AS c_kind, ${c.col('value', 'c')} AS c_value FROM ${t.name} t LEFT JOIN ${c.name} c ON ${c.col('taskId', 'c')} = ${t.col('id', 't')} WHERE ${t.col('id', 't')} = ?`,
      params: [id],
      found: ({ records }) => {
        if (!records[0]) return null;
        const candidates = records
          .filter((r) => r.c_kind != null)
          .map((r) =>
            Object.assign(new TaskCandidateEntity(), {
              taskId: id,
              kind: String(r.c_kind) as TaskCandidateEntity['kind'],
              value: String(r.c_value),
            }),
          );
        return { task: t.hydrate(records[0]), candidates };
      },
    };
  }

  /** Sets the assignee only while the task is open and unassigned: one claim wins. */
  async claim(id: string, username: string, m: EntityManager): Promise<boolean> {
    const r = await m
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ assignee: username })
      .where("id = :id AND status = 'open' AND assignee IS NULL", { id })
      .execute();
    return r.affected === 1;
  }

  async unclaim(id: string, m: EntityManager): Promise<void> {
    await m.update(TaskEntity, { id, status: 'open' }, { assignee: null });
  }

  /** Marks the task read the first time its assignee opens it. */
  async markOpened(id: string, at: Date): Promise<void> {
    await this.dataSource.manager
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ openedAt: at })
      .where('id = :id AND opened_at IS NULL', { id })
      .execute();
  }

  async candidatesOf(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, TaskCandidateEntity[]>> {
    const map = new Map<string, TaskCandidateEntity[]>(ids.map((id) => [id, []]));
    if (!ids.length) return map;
    for (const c of await m.findBy(TaskCandidateEntity, { taskId: In(ids) })) map.get(c.taskId)?.push(c);
    return map;
  }

  /** The usernames named as candidates of a task (its candidate groups left out). */
  async candidateUsersOf(taskId: string, m: EntityManager): Promise<string[]> {
    return (await m.findBy(TaskCandidateEntity, { taskId, kind: 'user' })).map((c) => c.value);
  }

  /**
   * Whether the user has or had any task in the instance (as assignee, candidate, delegating
   * owner, principal of a deputy, completer), acted in it, or was sent a copy of it (抄送).
   */
  async involves(instanceId: string, username: string, groups: string[], m: EntityManager = this.dataSource.manager): Promise<boolean> {
    // a candidate (by name or group) has a part only while the task is open and unclaimed
    const qb = m
      .createQueryBuilder(TaskEntity, 't')
      .leftJoin(TaskCandidateEntity, 'c', 'c.task_id = t.id')
      .where('t.instance_id = :instanceId', { instanceId })
      .andWhere(
        `(t.assignee = :me OR t.owner = :me OR t.on_behalf_of = :me OR t.completed_by = :me OR (t.status = 'open' AND t.assignee IS NULL AND ((c.kind = 'user' AND c.value = :me)${groups.length ? " OR (c.kind = 'group' AND c.value IN (:...groups))" : ''})))`,
        { me: username, groups },
      );
    if ((await qb.getCount()) > 0) return true;
    if ((await m.countBy(CcCopyEntity, { instanceId, recipient: username })) > 0) return true;
    // 知悉范围: the readers of a 传阅 of the instance's 公文
    const reader: unknown[] = await m.query(
      'SELECT 1 AS x FROM official_document d JOIN circulation c ON c.document_id = d.id JOIN circulation_reader r ON r.circulation_id = c.id WHERE d.instance_id = ? AND r.username = ? LIMIT 1',
      [instanceId, username],
    );
    if (reader.length) return true;
    // whoever wrote an opinion in it
    const wrote: unknown[] = await m.query('SELECT 1 AS x FROM opinion WHERE instance_id = ? AND author = ? LIMIT 1', [
      instanceId,
      username,
    ]);
    if (wrote.length) return true;
    // whoever acted in the instance (a task transferred away, say) keeps reading it
    const acted = await m
      .createQueryBuilder()
      .select('h.seq', 'seq')
      .from('history_event', 'h')
      .where('h.instance_id = :instanceId AND h.actor = :me', { instanceId, me: username })
      .limit(1)
      .getRawOne();
    return !!acted;
  }

  /**
   * Inbox queries. `mine`: assigned to the user; `claimable`: open, unassigned, the user a
   * candidate (by name or group); `instanceId`: every task of one instance (access checked by the caller).
   */
  async query(
    query: TaskQuery,
    me: { username: string; groups: string[] } | null,
  ): Promise<{ items: TaskEntity[]; total: number; display: Map<string, TaskDisplay> }> {
    const status = query.status ?? (query.instanceId || query.onBehalfOf ? undefined : 'open');
    if (
      query.sort === 'due' &&
      query.assignee === 'me' &&
      !query.candidate &&
      !query.instanceId &&
      !query.distinct &&
      !query.onBehalfOf &&
      me &&
      status &&
      !hasFilters(query)
    ) {
      return this.mineByDue(me.username, status, query.offset, query.limit);
    }
    const where = new Where();
    const groups = me?.groups ?? [];
    const candidate = () =>
      where.bind(
        `t.id IN (SELECT c.task_id FROM task_candidate c WHERE (c.kind = 'user' AND c.value = ?)${groups.length ? ` OR (c.kind = 'group' AND c.value IN (${slots(groups)}))` : ''})`,
        me?.username ?? '',
        ...groups,
      );
    const mineOrClaimable = () => `(${where.bind('t.assignee = ?', me?.username ?? '')} OR (t.assignee IS NULL AND ${candidate()}))`;
    // both: the inbox (待办) — mine and the unassigned ones I may claim
    if (query.assignee === 'me' && query.candidate === 'me') where.and(mineOrClaimable());
    else if (query.assignee === 'me') where.and(where.bind('t.assignee = ?', me?.username ?? ''));
    else if (query.candidate === 'me') where.and(`t.assignee IS NULL AND ${candidate()}`);
    if (query.onBehalfOf === 'me') where.and(where.bind('t.on_behalf_of = ?', me?.username ?? ''));
    if (query.instanceId) where.and(where.bind('t.instance_id = ?', query.instanceId));
    else if (me && !query.assignee && !query.candidate && !query.onBehalfOf) where.and(mineOrClaimable());
    if (status) where.and(where.bind('t.status = ?', status));
    if (query.distinct === 'instance') this.latestPerInstance(where, query, me?.username ?? '', status);
    this.filter(where, query);
    // deadlines first, earliest first, then by creation (sorted by the database)
    const order =
      query.sort === 'due'
        ? 'CASE WHEN t.due_at IS NULL THEN 1 ELSE 0 END ASC, t.due_at ASC, t.created_at ASC, t.id ASC'
        : 't.created_at DESC, t.id DESC';
    const { items, display } = await this.read(where, order, query.offset, query.limit);
    // a first page that is not full is the whole list: no COUNT statement
    const total =
      query.offset === 0 && items.length < query.limit
        ? items.length
        : await this.count(`SELECT COUNT(DISTINCT t.id) AS n FROM ${this.fromWithDisplay()}${where.text}`, where.params);
    return { items, total, display };
  }

  /**
   * The tasks of one instance (the task page, the progress panel, a client finding the task it
   * must do next) with their display fields, candidates and the instance's initiator, without the
   * query builder: one statement, and a second one for the candidates only when a task has any
   * (an `EXISTS` flag costs MariaDB less than aggregating them in sub-selects). `initiator` is
   * undefined when there is no task to read it from.
   */
  async ofInstancePage(
    instanceId: string,
    status: TaskEntity['status'] | undefined,
    sort: 'due' | undefined,
    offset: number,
    limit: number,
  ): Promise<{
    items: TaskEntity[];
    total: number;
    display: Map<string, TaskDisplay>;
    candidates: Map<string, TaskCandidateEntity[]>;
    initiator: string | null | undefined;
  }> {
    const t = this.table;
    const order =
      sort === 'due' ? 'CASE WHEN t.due_at IS NULL THEN 1 ELSE 0 END, t.due_at, t.created_at, t.id' : 't.created_at DESC, t.id DESC';
    const statement = `SELECT ${this.selectWithDisplay()},
        EXISTS (SELECT 1 FROM task_candidate c WHERE c.task_id = t.id) AS c_any
      FROM ${t.name} t LEFT JOIN process_instance pi ON pi.id = t.instance_id
        ${documentJoin(this.tables.dialect, 't.instance_id')} LEFT JOIN org io ON io.id = pi.initiator_org_id
      WHERE t.instance_id = ?${status ? ' AND t.status = ?' : ''} ORDER BY ${order} LIMIT ? OFFSET ?`;
    const { records } = await sql(this.dataSource.manager, statement, [instanceId, ...(status ? [status] : []), limit, offset]);
    const items: TaskEntity[] = [];
    const display = new Map<string, TaskDisplay>();
    const withCandidates: string[] = [];
    for (const r of records) {
      const task = t.hydrate(r);
      items.push(task);
      display.set(task.id, displayOf(r));
      if (Number(r.c_any)) withCandidates.push(task.id);
    }
    const candidates = await this.candidatesOf(withCandidates);
    const total =
      offset === 0 && items.length < limit
        ? items.length
        : Number(
            (
              await sql(
                this.dataSource.manager,
                `SELECT COUNT(*) AS n FROM ${t.name} t WHERE t.instance_id = ?${status ? ' AND t.status = ?' : ''}`,
                [instanceId, ...(status ? [status] : [])],
              )
            ).records[0]?.n ?? 0,
          );
    const initiator = records.length ? (records[0].d_initiator == null ? null : String(records[0].d_initiator)) : undefined;
    return { items, total, display, candidates, initiator };
  }

  /**
   * The task, its instance, its 公文 (with the 收文 registration) and the initiator's
   * organization: each at most one row per task (official_document.instance_id is indexed, the
   * others by key).
   */
  private fromWithDisplay(): string {
    return `${this.table.name} t LEFT JOIN process_instance pi ON pi.id = t.instance_id ${documentJoin(this.tables.dialect, 't.instance_id')}
      LEFT JOIN incoming_registration ir ON ir.document_id = od.id LEFT JOIN org io ON io.id = pi.initiator_org_id`;
  }

  /** Every column of the task, and the display fields read with {@link displayOf}. */
  private selectWithDisplay(): string {
    return `${this.table.select('t')}, ${matterColumns(this.tables.dialect)}, ${TASK_DISPLAY_COLUMNS}`;
  }

  /**
   * One row per instance: only a task no later task of the same instance outranks among those the
   * same base conditions (assignee, status) select — by completion, else creation, then id.
   */
  private latestPerInstance(where: Where, query: TaskQuery, username: string, status: string | undefined): void {
    const same = [
      ...(query.assignee === 'me' && !query.candidate ? [where.bind('t2.assignee = ?', username)] : []),
      ...(status ? [where.bind('t2.status = ?', status)] : []),
    ];
    const at = (alias: string) => `COALESCE(${alias}.completed_at, ${alias}.created_at)`;
    where.and(
      `NOT EXISTS (SELECT 1 FROM ${this.table.name} t2 WHERE t2.instance_id = t.instance_id AND t2.id <> t.id${same.map((c) => ` AND ${c}`).join('')}
        AND (${at('t2')} > ${at('t')} OR (${at('t2')} = ${at('t')} AND t2.id > t.id)))`,
    );
  }

  /** The inbox filters (literal search: LIKE wildcards escaped, every value a parameter). */
  private filter(where: Where, query: TaskQuery): void {
    if (query.q) {
      const like = `%${likeEscape(query.q)}%`;
      const spelled = query.q.toLowerCase().replace(/[\s']/g, '');
      const conditions = [
        't.name',
        'pi.business_key',
        'od.title',
        'od.doc_number',
        'ir.reg_no',
        variableText(this.tables.dialect, 'title'),
      ].map((c) => where.bind(`${c} LIKE ? ESCAPE '!'`, like));
      // letters only: pinyin, full or initials (tz for 通知)
      if (/^[a-z]+$/.test(spelled)) {
        const pinyin = `%${likeEscape(spelled)}%`;
        conditions.push(where.bind("od.title_pinyin LIKE ? ESCAPE '!'", pinyin), where.bind("od.title_initials LIKE ? ESCAPE '!'", pinyin));
      }
      where.and(`(${conditions.join(' OR ')})`);
    }
    if (query.urgency) where.and(where.bind('od.urgency = ?', query.urgency));
    if (query.docType) where.and(where.bind('od.doc_type = ?', query.docType));
    if (query.orgId) where.and(where.bind('(ir.lead_dept = ? OR pi.initiator_org_id = ?)', query.orgId, query.orgId));
    const now = new Date();
    const at = (d: Date) => this.table.value('dueAt', d);
    if (query.due === 'overdue') where.and(where.bind('t.due_at IS NOT NULL AND t.due_at < ?', at(now)));
    else if (query.due === 'soon')
      where.and(where.bind('t.due_at >= ? AND t.due_at < ?', at(now), at(new Date(now.getTime() + 24 * 3600_000))));
    else if (query.due === 'none') where.and('t.due_at IS NULL');
  }

  /** A page of the tasks that match `where`, with their display fields: one statement. */
  private async read(
    where: Where,
    order: string,
    offset: number,
    limit: number,
  ): Promise<{ items: TaskEntity[]; display: Map<string, TaskDisplay> }> {
    const { records } = await sql(
      this.dataSource.manager,
      `SELECT ${this.selectWithDisplay()} FROM ${this.fromWithDisplay()}${where.text} ORDER BY ${order} LIMIT ? OFFSET ?`,
      [...where.params, limit, offset],
    );
    const items: TaskEntity[] = [];
    const display = new Map<string, TaskDisplay>();
    for (const r of records) {
      const task = this.table.hydrate(r);
      if (display.has(task.id)) continue;
      items.push(task);
      display.set(task.id, displayOf(r));
    }
    return { items, display };
  }

  private async count(text: string, params: unknown[]): Promise<number> {
    return Number((await sql(this.dataSource.manager, text, params)).records[0]?.n ?? 0);
  }

  /**
   * 我的待办 by deadline, read in the order of ix_task_assignee (assignee, status, due_at), whose
   * entries end with the primary key (the id, time-ordered: creation order): first the tasks with
   * a deadline, then those without. One ORDER BY cannot put NULL deadlines last without a sort
   * (MySQL and SQLite order NULL first), so the two ranges are read one after the other.
   */
  private async mineByDue(
    username: string,
    status: string,
    offset: number,
    limit: number,
  ): Promise<{ items: TaskEntity[]; total: number; display: Map<string, TaskDisplay> }> {
    const mine = () => {
      const where = new Where();
      where.and(where.bind('t.assignee = ? AND t.status = ?', username, status));
      return where;
    };
    const display = new Map<string, TaskDisplay>();
    const page = async (where: Where, order: string, skip: number, take: number) => {
      const r = await this.read(where, order, skip, take);
      for (const [k, v] of r.display) display.set(k, v);
      return r.items;
    };
    // past the first page: how many have a deadline says where the page starts
    const counts =
      offset > 0
        ? ((
            await sql(
              this.dataSource.manager,
              `SELECT COUNT(*) AS total, COUNT(t.due_at) AS with_due FROM ${this.table.name} t${mine().text}`,
              mine().params,
            )
          ).records[0] as { total: number | string; with_due: number | string })
        : undefined;
    const withDue = counts ? Number(counts.with_due) : undefined;
    const items: TaskEntity[] = [];
    if (withDue === undefined || offset < withDue) {
      const where = mine();
      where.and('t.due_at IS NOT NULL');
      items.push(...(await page(where, 't.due_at ASC, t.id ASC', offset, limit)));
    }
    if (items.length < limit) {
      // on the first page, fewer than a page with a deadline means that is all of them
      const skip = Math.max(0, offset - (withDue ?? items.length));
      const where = mine();
      where.and('t.due_at IS NULL');
      items.push(...(await page(where, 't.id ASC', skip, limit - items.length)));
    }
    if (counts) return { items, total: Number(counts.total), display };
    const total =
      items.length < limit ? items.length : await this.count(`SELECT COUNT(*) AS n FROM ${this.table.name} t${mine().text}`, mine().params);
    return { items, total, display };
  }
}

/** `?, ?, …`: one placeholder per value. */
const slots = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/** The conditions of a hand-written statement and their parameters, in the order of their `?`. */
class Where {
  private readonly conditions: string[] = [];
  readonly params: unknown[] = [];

  /** A condition whose `?` take these values; bind in the order the text will read. */
  bind(condition: string, ...values: unknown[]): string {
    this.params.push(...values);
    return condition;
  }

  and(condition: string): void {
    this.conditions.push(condition);
  }

  /** ` WHERE a AND b`, or nothing. */
  get text(): string {
    return this.conditions.length ? ` WHERE ${this.conditions.join(' AND ')}` : '';
  }
}
