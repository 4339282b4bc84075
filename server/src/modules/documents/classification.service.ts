import { Injectable } from '@nestjs/common';
import {
  type ChangeClassification,
  type ClassificationChange,
  checkDocument,
  checkPaperCustody,
  type DocumentFields,
  mayHoldElectronicContent,
  type SessionUser,
} from '@liuzhuan/contracts';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { newId } from '../../platform/ids/ids';
import { ClassificationChangeEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { DocumentVersions } from './document-versions';
import { assignFields, fieldsOf } from './document-view';
import { custodyOf } from './documents.service';
import { DocumentErrors } from './documents.errors';

/**
 * 变更密级: the security admin's act (the route requires the role), with a mandatory reason,
 * recorded in `document_classification_change` and as a new version of the document. The
 * security admin needs no read access for it and the answer names only the change, never the
 * document's content. Raising a document to 秘密 or above is refused while it holds an electronic
 * body or attachments (DOCUMENT_CLASSIFIED_NO_BODY): its editor removes the body first (PATCH
 * body null); a document with attachments cannot be classified on this system. A classified
 * level needs the 保密期限 and the paper copy's 份号, 保管人 and 存放位置; lowering to NONE
 * clears the 保密期限.
 */
@Injectable()
export class ClassificationService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly versions: DocumentVersions,
    private readonly trail: AuditTrail,
  ) {}

  async change(id: string, input: ChangeClassification, user: SessionUser, audit: AuditContext): Promise<ClassificationChange> {
    const reason = input.reason?.trim();
    const event = {
      type: 'classification.change',
      targetType: 'document',
      targetId: id,
      details: { to: input.secretLevel, reason },
    } as const;
    return this.trail.failureRecorded(audit, event, () =>
      this.tx.run(async (tx) => {
        if (!reason) throw DocumentErrors.classificationReasonRequired();
        const doc = await this.documents.lock(tx, id);
        if (!doc) throw DocumentErrors.notFound(id);
        const current = fieldsOf(doc);
        if (current.secretLevel === input.secretLevel) throw DocumentErrors.classificationUnchanged();
        const classified = !mayHoldElectronicContent(input.secretLevel);
        if (classified && (current.body || (await this.documents.attachments(id, tx.manager)).length))
          throw DocumentErrors.classifiedNoBody();
        const next: DocumentFields = {
          ...current,
          secretLevel: input.secretLevel,
          secrecyPeriod: classified ? (input.secrecyPeriod ?? current.secrecyPeriod) : null,
        };
        const violations = checkDocument({ ...next, direction: doc.direction }, doc.docNumber ? 'issue' : 'draft');
        if (violations.length) throw DocumentErrors.rules(violations);
        const given = custodyOf({ copyNumber: input.copyNumber, custodian: input.custodian, storageLocation: input.storageLocation });
        const custody = { ...custodyOf(doc), ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
        const custodyViolation = checkPaperCustody(input.secretLevel, custody);
        if (custodyViolation) throw DocumentErrors.custody(custodyViolation);
        assignFields(doc, next);
        Object.assign(doc, custody);
        await this.versions.next(tx, doc, user.username);
        await this.documents.save(doc, tx.manager);
        const change = Object.assign(new ClassificationChangeEntity(), {
          id: newId(),
          documentId: id,
          fromLevel: current.secretLevel,
          toLevel: input.secretLevel,
          reason,
          changedBy: user.username,
          changedAt: doc.updatedAt,
        });
        await this.documents.insertClassificationChange(change, tx.manager);
        this.trail.record(tx, audit, {
          ...event,
          details: { from: current.secretLevel, to: input.secretLevel, secrecyPeriod: next.secrecyPeriod, reason, changeId: change.id },
        });
        return {
          id: change.id,
          documentId: id,
          fromLevel: current.secretLevel,
          toLevel: input.secretLevel,
          reason,
          changedBy: user.username,
          changedAt: change.changedAt.toISOString(),
        };
      }),
    );
  }
}
