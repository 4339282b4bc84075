import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { sql, Tables } from '../../platform/database/table';
import type { WriteBatch } from '../../platform/database/write-batch';
import { CcCopyEntity, documentJoin, type MatterDisplay, matterColumns, matterOf, TaskEntity } from '../runtime/runtime.api';
import { OpinionEntity } from './opinion.entity';
import { PhraseEntity } from './phrase.entity';
import { UrgeEntity } from './urge.entity';

/** Which copies (抄送) a list shows: of one instance, to one recipient, read or not. */
export interface CcFilter {
  instanceId?: string;
  recipient?: string;
  read?: boolean;
}

/** What a 抄送 row shows of the copied instance: its process and business keys, and its matter. */
export interface CcDisplay extends MatterDisplay {
  definitionKey: string | undefined;
  businessKey: string | null;
}

/** The most copies a list gives. */
const CC_LIMIT = 200;

/** The rows of the approval operations: opinions, 催办 urges, 抄送 copies and 常用语 phrases (代理: the proxies module). */
@Injectable()
export class ApprovalsRepository {
  constructor(
    @InjectRepository(OpinionEntity) private readonly opinions: Repository<OpinionEntity>,
    @InjectRepository(CcCopyEntity) private readonly copies: Repository<CcCopyEntity>,
    @InjectRepository(PhraseEntity) private readonly phrases: Repository<PhraseEntity>,
    private readonly tables: Tables,
  ) {}

  /** Adds the opinion to the unit's batch (it goes out with the next flush or the COMMIT). */
  insertOpinion(row: OpinionEntity, writes: WriteBatch): void {
    this.tables.of(OpinionEntity).addInserts(writes, [row]);
  }

  /** The opinions of an instance, oldest first. */
  opinionsOf(instanceId: string): Promise<OpinionEntity[]> {
    return this.opinions.find({ where: { instanceId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insertUrge(row: UrgeEntity, m: EntityManager): Promise<void> {
    await m.insert(UrgeEntity, row);
  }

  /** 催办 marks of the inbox: per task, how often a person urged it and when last (the system's due reminders left out). */
  async urgesOf(taskIds: string[]): Promise<Map<string, { count: number; lastAt: Date }>> {
    const marks = new Map<string, { count: number; lastAt: Date }>();
    if (!taskIds.length) return marks;
    const { records } = await sql(
      this.opinions.manager,
      `SELECT task_id, COUNT(*) AS n, MAX(created_at) AS last_at FROM task_urge
        WHERE urged_by IS NOT NULL AND task_id IN (${taskIds.map(() => '?').join(', ')}) GROUP BY task_id`,
      taskIds,
    );
    // the dialect's datetime read back as a Date, as the entity's own column would be
    const u = this.tables.of(UrgeEntity);
    for (const r of records)
      marks.set(String(r['task_id']), { count: Number(r['n']), lastAt: u.hydrate({ created_at: r['last_at'] }).createdAt });
    return marks;
  }

  /**
   * 一键催办: the unfinished tasks past their deadline in the active instances `initiator`
   * started, but those the initiator holds (nobody urges themself); at most 200, oldest deadline first.
   */
  async overdueOfInitiator(initiator: string, now: Date, m: EntityManager): Promise<string[]> {
    const t = this.tables.of(TaskEntity);
    const { records } = await sql(
      m,
      `SELECT t.id AS id FROM ${t.name} t JOIN process_instance pi ON pi.id = t.instance_id
        WHERE pi.initiator = ? AND pi.status = 'active' AND t.status IN ('open', 'waiting')
          AND t.due_at IS NOT NULL AND t.due_at < ? AND (t.assignee IS NULL OR t.assignee <> ?)
        ORDER BY t.due_at ASC, t.id ASC LIMIT 200`,
      [initiator, t.value('dueAt', now), initiator],
    );
    return records.map((r) => String(r['id']));
  }

  async insertCopies(rows: CcCopyEntity[], m: EntityManager): Promise<void> {
    await m.insert(CcCopyEntity, rows);
  }

  /**
   * Copies, newest first, at most 200, and how many match; with each, what a row shows of the
   * copied instance (its keys, and its matter: matter-display.ts), read in the same statement.
   */
  async copiesWhere(filter: CcFilter): Promise<{ items: CcCopyEntity[]; total: number; display: Map<string, CcDisplay> }> {
    const c = this.tables.of(CcCopyEntity);
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.instanceId) {
      conditions.push(`${c.col('instanceId', 'c')} = ?`);
      params.push(filter.instanceId);
    }
    if (filter.recipient) {
      conditions.push(`${c.col('recipient', 'c')} = ?`);
      params.push(filter.recipient);
    }
    if (filter.read === false) conditions.push(`${c.col('readAt', 'c')} IS NULL`);
    if (filter.read === true) conditions.push(`${c.col('readAt', 'c')} IS NOT NULL`);
    const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
    const dialect = this.tables.dialect;
    const m = this.copies.manager;
    const { records } = await sql(
      m,
      `SELECT ${c.select('c')}, pi.definition_key AS i_definition_key, pi.business_key AS i_business_key, ${matterColumns(dialect)}
        FROM ${c.name} c LEFT JOIN process_instance pi ON pi.id = ${c.col('instanceId', 'c')} ${documentJoin(dialect, c.col('instanceId', 'c'))}${where}
        ORDER BY ${c.col('createdAt', 'c')} DESC, ${c.col('id', 'c')} DESC LIMIT ${CC_LIMIT}`,
      params,
    );
    const items: CcCopyEntity[] = [];
    const display = new Map<string, CcDisplay>();
    for (const r of records) {
      const copy = c.hydrate(r);
      if (display.has(copy.id)) continue;
      items.push(copy);
      display.set(copy.id, {
        ...matterOf(r),
        definitionKey: r['i_definition_key'] == null ? undefined : String(r['i_definition_key']),
        businessKey: r['i_business_key'] == null ? null : String(r['i_business_key']),
      });
    }
    // fewer than a full list is every one of them: no COUNT statement
    const total =
      items.length < CC_LIMIT
        ? items.length
        : Number((await sql(m, `SELECT COUNT(*) AS n FROM ${c.name} c${where}`, params)).records[0]?.n ?? 0);
    return { items, total, display };
  }

  copyById(id: string): Promise<CcCopyEntity | null> {
    return this.copies.findOneBy({ id });
  }

  /** The read receipt: only the first read sets the time. */
  async markCopyRead(id: string, at: Date): Promise<void> {
    await this.copies.createQueryBuilder().update().set({ readAt: at }).where('id = :id AND read_at IS NULL', { id }).execute();
  }

  /** The user's own phrases and the organization's, oldest first. */
  phrasesFor(username: string): Promise<PhraseEntity[]> {
    return this.phrases.find({
      where: [{ owner: username, scope: 'personal' }, { scope: 'organization' }],
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async insertPhrase(row: PhraseEntity): Promise<void> {
    await this.phrases.insert(row);
  }

  phraseById(id: string): Promise<PhraseEntity | null> {
    return this.phrases.findOneBy({ id });
  }

  async deletePhrase(id: string): Promise<void> {
    await this.phrases.delete({ id });
  }
}
