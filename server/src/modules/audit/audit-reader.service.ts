import { Injectable } from '@nestjs/common';
import type { AuditEvent, AuditEventList, AuditExportQuery, AuditQuery, AuditVerification, SessionUser } from '@liuzhuan/contracts';
import type { Readable } from 'node:stream';
import { type AuditContext, type AuditRow, chainHash, GENESIS_HASH } from './audit-event';
import { csvStream, type NamedAuditRow, xlsxStream } from './audit-export';
import { type AuditNamed, AuditNames } from './audit-names';
import { AuditErrors } from './audit.errors';
import { type AuditFilter, AuditRepository, type AuditScope } from './audit.repository';
import { AuditTrail } from './audit-trail.service';

/** Rows read per round trip when the chain is verified. */
const VERIFY_PAGE = 1000;

/**
 * The auditor's side (三员分立): the 安全审计员 reads, exports and verifies everyone's events;
 * the 安全保密管理员 reads the events of actors holding `auditor` (the mutual check) and may
 * verify the chain; anyone else is refused, and the refusal is recorded. Every search, export and
 * verification is itself recorded.
 */
@Injectable()
export class AuditReader {
  constructor(
    private readonly rows: AuditRepository,
    private readonly trail: AuditTrail,
    private readonly names: AuditNames,
  ) {}

  async search(user: SessionUser, context: AuditContext, query: AuditQuery): Promise<AuditEventList> {
    const scope = await this.scopeOf(user, context, 'audit.search');
    const { offset, limit, ...filter } = query;
    const { rows, total } = await this.rows.search(scope, filter, offset, limit);
    await this.trail.recordAlone(context, { type: 'audit.search', details: { scope, filter, offset, limit, total } });
    const names = await this.names.of(rows);
    return { items: rows.map((r, i) => toEvent(r, names[i])), total };
  }

  async export(user: SessionUser, context: AuditContext, query: AuditExportQuery): Promise<{ stream: Readable; filename: string }> {
    const scope = await this.scopeOf(user, context, 'audit.export');
    const { format, ...filter } = query;
    const total = await this.rows.count(scope, filter);
    await this.trail.recordAlone(context, { type: 'audit.export', details: { scope, filter, format, total } });
    const rows = this.named(this.rows.pages(scope, filter satisfies AuditFilter));
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
    return { stream: format === 'xlsx' ? xlsxStream(rows) : csvStream(rows), filename: `audit-${stamp}.${format}` };
  }

  /**
   * Recomputes the chain from the stored rows, every call: seq runs 1, 2, 3 … without a gap up to
   * the committed tail, each hash is SM3(previous hash ‖ canonical form), and the tail's hash is
   * the last row's. A row appended meanwhile is past the tail read first, and is left for the next call.
   */
  async verify(user: SessionUser, context: AuditContext): Promise<AuditVerification> {
    await this.scopeOf(user, context, 'audit.verify');
    const result = await this.check();
    await this.trail.recordAlone(context, {
      type: 'audit.verify',
      result: result.ok ? 'success' : 'failure',
      errorCode: result.ok ? null : 'AUDIT_CHAIN_BROKEN',
      details: { ...result },
    });
    return result;
  }

  /** Each page of rows with its names (one look-up per target type per page), row by row. */
  private async *named(pages: AsyncIterable<AuditRow[]>): AsyncGenerator<NamedAuditRow> {
    for await (const page of pages) {
      const names = await this.names.of(page);
      for (let i = 0; i < page.length; i++) yield { ...page[i], ...names[i] };
    }
  }

  private async check(): Promise<AuditVerification> {
    const head = await this.rows.head();
    let previous = GENESIS_HASH;
    let expected = 1;
    for (;;) {
      const page = await this.rows.chainPage(expected - 1, head.seq, VERIFY_PAGE);
      for (const row of page) {
        if (row.seq !== expected) return { ok: false, checked: expected - 1, firstBrokenSeq: expected };
        const { hash, ...rest } = row;
        const computed = chainHash(previous, rest);
        if (computed !== hash) return { ok: false, checked: expected - 1, firstBrokenSeq: row.seq, firstBrokenId: row.id };
        previous = hash;
        expected += 1;
      }
      if (page.length < VERIFY_PAGE) break;
    }
    // rows missing at the end, or a tail that no longer names the last row
    if (expected - 1 !== head.seq) return { ok: false, checked: expected - 1, firstBrokenSeq: expected };
    if (head.seq > 0 && previous !== head.hash) return { ok: false, checked: head.seq, firstBrokenSeq: head.seq };
    return { ok: true, checked: head.seq };
  }

  private async scopeOf(user: SessionUser, context: AuditContext, attempted: string): Promise<AuditScope> {
    if (user.roles.includes('auditor')) return 'all';
    if (user.roles.includes('security_admin')) return 'auditor-events';
    await this.trail.recordAlone(context, {
      type: 'audit.access.denied',
      result: 'failure',
      errorCode: 'FORBIDDEN_ROLE',
      details: { attempted },
    });
    throw AuditErrors.notAReader();
  }
}

function toEvent(r: AuditRow, names: AuditNamed): AuditEvent {
  let details: Record<string, unknown>;
  try {
    details = JSON.parse(r.details) as Record<string, unknown>;
  } catch {
    // an edited row is still shown (verify names it)
    details = { unparsable: r.details };
  }
  return {
    id: r.id,
    seq: r.seq,
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    actorName: names.actorName,
    roles: r.roles ? r.roles.split(',') : [],
    ip: r.ip,
    userAgent: r.userAgent,
    eventType: r.eventType,
    targetType: r.targetType,
    targetId: r.targetId,
    targetName: names.targetName,
    result: r.result === 'failure' ? 'failure' : 'success',
    errorCode: r.errorCode,
    details,
    hash: r.hash,
  };
}
