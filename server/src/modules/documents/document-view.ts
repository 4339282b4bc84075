import {
  DOC_TYPE_NAMES,
  type DocTypeCode,
  type DocumentFields,
  type IncomingRegistration,
  type OfficialDocument,
  type SecrecyPeriod,
} from '@liuzhuan/contracts';
import type { AttachmentEntity, DocumentEntity, IncomingRegistrationEntity } from './document.entity';

/** The elements of a document row, parsed. */
export function fieldsOf(d: DocumentEntity): DocumentFields {
  return {
    docType: d.docType as DocTypeCode,
    title: d.title,
    secretLevel: d.secretLevel as DocumentFields['secretLevel'],
    secrecyPeriod: d.secrecyPeriod ? (JSON.parse(d.secrecyPeriod) as SecrecyPeriod) : null,
    urgency: d.urgency as DocumentFields['urgency'],
    issuer: d.issuer,
    orgCode: d.orgCode,
    signers: JSON.parse(d.signers) as string[],
    mainRecipients: JSON.parse(d.mainRecipients) as string[],
    ccRecipients: JSON.parse(d.ccRecipients) as string[],
    writtenDate: d.writtenDate,
    note: d.note,
    disclosure: d.disclosure as DocumentFields['disclosure'],
    disclosureReason: d.disclosureReason,
    attachmentNotes: JSON.parse(d.attachmentNotes) as string[],
    body: d.body,
  };
}

/** Writes the elements into a row (list values as JSON). */
export function assignFields(d: DocumentEntity, f: DocumentFields): void {
  Object.assign(d, {
    docType: f.docType,
    title: f.title,
    secretLevel: f.secretLevel,
    secrecyPeriod: f.secrecyPeriod ? JSON.stringify(f.secrecyPeriod) : null,
    urgency: f.urgency,
    issuer: f.issuer,
    orgCode: f.orgCode || null,
    signers: JSON.stringify(f.signers),
    mainRecipients: JSON.stringify(f.mainRecipients),
    ccRecipients: JSON.stringify(f.ccRecipients),
    writtenDate: f.writtenDate,
    note: f.note,
    disclosure: f.disclosure,
    disclosureReason: f.disclosureReason,
    attachmentNotes: JSON.stringify(f.attachmentNotes),
    body: f.body,
  });
}

/** What a version's digest covers: every element, the number, and the attachments by SM3. */
export function versionContent(d: DocumentEntity, attachments: AttachmentEntity[]): Record<string, unknown> {
  return {
    id: d.id,
    direction: d.direction,
    ...fieldsOf(d),
    docNumber: d.docNumber,
    attachments: attachments.map((a) => ({ name: a.name, sm3: a.sm3, size: a.size })),
  };
}

export function registrationView(r: IncomingRegistrationEntity): IncomingRegistration {
  return {
    regNo: r.regNo,
    sourceOrg: r.sourceOrg,
    sourceDocNumber: r.sourceDocNumber,
    signedForBy: r.signedForBy,
    signedForAt: r.signedForAt.toISOString(),
    channel: r.channel as IncomingRegistration['channel'],
    handlingType: r.handlingType as IncomingRegistration['handlingType'],
    copies: r.copies,
    timeLimitWorkdays: r.timeLimitWorkdays,
    dueAt: r.dueAt ? r.dueAt.toISOString() : null,
    dueProvisional: !!r.dueProvisional,
    leadDept: r.leadDept,
    assistDepts: JSON.parse(r.assistDepts) as string[],
  };
}

const STATUS: Record<string, OfficialDocument['status']> = { active: 'handling', completed: 'completed', terminated: 'cancelled' };

export function documentView(
  d: DocumentEntity,
  registration: IncomingRegistrationEntity | undefined,
  instanceStatus: string | undefined,
): OfficialDocument {
  const fields = fieldsOf(d);
  return {
    id: d.id,
    direction: d.direction,
    ...fields,
    docTypeName: DOC_TYPE_NAMES[fields.docType],
    docNumber: d.docNumber,
    status: STATUS[instanceStatus ?? 'active'] ?? 'handling',
    instanceId: d.instanceId,
    version: d.version,
    digest: d.digest,
    registration: registration ? registrationView(registration) : null,
    copyNumber: d.copyNumber ?? null,
    custodian: d.custodian ?? null,
    storageLocation: d.storageLocation ?? null,
    createdBy: d.createdBy,
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

export function attachmentView(a: AttachmentEntity) {
  return {
    id: a.id,
    name: a.name,
    contentType: a.contentType,
    size: a.size,
    sm3: a.sm3,
    uploadedBy: a.uploadedBy,
    uploadedAt: a.uploadedAt.toISOString(),
  };
}
