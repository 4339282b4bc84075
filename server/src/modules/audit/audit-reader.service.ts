import { Injectable } from '@nestjs/common';
import type { AuditEvent, AuditEventList, AuditExportQuery, AuditQuery, AuditVerification, SessionUser } from '@liuzhuan/contracts';
import type { Readable } from 'node:stream';
import { AuditAccess } from './audit-access';
import { AuditArchiveRepository } from './audit-archive.repository';
import { ChainCheck } from './audit-chain-check';
import { type AuditContext, type AuditRow, GENESIS_HASH } from './audit-event';
import { csvStream, type NamedAuditRow, xlsxStream } from './audit-export';
import { type AuditNamed, AuditNames } from './audit-names';
import { type AuditFilter, AuditRepository } from './audit.repository';
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
    private readonly anchors: AuditArchiveRepository,
    private readonly trail: AuditTrail,
    private readonly access: AuditAccess,
    private readonly names: AuditNames,
  ) {}

  async search(user: SessionUser, context: AuditContext, query: AuditQuery): Promise<AuditEventList> {
    const scope = await this.access.scopeOf(user, context, 'audit.search');
    const { offset, limit, ...filter } = query;
    const { rows, total } = await this.rows.search(scope, filter, offset, limit);
    await this.trail.recordAlone(context, { type: 'audit.search', details: { scope, filter, offset, limit, total } });
    const names = await this.names.of(rows);
    return { items: rows.map((r, i) => toEvent(r, names[i])), total };
  }

  async export(user: SessionUser, context: AuditContext, query: AuditExportQuery): Promise<{ stream: Readable; filename: string }> {
    const scope = await this.access.scopeOf(user, context, 'audit.export');
    const { format, ...filter } = query;
    const total = await this.rows.count(scope, filter);
    await this.trail.recordAlone(context, { type: 'audit.export', details: { scope, filter, format, total } });
    const rows = this.named(this.rows.pages(scope, filter satisfies AuditFilter));
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');
    return { stream: format === 'xlsx' ? xlsxStream(rows) : csvStream(rows), filename: `audit-${stamp}.${format}` };
  }

  /**
   * Recomputes the chain from the stored rows, every call (nothing cached), from the last anchor
   * on: seq runs anchor + 1, anchor + 2 … without a gap up to the committed tail, each hash is
   * SM3(previous hash ‖ canonical form) starting from the anchor's hash, and the tail's hash is
   * the last row's. A row appended meanwhile is past the tail read first, and is left for the next call.
   */
  async verify(user: SessionUser, context: AuditContext): Promise<AuditVerification> {
    await this.access.scopeOf(user, context, 'audit.verify');
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
    for (let attempt = 1; ; attempt++) {
      const anchor = await this.anchors.latest();
      const result = await this.checkFrom(anchor?.seq ?? 0, anchor?.hash ?? GENESIS_HASH);
      const answer: AuditVerification = {
        ...result,
        fromSeq: (anchor?.seq ?? 0) + 1,
        ...(anchor ? { anchorId: anchor.id, anchorAt: new Date(anchor.createdAt).toISOString() } : {}),
      };
      // an archive that committed while this ran removed rows it expected: check again from the new anchor
      if (result.ok || attempt >= 3 || (await this.anchors.latest())?.id === anchor?.id) return answer;
    }
  }

  private async checkFrom(anchorSeq: number, anchorHash: string) {
    const head = await this.rows.head();
    const check = new ChainCheck(anchorSeq + 1, anchorHash);
    let after = anchorSeq;
    for (;;) {
      const page = await this.rows.chainPage(after, head.seq, VERIFY_PAGE);
      if (!page.every((row) => check.add(row))) break;
      if (page.length < VERIFY_PAGE) break;
      after = page[page.length - 1].seq;
    }
    return check.end(head.seq, head.hash);
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
