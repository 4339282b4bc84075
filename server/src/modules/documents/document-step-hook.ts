import { Injectable, type OnModuleInit } from '@nestjs/common';
import { checkDocument, documentChangesOf, DocumentFieldsSchema, type DocumentFields, REGISTER_STEP } from '@liuzhuan/contracts';
import type { Tx } from '../../platform/database/transaction-runner';
import { ValidationError } from '../../platform/errors/domain-error';
import { CompletionHooks, type CompletingTask } from '../tasks/tasks.api';
import { canonicalJson } from './document-digest';
import { DocNumberService } from './doc-number.service';
import { DocumentRepository } from './document.repository';
import { DocumentVersions } from './document-versions';
import { assignFields, fieldsOf } from './document-view';
import { DocumentErrors } from './documents.errors';
import { beijingDay } from './documents.service';
import { pinyinKeys } from '../org/org.api';

/** The 签发 step of the shipped 发文 model. */
const SIGN_OFF_STEP = 'signOff';

/**
 * A 发文's steps act on the document when they are completed, in the completion's transaction
 * (nothing is written if any of it is refused):
 * - the form's values of the document's elements (主送机关, 抄送机关, 公开属性 …) are written back
 *   (`documentChangesOf`: a blank value changes nothing), as a new version, before the step's
 *   opinions are bound to the document; after 签发 a different value is refused (文稿已锁定);
 * - 签发 sets the 成文日期 to the day of signing (GB/T 9704 §7.3.5: the leader's 签发日期; 复审
 *   signs again and moves it) and, when none is named, the 签发人 to the signer;
 * - 登记 allocates the 发文字号 unless the clerk took one on this step already (编号): 登记 never
 *   completes without one, and the process gets it as `docNumber` (and `issuedOn`).
 */
@Injectable()
export class DocumentStepHook implements OnModuleInit {
  constructor(
    private readonly hooks: CompletionHooks,
    private readonly documents: DocumentRepository,
    private readonly versions: DocumentVersions,
    private readonly numbers: DocNumberService,
  ) {}

  onModuleInit(): void {
    this.hooks.register((tx, completing) => this.completing(tx, completing));
  }

  private async completing(tx: Tx, { instance, task, variables, user }: CompletingTask): Promise<Record<string, unknown> | void> {
    // a document's process carries the document's id as its business key: any other completion costs no statement
    if (!instance.businessKey) return;
    const register = task.elementId === REGISTER_STEP;
    if (register) {
      const found = await this.documents.findById(instance.businessKey, tx.manager);
      if (found && !found.docNumber) await this.numbers.prepare(found);
    }
    const doc = await this.documents.lock(tx, instance.businessKey);
    if (!doc || doc.direction !== 'outgoing' || doc.instanceId !== instance.id) return;

    const current = fieldsOf(doc);
    const next: DocumentFields = { ...current, ...this.changesOf(variables) };
    if (task.elementId === SIGN_OFF_STEP) {
      next.writtenDate = beijingDay(new Date());
      if (!next.signers.length) next.signers = [user.displayName];
    }
    if (canonicalJson(next) !== canonicalJson(current)) {
      // the signing step itself still writes (its 公开属性, the 成文日期); a later step changes nothing of a signed text
      if (task.elementId !== SIGN_OFF_STEP && (await this.documents.signedOff(instance.id, tx.manager)))
        throw DocumentErrors.signedLocked(doc.id);
      const violations = checkDocument({ ...next, direction: doc.direction }, doc.docNumber ? 'issue' : 'draft');
      if (violations.length) throw DocumentErrors.rules(violations);
      assignFields(doc, next);
      const keys = pinyinKeys(doc.title);
      doc.titlePinyin = keys.pinyin;
      doc.titleInitials = keys.initials;
      await this.versions.next(tx, doc, user.username);
      await this.documents.save(doc, tx.manager);
    }
    if (!register) return;
    // the completion is not an HTTP request of the documents module: its audit context is the user's, without address
    const audit = { actor: user.username, roles: user.roles, ip: null, userAgent: null };
    if (!doc.docNumber) await this.numbers.allocateOn(tx, doc, user.username, audit, 'register');
    return { docNumber: doc.docNumber, ...(doc.writtenDate ? { issuedOn: doc.writtenDate } : {}) };
  }

  /** The form's values of elements, checked as the document's elements are (a bad 文种 or 公开属性 is refused). */
  private changesOf(variables: Record<string, unknown>): Partial<DocumentFields> {
    const changes = documentChangesOf(variables);
    const checked = DocumentFieldsSchema.partial().safeParse(changes);
    if (!checked.success)
      throw new ValidationError('A form value of the document is not valid', {
        fields: checked.error.issues.map((i) => i.path.join('.')),
      });
    return checked.data;
  }
}
