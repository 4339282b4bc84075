import { Injectable } from '@nestjs/common';
import { checkDocument, formatDocNumber, type OfficialDocument, parseDocNumber, type SessionUser } from '@liuzhuan/contracts';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { DocumentAccess } from './document-access';
import { DocNumberEntity, type DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { DocumentVersions } from './document-versions';
import { documentView, fieldsOf } from './document-view';
import { DocumentErrors } from './documents.errors';
import { beijingYear } from './documents.service';

const numberSeriesKey = (orgCode: string) => `number:${orgCode}`;

/**
 * 发文字号: allocated at 发文登记 (after 签发), never at drafting. One sequence row per
 * (机关代字, year) is locked (SELECT … FOR UPDATE at READ COMMITTED) for the allocation, so two
 * clerks at the same moment queue on it and get consecutive numbers. A voided number stays in
 * `doc_number` and the sequence never goes back: it is never handed out again.
 */
@Injectable()
export class DocNumberService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly access: DocumentAccess,
    private readonly versions: DocumentVersions,
  ) {}

  async allocate(id: string, user: SessionUser): Promise<OfficialDocument> {
    const found = await this.access.readable(user, id);
    if (found.direction !== 'outgoing') throw DocumentErrors.notOutgoing();
    if (!found.orgCode) throw DocumentErrors.orgCodeMissing();
    const year = numberYear(found);
    await this.documents.ensureSequence(this.tx.dialect, numberSeriesKey(found.orgCode), year);
    const doc = await this.tx.run(async (tx) => {
      const row = await this.documents.lock(tx, id);
      if (!row) throw DocumentErrors.notFound(id);
      if (row.docNumber) throw DocumentErrors.numberAllocated(row.docNumber);
      // the code or date may have changed since the read above; the number follows the locked row
      if (!row.orgCode) throw DocumentErrors.orgCodeMissing();
      const violations = checkDocument({ ...fieldsOf(row), direction: row.direction }, 'issue');
      if (violations.length) throw DocumentErrors.rules(violations);
      const rowYear = numberYear(row);
      if (rowYear !== year) await this.documents.ensureSequence(tx.dialect, numberSeriesKey(row.orgCode), rowYear);
      const seq = await this.documents.nextSequence(tx, numberSeriesKey(row.orgCode), rowYear);
      const text = formatDocNumber({ orgCode: row.orgCode, year: rowYear, seq });
      await this.documents.insertNumber(
        Object.assign(new DocNumberEntity(), {
          orgCode: row.orgCode,
          year: rowYear,
          seq,
          text,
          documentId: id,
          status: 'allocated',
          allocatedBy: user.username,
          allocatedAt: new Date(),
          voidedBy: null,
          voidedAt: null,
          voidReason: null,
        }),
        tx.manager,
      );
      row.docNumber = text;
      await this.versions.next(tx, row, user.username);
      await this.documents.save(row, tx.manager);
      return row;
    });
    return this.view(doc);
  }

  /** Voids the allocated number with a reason; the document may then get a new (higher) one. */
  async void(id: string, reason: string, user: SessionUser): Promise<OfficialDocument> {
    await this.access.readable(user, id);
    const doc = await this.tx.run(async (tx) => {
      const row = await this.documents.lock(tx, id);
      if (!row) throw DocumentErrors.notFound(id);
      const parsed = row.docNumber ? parseDocNumber(row.docNumber) : null;
      if (!row.docNumber || !parsed) throw DocumentErrors.numberNotAllocated();
      await this.documents.voidNumber(parsed, { voidedBy: user.username, voidedAt: new Date(), voidReason: reason }, tx.manager);
      row.docNumber = null;
      await this.versions.next(tx, row, user.username);
      await this.documents.save(row, tx.manager);
      return row;
    });
    return this.view(doc);
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
