import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DocumentQuery, REGISTER_STEP } from '@liuzhuan/contracts';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Tx } from '../../platform/database/transaction-runner';
import { likeEscape } from '../org/org.api';
import {
  AttachmentEntity,
  ClassificationChangeEntity,
  DocNumberEntity,
  DocumentEntity,
  DocumentVersionEntity,
  IncomingRegistrationEntity,
} from './document.entity';

export interface Viewer {
  username: string;
  groups: string[];
  /** the 密级 the viewer's clearance allows: every list leaves the others out (titles included) */
  levels: string[];
}

export interface OpinionRow {
  taskId: string | null;
  kind: string;
  text: string;
  author: string;
  onBehalfOf: string | null;
  documentDigest: string | null;
  /** 会签 同意/不同意 (SQLite answers 0/1) */
  approve: boolean | number | null;
  createdAt: Date | string;
}

/** Documents, their versions, registrations, numbers and attachments. */
/**
 * The shipped 发文's drafting steps (workflows/outgoing-document) and its 签发: once signed, the
 * text changes only through 退回 (条例 第二十四条: 签发 fixes the text the office issues).
 */
const DRAFTING_STEPS = ['draft', 'review', 'countersign'] as const;
const SIGN_OFF_STEP = 'signOff';
/** 复核 (条例 第二十五条): its clerk may still correct the signed text; the server then sends it for 复审. */
const RECHECK_STEP = 'recheck';

@Injectable()
export class DocumentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<DocumentEntity | null> {
    return m.findOneBy(DocumentEntity, { id });
  }

  /**
   * The document a process instance handles: its own, or that of the nearest ancestor (a called
   * sub-process such as a 会签 round works on its parent's document).
   */
  async findByInstance(instanceId: string, m: EntityManager = this.dataSource.manager): Promise<DocumentEntity | null> {
    let id: string | null = instanceId;
    for (let depth = 0; id && depth < 10; depth++) {
      const doc = await m.findOneBy(DocumentEntity, { instanceId: id });
      if (doc) return doc;
      const rows: { parent_id: string | null }[] = await m.query('SELECT parent_id FROM process_instance WHERE id = ?', [id]);
      id = rows[0]?.parent_id ?? null;
    }
    return null;
  }

  /** The opinions written in an instance (the approvals module's append-only `opinion` table). */
  async opinions(instanceId: string): Promise<OpinionRow[]> {
    const rows: OpinionRow[] = await this.dataSource.manager.query(
      'SELECT task_id AS taskId, kind, text, author, on_behalf_of AS onBehalfOf, document_digest AS documentDigest, approve, created_at AS createdAt FROM opinion WHERE instance_id = ? ORDER BY created_at, id',
      [instanceId],
    );
    return rows;
  }

  /** The document row locked for this transaction (SQLite transactions are serialized already). */
  async lock(tx: Tx, id: string): Promise<DocumentEntity | null> {
    const qb = tx.manager.createQueryBuilder(DocumentEntity, 'd').where('d.id = :id', { id });
    if (tx.dialect === 'mysql') qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async insert(doc: DocumentEntity, m: EntityManager): Promise<void> {
    await m.insert(DocumentEntity, doc);
  }

  async save(doc: DocumentEntity, m: EntityManager): Promise<void> {
    const { id, ...rest } = doc;
    await m.update(DocumentEntity, { id }, rest);
  }

  async insertVersion(v: DocumentVersionEntity, m: EntityManager): Promise<void> {
    await m.insert(DocumentVersionEntity, v);
  }

  versions(documentId: string, m: EntityManager = this.dataSource.manager): Promise<DocumentVersionEntity[]> {
    return m.find(DocumentVersionEntity, { where: { documentId }, order: { version: 'ASC' } });
  }

  async insertRegistration(r: IncomingRegistrationEntity, m: EntityManager): Promise<void> {
    await m.insert(IncomingRegistrationEntity, r);
  }

  async registrations(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, IncomingRegistrationEntity>> {
    if (!ids.length) return new Map();
    return new Map((await m.findBy(IncomingRegistrationEntity, { documentId: In(ids) })).map((r) => [r.documentId, r]));
  }

  attachments(documentId: string, m: EntityManager = this.dataSource.manager): Promise<AttachmentEntity[]> {
    return m.find(AttachmentEntity, { where: { documentId }, order: { uploadedAt: 'ASC', id: 'ASC' } });
  }

  attachment(documentId: string, id: string): Promise<AttachmentEntity | null> {
    return this.dataSource.manager.findOneBy(AttachmentEntity, { documentId, id });
  }

  async insertClassificationChange(c: ClassificationChangeEntity, m: EntityManager): Promise<void> {
    await m.insert(ClassificationChangeEntity, c);
  }

  async insertAttachment(a: AttachmentEntity, m: EntityManager): Promise<void> {
    await m.insert(AttachmentEntity, a);
  }

  /** The documents with a 办理时限 whose process still runs: the deadlines a calendar change may move. */
  async openTimeLimited(m: EntityManager = this.dataSource.manager): Promise<{ documentId: string; instanceId: string }[]> {
    const rows: { documentId: string; instanceId: string }[] = await m
      .createQueryBuilder()
      .select(['r.document_id AS documentId', 'd.instance_id AS instanceId'])
      .from('incoming_registration', 'r')
      .innerJoin('official_document', 'd', 'd.id = r.document_id')
      .innerJoin('process_instance', 'i', 'i.id = d.instance_id')
      .where('r.time_limit_workdays IS NOT NULL AND r.due_at IS NOT NULL AND i.status = :active', { active: 'active' })
      .orderBy('r.document_id')
      .getRawMany();
    return rows.map((r) => ({ documentId: r.documentId, instanceId: r.instanceId }));
  }

  /** status of each instance: active, completed or terminated */
  async instanceStatuses(ids: string[], m: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows: { id: string; status: string }[] = await m
      .createQueryBuilder()
      .select(['i.id AS id', 'i.status AS status'])
      .from('process_instance', 'i')
      .where('i.id IN (:...ids)', { ids })
      .getRawMany();
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  /** Whether the user holds an open task of the instance (assigned, or a candidate of an unassigned one). */
  async holdsOpenTask(instanceId: string, me: Viewer): Promise<boolean> {
    const rows = await this.dataSource.manager.query(
      `SELECT t.id FROM task t WHERE t.instance_id = ? AND t.status = 'open' AND (t.assignee = ? OR (t.assignee IS NULL AND t.id IN (${candidateSql(me, true)}))) LIMIT 1`,
      [instanceId, me.username, me.username, ...me.groups],
    );
    return rows.length > 0;
  }

  /**
   * Whether the text stands as signed: the latest task of the drafting steps (拟稿, 核稿, 会签,
   * 签发) is a completed 签发. A 退回 to 拟稿 or 核稿 opens a later task there and unlocks it.
   */
  async signedOff(instanceId: string, m: EntityManager): Promise<boolean> {
    const steps = [...DRAFTING_STEPS, SIGN_OFF_STEP];
    const rows: { element_id: string; status: string }[] = await m.query(
      `SELECT t.element_id, t.status FROM task t WHERE t.instance_id = ? AND t.kind = 'user' AND t.element_id IN (${steps.map(() => '?').join(', ')}) ORDER BY t.created_at DESC, t.id DESC LIMIT 1`,
      [instanceId, ...steps],
    );
    return rows[0]?.element_id === SIGN_OFF_STEP && rows[0]?.status === 'completed';
  }

  /**
   * Whether the signed text is locked for this user: it stands as signed and the user does not
   * hold (claimed) the open 复核, whose corrections change the digest and so go back to the signer.
   */
  async signedLockedFor(instanceId: string, username: string, m: EntityManager): Promise<boolean> {
    if (!(await this.signedOff(instanceId, m))) return false;
    const rows: unknown[] = await m.query(
      "SELECT t.id FROM task t WHERE t.instance_id = ? AND t.element_id = ? AND t.status = 'open' AND t.assignee = ? LIMIT 1",
      [instanceId, RECHECK_STEP, username],
    );
    return rows.length === 0;
  }

  /** Whether the instance has reached its 发文登记 step: a 登记 task open, waiting or done (not cancelled). */
  async atRegister(instanceId: string, m: EntityManager): Promise<boolean> {
    const rows: unknown[] = await m.query(
      "SELECT 1 AS x FROM task t WHERE t.instance_id = ? AND t.element_id = ? AND t.kind = 'user' AND t.status IN ('open', 'waiting', 'completed') LIMIT 1",
      [instanceId, REGISTER_STEP],
    );
    return rows.length > 0;
  }

  /** When the last 签发 of the instance was completed (the 成文日期 is its day), null before 签发. */
  async lastSignOffAt(instanceId: string, m: EntityManager): Promise<Date | null> {
    const rows: { completed_at: Date | string | null }[] = await m.query(
      "SELECT t.completed_at FROM task t WHERE t.instance_id = ? AND t.element_id = ? AND t.status = 'completed' ORDER BY t.completed_at DESC LIMIT 1",
      [instanceId, SIGN_OFF_STEP],
    );
    const at = rows[0]?.completed_at;
    if (!at) return null;
    return at instanceof Date ? at : new Date(`${at.replace(' ', 'T')}Z`);
  }

  /** Whether the user is a reader of a circulation of the document. */
  async isCirculationReader(documentId: string, username: string): Promise<boolean> {
    const rows = await this.dataSource.manager.query(
      'SELECT 1 AS x FROM circulation c JOIN circulation_reader r ON r.circulation_id = c.id WHERE c.document_id = ? AND r.username = ? LIMIT 1',
      [documentId, username],
    );
    return rows.length > 0;
  }

  /**
   * A box of documents. todo: an open task of its instance is mine (or offered to me); done: I
   * completed a task of it; mine: I registered or drafted it; all: every document I have a part
   * in (created it, initiated, hold or held or completed a task of it, may claim an open
   * unclaimed task of it, got a 抄送 of it, am a 传阅 reader). Every box leaves out the documents
   * whose 密级 the viewer's clearance does not allow.
   */
  async search(query: DocumentQuery, me: Viewer): Promise<{ items: DocumentEntity[]; total: number }> {
    const qb = this.dataSource.manager
      .createQueryBuilder(DocumentEntity, 'd')
      .leftJoin(IncomingRegistrationEntity, 'r', 'r.document_id = d.id');
    const params = { me: me.username, groups: me.groups };
    const candidate = candidateSql(me, false);
    qb.where('d.secret_level IN (:...levels)', { levels: me.levels.length ? me.levels : ['NONE'] });
    if (query.box === 'todo') {
      qb.andWhere(
        `d.instance_id IN (SELECT t.instance_id FROM task t WHERE t.status = 'open' AND (t.assignee = :me OR (t.assignee IS NULL AND t.id IN (${candidate}))))`,
        params,
      );
    } else if (query.box === 'done') {
      qb.andWhere(`d.instance_id IN (SELECT t.instance_id FROM task t WHERE t.status = 'completed' AND t.completed_by = :me)`, params);
    } else if (query.box === 'mine') {
      qb.andWhere('d.created_by = :me', params);
    } else {
      qb.andWhere(
        `(d.created_by = :me OR d.instance_id IN (SELECT pi.id FROM process_instance pi WHERE pi.initiator = :me)` +
          ` OR d.instance_id IN (SELECT t.instance_id FROM task t WHERE t.assignee = :me OR t.completed_by = :me OR t.owner = :me` +
          ` OR (t.status = 'open' AND t.assignee IS NULL AND t.id IN (${candidate})))` +
          ` OR d.instance_id IN (SELECT cc.instance_id FROM cc_copy cc WHERE cc.recipient = :me)` +
          ` OR d.id IN (SELECT c.document_id FROM circulation c JOIN circulation_reader cr ON cr.circulation_id = c.id WHERE cr.username = :me))`,
        params,
      );
    }
    if (query.direction) qb.andWhere('d.direction = :direction', { direction: query.direction });
    if (query.q) {
      const like = `%${likeEscape(query.q)}%`;
      const spelled = query.q.toLowerCase().replace(/[\s']/g, '');
      const conditions = [
        "d.title LIKE :like ESCAPE '!'",
        "d.doc_number LIKE :like ESCAPE '!'",
        "r.reg_no LIKE :like ESCAPE '!'",
        "r.source_doc_number LIKE :like ESCAPE '!'",
      ];
      // letters only: the user typed pinyin (full, or initials such as tz for 通知)
      if (/^[a-z]+$/.test(spelled)) conditions.push("d.title_pinyin LIKE :py ESCAPE '!'", "d.title_initials LIKE :py ESCAPE '!'");
      qb.andWhere(`(${conditions.join(' OR ')})`, { like, py: `%${likeEscape(spelled)}%` });
    }
    qb.orderBy('d.created_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .offset((query.page - 1) * query.pageSize)
      .limit(query.pageSize);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** Adds one to the sequence row of (key, year) under its row lock and returns the new value. */
  async nextSequence(tx: Tx, key: string, year: number): Promise<number> {
    const m = tx.manager;
    // MySQL: ensureSequence created the row before the unit; SQLite units are serialized, so here is safe
    if (tx.dialect === 'sqlite')
      await m.query('INSERT OR IGNORE INTO doc_number_sequence (seq_key, year, last_seq) VALUES (?, ?, 0)', [key, year]);
    const rows: { last_seq: number }[] = await m.query(
      `SELECT last_seq FROM doc_number_sequence WHERE seq_key = ? AND year = ?${tx.dialect === 'mysql' ? ' FOR UPDATE' : ''}`,
      [key, year],
    );
    if (!rows.length) throw new Error(`sequence row ${key}/${year} missing: ensureSequence was not called`);
    const next = Number(rows[0].last_seq) + 1;
    await m.query('UPDATE doc_number_sequence SET last_seq = ? WHERE seq_key = ? AND year = ?', [next, key, year]);
    return next;
  }

  /**
   * Creates the sequence row of (key, year) if missing, in its own statement outside any unit:
   * on MySQL an INSERT IGNORE inside the allocating transaction would hold a shared lock on the
   * row and deadlock with the next allocator's FOR UPDATE.
   */
  async ensureSequence(dialect: 'mysql' | 'sqlite', key: string, year: number): Promise<void> {
    if (dialect === 'mysql')
      await this.dataSource.query('INSERT IGNORE INTO doc_number_sequence (seq_key, year, last_seq) VALUES (?, ?, 0)', [key, year]);
  }

  async insertNumber(n: DocNumberEntity, m: EntityManager): Promise<void> {
    await m.insert(DocNumberEntity, n);
  }

  async voidNumber(
    key: Pick<DocNumberEntity, 'orgCode' | 'year' | 'seq'>,
    patch: Pick<DocNumberEntity, 'voidedBy' | 'voidedAt' | 'voidReason'>,
    m: EntityManager,
  ): Promise<void> {
    await m.update(DocNumberEntity, { ...key, status: 'allocated' }, { ...patch, status: 'voided' });
  }

  numbers(filter: { orgCode?: string; year?: number; status?: DocNumberEntity['status'] }): Promise<DocNumberEntity[]> {
    const where = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined));
    return this.dataSource.manager.find(DocNumberEntity, { where, order: { orgCode: 'ASC', year: 'DESC', seq: 'ASC' }, take: 1000 });
  }
}

/** Task ids offered to the user by name or group; `positional`: `?` placeholders (user, then groups). */
function candidateSql(me: Viewer, positional: boolean): string {
  const groups = me.groups.length ? (positional ? me.groups.map(() => '?').join(', ') : ':...groups') : '';
  const user = positional ? '?' : ':me';
  return `SELECT c.task_id FROM task_candidate c WHERE (c.kind = 'user' AND c.value = ${user})${groups ? ` OR (c.kind = 'group' AND c.value IN (${groups}))` : ''}`;
}
