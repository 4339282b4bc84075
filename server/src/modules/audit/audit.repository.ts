import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { sql } from '../../platform/database/table';
import { AUDIT_COLUMNS } from './audit-chain';
import type { AuditRow } from './audit-event';

/** What a reader may see: every event (the auditor) or only the events of actors holding `auditor` (the security admin). */
export type AuditScope = 'all' | 'auditor-events';

export interface AuditFilter {
  from?: string;
  to?: string;
  actor?: string;
  eventType?: string;
  result?: string;
  targetType?: string;
  targetId?: string;
}

/** Reads of `audit_event`; it has no statement that changes a row (the chain appends: audit-chain.ts; the one deletion is the archive's, audit-archive.repository.ts). */
@Injectable()
export class AuditRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** One page, newest first, and the number of matching events. */
  async search(scope: AuditScope, filter: AuditFilter, offset: number, limit: number): Promise<{ rows: AuditRow[]; total: number }> {
    const { where, params } = whereOf(scope, filter);
    const m = this.ds.manager;
    const [page, count] = await Promise.all([
      sql(m, `SELECT ${AUDIT_COLUMNS} FROM audit_event${where} ORDER BY seq DESC LIMIT ? OFFSET ?`, [...params, limit, offset]),
      sql(m, `SELECT COUNT(*) AS n FROM audit_event${where}`, params),
    ]);
    return { rows: page.records.map(rowFrom), total: Number(count.records[0]?.n ?? 0) };
  }

  async count(scope: AuditScope, filter: AuditFilter): Promise<number> {
    const { where, params } = whereOf(scope, filter);
    return Number((await sql(this.ds.manager, `SELECT COUNT(*) AS n FROM audit_event${where}`, params)).records[0]?.n ?? 0);
  }

  /** Every matching event, oldest first, in pages of `size` (keyset on seq): an export streams them. */
  async *pages(scope: AuditScope, filter: AuditFilter, size = 500): AsyncGenerator<AuditRow[]> {
    const { where, params } = whereOf(scope, filter);
    let after = 0;
    for (;;) {
      const text = `SELECT ${AUDIT_COLUMNS} FROM audit_event${where ? `${where} AND` : ' WHERE'} seq > ? ORDER BY seq LIMIT ?`;
      const { records } = await sql(this.ds.manager, text, [...params, after, size]);
      if (records.length) yield records.map(rowFrom);
      if (records.length < size) return;
      after = Number(records[records.length - 1].seq);
    }
  }

  /** The chain's tail as last committed. */
  async head(): Promise<{ seq: number; hash: string }> {
    const { records } = await sql(this.ds.manager, 'SELECT seq, hash FROM audit_chain_head WHERE id = 1');
    return { seq: Number(records[0]?.seq ?? 0), hash: String(records[0]?.hash ?? '') };
  }

  /** Rows with `after` < seq ≤ `upTo`, in chain order. */
  async chainPage(after: number, upTo: number, size: number): Promise<AuditRow[]> {
    const { records } = await sql(
      this.ds.manager,
      `SELECT ${AUDIT_COLUMNS} FROM audit_event WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?`,
      [after, upTo, size],
    );
    return records.map(rowFrom);
  }
}

function whereOf(scope: AuditScope, f: AuditFilter): { where: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (scope === 'auditor-events') {
    // roles is a sorted comma-separated list
    parts.push("(roles = 'auditor' OR roles LIKE 'auditor,%' OR roles LIKE '%,auditor' OR roles LIKE '%,auditor,%')");
  }
  const add = (clause: string, value: unknown) => {
    parts.push(clause);
    params.push(value);
  };
  if (f.from) add('at >= ?', Date.parse(f.from));
  if (f.to) add('at < ?', Date.parse(f.to));
  if (f.actor) add('actor = ?', f.actor);
  if (f.eventType) add('event_type = ?', f.eventType);
  if (f.result) add('result = ?', f.result);
  if (f.targetType) add('target_type = ?', f.targetType);
  if (f.targetId) add('target_id = ?', f.targetId);
  return { where: parts.length ? ` WHERE ${parts.join(' AND ')}` : '', params };
}

export function rowFrom(r: Record<string, unknown>): AuditRow {
  const s = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    seq: Number(r.seq),
    id: String(r.id),
    at: Number(r.at),
    actor: String(r.actor),
    roles: String(r.roles),
    ip: s(r.ip),
    userAgent: s(r.user_agent),
    eventType: String(r.event_type),
    targetType: s(r.target_type),
    targetId: s(r.target_id),
    result: String(r.result),
    errorCode: s(r.error_code),
    details: String(r.details),
    hash: String(r.hash),
  };
}
