import { Injectable } from '@nestjs/common';
import {
  checkDocument,
  checkPaperCustody,
  checkRegistration,
  clearanceAllows,
  mayHoldElectronicContent,
  type PaperCustody,
  type CreateDocument,
  DOCUMENT_DEFAULTS,
  documentFormValues,
  type DocumentDetail,
  type DocumentFields,
  type DocumentList,
  type DocumentQuery,
  type ProcessingStep,
  type SessionUser,
  type StepOpinion,
  type TaskQuery,
  type UpdateDocument,
} from '@liuzhuan/contracts';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { newId } from '../../platform/ids/ids';
import { DefinitionRepository } from '../definitions/definitions.api';
import { OrgRepository, pinyinKeys, UserRepository } from '../org/org.api';
import { processVariables, readState } from '@liuzhuan/engine';
import { handlingOf } from './document-handling';
import { CommandExecutor, InstanceRepository, TaskRepository } from '../runtime/runtime.api';
import { DocumentAccess } from './document-access';
import { DocumentDeadlines } from './document-deadlines';
import { DocumentEntity, IncomingRegistrationEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { canonicalJson } from './document-digest';
import { DocumentVersions } from './document-versions';
import { assignFields, attachmentView, documentView, fieldsOf } from './document-view';
import { DocumentErrors } from './documents.errors';

/** The process each direction starts (shipped in workflows/, deployed by key). */
export const PROCESS_KEYS = { incoming: 'incoming-document', outgoing: 'outgoing-document' } as const;

/** The calendar year in Beijing (UTC+8, no daylight saving) of an instant. */
export const beijingYear = (at: Date) => new Date(at.getTime() + 8 * 3600_000).getUTCFullYear();

/** "2026-10-12": the Beijing calendar day of an instant (a 成文日期). */
export const beijingDay = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** "2026-10-12 09:15": an instant as Beijing wall-clock time to the minute. */
export const beijingMinute = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** 收文号 series: one per registering organization and year. */
export const incomingSeriesKey = (orgId: string) => `incoming:${orgId}`;

@Injectable()
export class DocumentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly access: DocumentAccess,
    private readonly versions: DocumentVersions,
    private readonly definitions: DefinitionRepository,
    private readonly executor: CommandExecutor,
    private readonly instances: InstanceRepository,
    private readonly tasks: TaskRepository,
    private readonly deadlines: DocumentDeadlines,
    private readonly trail: AuditTrail,
    private readonly orgs: OrgRepository,
    private readonly users: UserRepository,
  ) {}

  /**
   * Registers an incoming document (收文登记) or drafts an outgoing one, and starts its handling
   * process with the document id as business key — in one transaction: no document without its
   * process, no process without its document.
   */
  async create(input: CreateDocument, user: SessionUser): Promise<DocumentDetail> {
    const { direction, registration, copyNumber, custodian, storageLocation, ...given } = input;
    const custody = custodyOf({ copyNumber, custodian, storageLocation });
    const fields: DocumentFields = { ...DOCUMENT_DEFAULTS, ...withoutUndefined(given) } as DocumentFields;
    // whoever records a classified document must be cleared for it (they could not read it afterwards)
    if (!clearanceAllows(user.clearance, fields.secretLevel)) throw DocumentErrors.clearanceInsufficient(fields.secretLevel);
    const violations = [...checkDocument({ ...fields, direction }, 'draft'), ...checkRegistration(fields, registration, direction)];
    if (violations.length) throw DocumentErrors.rules(violations);
    if (!mayHoldElectronicContent(fields.secretLevel) && fields.body) throw DocumentErrors.classifiedNoBody();
    const custodyViolation = checkPaperCustody(fields.secretLevel, custody);
    if (custodyViolation) throw DocumentErrors.custody(custodyViolation);
    const definition = await this.definitions.findByKey(PROCESS_KEYS[direction], undefined);
    if (!definition) throw DocumentErrors.processNotDeployed(PROCESS_KEYS[direction]);
    // 签收 time is recorded to the minute (条例 第二十四条)
    const signedForAt = registration ? new Date(Math.floor(Date.parse(registration.signedForAt) / 60_000) * 60_000) : null;
    // a back-dated 签收 counts from the 签收 time, not from the registration
    const due = registration?.timeLimitWorkdays && signedForAt ? this.deadlines.count(signedForAt, registration.timeLimitWorkdays) : null;
    if (signedForAt) await this.documents.ensureSequence(this.tx.dialect, incomingSeriesKey(user.orgId), beijingYear(signedForAt));

    const id = await this.tx.run(async (tx) => {
      const now = new Date();
      const doc: DocumentEntity = Object.assign(new DocumentEntity(), {
        id: newId(),
        direction,
        docNumber: null,
        instanceId: null,
        version: 0,
        digest: '',
        createdBy: user.username,
        createdOrgId: user.orgId,
        createdAt: now,
        updatedAt: now,
      });
      assignFields(doc, fields);
      Object.assign(doc, custody);
      setSearchKeys(doc);
      await this.versions.next(tx, doc, user.username);
      await this.documents.insert(doc, tx.manager);
      let regNo: string | null = null;
      if (registration && signedForAt) {
        const year = beijingYear(signedForAt);
        const seq = await this.documents.nextSequence(tx, incomingSeriesKey(user.orgId), year);
        regNo = `收〔${year}〕${seq}号`;
        await this.documents.insertRegistration(
          Object.assign(new IncomingRegistrationEntity(), {
            documentId: doc.id,
            regNo,
            sourceOrg: registration.sourceOrg,
            sourceDocNumber: registration.sourceDocNumber || null,
            signedForBy: user.username,
            signedForAt,
            channel: registration.channel,
            handlingType: registration.handlingType,
            copies: registration.copies,
            timeLimitWorkdays: registration.timeLimitWorkdays,
            dueAt: due ? new Date(due.dueAt) : null,
            dueProvisional: due?.provisional ?? false,
            calendarVersion: due?.calendarVersion ?? null,
            leadDept: registration.leadDept,
            assistDepts: JSON.stringify(registration.assistDepts),
          }),
          tx.manager,
        );
      }
      const variables: Record<string, unknown> = {
        documentId: doc.id,
        direction,
        docType: fields.docType,
        title: fields.title,
        urgency: fields.urgency,
        secretLevel: fields.secretLevel,
        // a 发文's forms open with its elements (主送机关, 抄送机关, 公开属性（拟）…); the client fills them from the document too
        ...(direction === 'outgoing' ? documentFormValues({ ...fields, docNumber: null }) : {}),
        ...(registration
          ? {
              // the registered values the steps' forms open with (登记 shows them; its form keeps them read-only)
              fromOrg: registration.sourceOrg,
              ...(registration.sourceDocNumber ? { fromNumber: registration.sourceDocNumber } : {}),
              incomingNumber: regNo,
              receivedAt: signedForAt ? beijingMinute(signedForAt) : null,
              channel: registration.channel,
              copies: registration.copies,
              handlingType: registration.handlingType,
              leadDept: registration.leadDept,
              assistDepts: registration.assistDepts,
              timeLimitWorkdays: registration.timeLimitWorkdays,
              // the handling steps' deadlines and 催办 timers (oa:dueDate="=dueAt")
              ...this.deadlines.variables(due?.dueAt ?? null),
            }
          : {}),
      };
      const instance = await this.executor.startIn(
        tx,
        {
          definition,
          command: { type: 'start', variables, initiator: user.username, businessKey: doc.id },
          initiator: user.username,
          initiatorOrgId: user.orgId,
          businessKey: doc.id,
        },
        { actor: user.username },
      );
      doc.instanceId = instance.id;
      await this.documents.save(doc, tx.manager);
      return doc.id;
    });
    return this.get(id, user);
  }

  async list(query: DocumentQuery, user: SessionUser): Promise<DocumentList> {
    const { items, total } = await this.documents.search(query, await this.access.viewer(user));
    const ids = items.map((d) => d.id);
    const [registrations, statuses] = await Promise.all([
      this.documents.registrations(ids),
      this.documents.instanceStatuses(items.map((d) => d.instanceId).filter((x): x is string => !!x)),
    ]);
    return {
      items: items.map((d) => {
        const { body: _body, ...summary } = documentView(d, registrations.get(d.id), d.instanceId ? statuses.get(d.instanceId) : undefined);
        return summary;
      }),
      total,
    };
  }

  async get(id: string, user: SessionUser): Promise<DocumentDetail> {
    return this.detail(await this.access.readable(user, id));
  }

  /** `GET /documents/:id`: reading a classified document (秘密 and above: its elements and 处理单) is an audit event. */
  async read(id: string, user: SessionUser, audit: AuditContext): Promise<DocumentDetail> {
    const doc = await this.access.readable(user, id);
    const detail = await this.detail(doc);
    if (doc.secretLevel !== 'NONE') {
      await this.trail.recordAlone(audit, {
        type: 'document.classified.read',
        targetType: 'document',
        targetId: id,
        details: { secretLevel: doc.secretLevel, docNumber: doc.docNumber ?? null, parts: ['elements', 'processingRecord'] },
      });
    }
    return detail;
  }

  /** Changes elements of a document still in handling; an accepted change is a new version. */
  async update(id: string, input: UpdateDocument, user: SessionUser): Promise<DocumentDetail> {
    const found = await this.access.readable(user, id);
    if (!(await this.access.canEdit(user, found))) throw DocumentErrors.notEditor(id);
    await this.tx.run(async (tx) => {
      const doc = await this.documents.lock(tx, id);
      if (!doc) throw DocumentErrors.notFound(id);
      if (doc.instanceId && (await this.documents.instanceStatuses([doc.instanceId], tx.manager)).get(doc.instanceId) !== 'active')
        throw DocumentErrors.notEditable(id);
      if (
        doc.direction === 'outgoing' &&
        doc.instanceId &&
        (await this.documents.signedLockedFor(doc.instanceId, user.username, tx.manager))
      )
        throw DocumentErrors.signedLocked(id);
      const { copyNumber, custodian, storageLocation, ...elements } = input;
      const current = fieldsOf(doc);
      const next = { ...current, ...withoutUndefined(elements) } as DocumentFields;
      // 密级 and 保密期限 change only through 变更密级 (the security admin's act, with a reason)
      if (next.secretLevel !== current.secretLevel || canonicalJson(next.secrecyPeriod) !== canonicalJson(current.secrecyPeriod))
        throw DocumentErrors.classificationLocked(id);
      const custody = { ...custodyOf(doc), ...withoutUndefined(custodyOf({ copyNumber, custodian, storageLocation })) };
      const custodyChanged = canonicalJson(custody) !== canonicalJson(custodyOf(doc));
      const fieldsChanged = canonicalJson(next) !== canonicalJson(current);
      if (!fieldsChanged && !custodyChanged) return;
      const violations = checkDocument({ ...next, direction: doc.direction }, doc.docNumber ? 'issue' : 'draft');
      if (violations.length) throw DocumentErrors.rules(violations);
      if (!mayHoldElectronicContent(next.secretLevel) && (next.body || (await this.documents.attachments(id, tx.manager)).length))
        throw DocumentErrors.classifiedNoBody();
      const custodyViolation = checkPaperCustody(next.secretLevel, custody);
      if (custodyViolation) throw DocumentErrors.custody(custodyViolation);
      assignFields(doc, next);
      Object.assign(doc, custody);
      setSearchKeys(doc);
      // the custody of the paper copy is not an element of the document: no new version for it alone
      if (fieldsChanged) await this.versions.next(tx, doc, user.username);
      else doc.updatedAt = new Date();
      await this.documents.save(doc, tx.manager);
    });
    return this.get(id, user);
  }

  /** The whole document for a reader the caller has checked (the 处理单 PDF reads it too). */
  async detail(doc: DocumentEntity): Promise<DocumentDetail> {
    const [registrations, statuses, attachments, record, instance, orgs] = await Promise.all([
      this.documents.registrations([doc.id]),
      this.documents.instanceStatuses(doc.instanceId ? [doc.instanceId] : []),
      this.documents.attachments(doc.id),
      this.processingRecord(doc.instanceId),
      doc.instanceId ? this.instances.findById(doc.instanceId) : Promise.resolve(null),
      this.orgs.list(),
    ]);
    const view = documentView(doc, registrations.get(doc.id), doc.instanceId ? statuses.get(doc.instanceId) : undefined);
    const variables = instance ? processVariables(readState(instance.state)) : {};
    await this.nameAuthorOrgs(record, orgs);
    const named = [variables['countersigners']].flat().filter((u): u is string => typeof u === 'string' && !!u);
    const userOrgs = new Map((named.length ? await this.users.findByUsernames(named) : []).map((u) => [u.username, u.orgId]));
    return {
      ...view,
      attachments: attachments.map(attachmentView),
      processingRecord: record,
      handling: handlingOf(variables, view.registration, record, orgs, doc.createdOrgId, userOrgs),
    };
  }

  /** Each opinion's author's department, by name (the 处理单 signs 主办 and 协办 「name（department）」). */
  private async nameAuthorOrgs(record: ProcessingStep[], orgs: readonly { id: string; name: string }[]): Promise<void> {
    const authors = [...new Set(record.flatMap((s) => s.opinions.map((o) => o.author)))];
    if (!authors.length) return;
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const orgOf = new Map(
      (await this.users.findByUsernames(authors)).map((u) => [u.username, u.orgId ? (orgName.get(u.orgId) ?? null) : null]),
    );
    for (const step of record) for (const o of step.opinions) o.authorOrg = orgOf.get(o.author) ?? null;
  }

  /**
   * The 处理单: every task of the document's process with who did it and when, and the opinions
   * given at it (the `opinion` table, each bound to the document digest it was written on; the
   * history's `task.completed` opinion for a completion that wrote no opinion row).
   */
  private async processingRecord(instanceId: string | null): Promise<ProcessingStep[]> {
    if (!instanceId) return [];
    const query: TaskQuery = { instanceId, offset: 0, limit: 1000 };
    const [{ items }, history, opinionRows] = await Promise.all([
      this.tasks.query(query, null),
      this.instances.history(instanceId),
      this.documents.opinions(instanceId),
    ]);
    const opinions = new Map<string, StepOpinion[]>();
    for (const o of opinionRows) {
      if (!o.taskId) continue;
      const at = o.createdAt instanceof Date ? o.createdAt : new Date(`${o.createdAt.replace(' ', 'T')}Z`);
      const list = opinions.get(o.taskId) ?? [];
      list.push({
        kind: o.kind,
        text: o.text,
        author: o.author,
        onBehalfOf: o.onBehalfOf,
        authorOrg: null,
        approve: o.approve === null || o.approve === undefined ? null : Boolean(o.approve),
        documentDigest: o.documentDigest,
        at: at.toISOString(),
      });
      opinions.set(o.taskId, list);
    }
    const completionNotes = new Map<string, string>();
    for (const event of history) {
      if (event.type !== 'task.completed') continue;
      const details = JSON.parse(event.details) as { elementInstanceId?: unknown; opinion?: unknown };
      if (typeof details.elementInstanceId === 'string' && typeof details.opinion === 'string')
        completionNotes.set(details.elementInstanceId, details.opinion);
    }
    return items
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1))
      .map((t) => {
        const given = opinions.get(t.id) ?? [];
        return {
          taskId: t.id,
          step: t.elementId,
          name: t.name,
          assignee: t.assignee,
          status: t.status,
          createdAt: t.createdAt.toISOString(),
          completedAt: t.completedAt ? t.completedAt.toISOString() : null,
          completedBy: t.completedBy,
          opinion: given.length ? given[given.length - 1].text : (completionNotes.get(t.id) ?? null),
          opinions: given,
        };
      });
  }
}

/** The custody fields given (undefined: not given), trimmed; an empty text is null. */
export function custodyOf(c: Partial<PaperCustody>): PaperCustody {
  const norm = (v: string | null | undefined) => (v === undefined ? undefined : v?.trim() ? v.trim() : null);
  return { copyNumber: norm(c.copyNumber), custodian: norm(c.custodian), storageLocation: norm(c.storageLocation) } as PaperCustody;
}

function setSearchKeys(doc: DocumentEntity): void {
  const keys = pinyinKeys(doc.title);
  doc.titlePinyin = keys.pinyin;
  doc.titleInitials = keys.initials;
}

function withoutUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
