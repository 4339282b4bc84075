import { Injectable } from '@nestjs/common';
import {
  checkDocument,
  type DocNumberList,
  type DocNumberQuery,
  formatDocNumber,
  type OfficialDocument,
  parseDocNumber,
  type SessionUser,
} from '@liuzhuan/contracts';
import { type Tx, TransactionRunner } from '../../platform/database/transaction-runner';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { DocumentAccess } from './document-access';
import { DocNumberEntity, type DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { DocumentVersions } from './document-versions';
import { documentView, fieldsOf } from './document-view';
import { DocumentErrors } from './documents.errors';
import { beijingDay, beijingYear } from './documents.service';

const numberSeriesKey = (orgCode: string) => `number:${orgCode}`;

/**
 * 发文字号: allocated at 发文登记 (after 签发), never earlier — when the clerk completes the 登记
 * task (DocumentStepHook), or before that on the same step with 编号 (`POST /documents/:id/number`);
 * refused (409 DOCUMENT_NUMBER_NOT_AT_REGISTER) while the process has not reached 登记. One
 * sequence row per (机关代字, year) is locked (SELECT … FOR UPDATE at READ COMMITTED) for the
 * allocation, so two clerks at the same moment queue on it and get consecutive numbers. A voided
 * number stays in `doc_number` and the sequence never goes back: it is never handed out again.
 */
@Injectable()
export class DocNumberService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly access: DocumentAccess,
    private readonly versions: DocumentVersions,
    private readonly trail: AuditTrail,
  ) {}

  async allocate(id: string, user: SessionUser, audit: AuditContext): Promise<OfficialDocument> {
    const found = await this.access.readable(user, id);
    if (found.direction !== 'outgoing') throw DocumentErrors.notOutgoing();
    if (!found.orgCode) throw DocumentErrors.orgCodeMissing();
    await this.prepare(found);
    const doc = await this.tx.run(async (tx) => {
      const row = await this.documents.lock(tx, id);
      if (!row) throw DocumentErrors.notFound(id);
      if (row.docNumber) throw DocumentErrors.numberAllocated(row.docNumber);
      if (!row.instanceId || !(await this.documents.atRegister(row.instanceId, tx.manager))) throw DocumentErrors.notAtRegister();
      await this.allocateOn(tx, row, user.username, audit, 'number');
      return row;
    });
    return this.view(doc);
  }

  /** Creates the sequence row the allocation will lock, outside the unit (see DocumentRepository.ensureSequence). */
  async prepare(doc: DocumentEntity): Promise<void> {
    if (doc.orgCode) await this.documents.ensureSequence(this.tx.dialect, numberSeriesKey(doc.orgCode), numberYear(doc));
  }

  /**
   * Allocates the next number to the locked row in the caller's unit (the row has none and its
   * process is at 登记): sets the 成文日期 from the last 签发 when missing, checks the rules of
   * issue, writes the number row and the document's next version, and saves the row.
   */
  async allocateOn(tx: Tx, row: DocumentEntity, actor: string, audit: AuditContext, step: 'number' | 'register'): Promise<void> {
    if (row.direction !== 'outgoing') throw DocumentErrors.notOutgoing();
    if (!row.orgCode) throw DocumentErrors.orgCodeMissing();
    if (!row.writtenDate && row.instanceId) {
      const signedAt = await this.documents.lastSignOffAt(row.instanceId, tx.manager);
      if (signedAt) row.writtenDate = beijingDay(signedAt);
    }
    const violations = checkDocument({ ...fieldsOf(row), direction: row.direction }, 'issue');
    if (violations.length) throw DocumentErrors.rules(violations);
    const year = numberYear(row);
    await this.documents.ensureSequence(tx.dialect, numberSeriesKey(row.orgCode), year);
    const seq = await this.documents.nextSequence(tx, numberSeriesKey(row.orgCode), year);
    const text = formatDocNumber({ orgCode: row.orgCode, year, seq });
    await this.documents.insertNumber(
      Object.assign(new DocNumberEntity(), {
        orgCode: row.orgCode,
        year,
        seq,
        text,
        documentId: row.id,
        status: 'allocated',
        allocatedBy: actor,
        allocatedAt: new Date(),
        voidedBy: null,
        voidedAt: null,
        voidReason: null,
      }),
      tx.manager,
    );
    row.docNumber = text;
    await this.versions.next(tx, row, actor);
    await this.documents.save(row, tx.manager);
    this.trail.record(tx, audit, {
      type: 'document.number.allocated',
      targetType: 'document',
      targetId: row.id,
      details: { docNumber: text, step },
    });
  }

  /** Voids the allocated number with a reason; the document may then get a new (higher) one. */
  async void(id: string, reason: string, user: SessionUser, audit: AuditContext): Promise<OfficialDocument> {
    await this.access.readable(user, id);
    const doc = await this.tx.run(async (tx) => {
      const row = await this.documents.lock(tx, id);
      if (!row) throw DocumentErrors.notFound(id);
      const parsed = row.docNumber ? parseDocNumber(row.docNumber) : null;
      if (!row.docNumber || !parsed) throw DocumentErrors.numberNotAllocated();
      await this.documents.voidNumber(parsed, { voidedBy: user.username, voidedAt: new Date(), voidReason: reason }, tx.manager);
      this.trail.record(tx, audit, {
        type: 'document.number.voided',
        targetType: 'document',
        targetId: id,
        details: { docNumber: row.docNumber },
      });
      row.docNumber = null;
      await this.versions.next(tx, row, user.username);
      await this.documents.save(row, tx.manager);
      return row;
    });
    return this.view(doc);
  }

  /** `GET /doc-numbers`: the numbers handed out (a clerk's register of 发文字号), e.g. the voided ones. */
  async list(query: DocNumberQuery): Promise<DocNumberList> {
    const rows = await this.documents.numbers({ orgCode: query.orgCode, year: query.year, status: query.status });
    const iso = (d: Date | string | null) =>
      d === null ? null : (d instanceof Date ? d : new Date(`${d.replace(' ', 'T')}Z`)).toISOString();
    return {
      items: rows.map((n) => ({
        text: n.text,
        orgCode: n.orgCode,
        year: n.year,
        seq: n.seq,
        status: n.status,
        documentId: n.documentId,
        allocatedBy: n.allocatedBy,
        allocatedAt: iso(n.allocatedAt) ?? '',
        voidedBy: n.voidedBy,
        voidedAt: iso(n.voidedAt),
        voidReason: n.voidReason,
      })),
    };
  }

  private async view(doc: DocumentEntity): Promise<OfficialDocument> {
    const [registrations, statuses] = await Promise.all([
      this.documents.registrations([doc.id]),
      this.documents.instanceStatuses(doc.instanceId ? [doc.instanceId] : []),
    ]);
    return documentView(doc, registrations.get(doc.id), doc.instanceId ? statuses.get(doc.instanceId) : undefined);
  }
}

/**
 * The year of the number: that of the 成文日期 (the signing date, 条例 / GB/T 9704 §7.3.5) when
 * set, else the current year in Beijing. The sequence restarts at 1 each year.
 */
function numberYear(doc: DocumentEntity): number {
  return doc.writtenDate ? Number(doc.writtenDate.slice(0, 4)) : beijingYear(new Date());
}
