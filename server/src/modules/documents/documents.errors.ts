import type { DocumentRuleViolation, PaperCustodyViolation } from '@liuzhuan/contracts';
import { DomainError } from '../../platform/errors/domain-error';

/** The documents module's rejections; codes and Chinese texts are in libs/contracts documents.errors.ts. */
export const DocumentErrors = {
  notFound: (id: string) => new DomainError('DOCUMENT_NOT_FOUND', `Document ${id} not found`),
  rules: (violations: DocumentRuleViolation[]) =>
    new DomainError(
      'DOCUMENT_RULE_VIOLATION',
      `The document breaks ${violations.length} rule(s): ${violations.map((v) => `${v.field} ${v.rule}`).join(', ')}`,
      violations,
    ),
  classifiedNoBody: () =>
    new DomainError(
      'DOCUMENT_CLASSIFIED_NO_BODY',
      'Classified documents (秘密 and above) are registered as metadata only: no electronic body or attachment',
    ),
  classificationLocked: (id: string) =>
    new DomainError(
      'DOCUMENT_CLASSIFICATION_LOCKED',
      `The 密级 and 保密期限 of document ${id} change only through the security admin's POST /documents/:id/classification`,
    ),
  classificationReasonRequired: () => new DomainError('DOCUMENT_CLASSIFICATION_REASON_REQUIRED', 'A change of 密级 needs a reason'),
  classificationUnchanged: () => new DomainError('DOCUMENT_CLASSIFICATION_UNCHANGED', 'The document already has this 密级'),
  clearanceInsufficient: (level: string) =>
    new DomainError('DOCUMENT_CLEARANCE_INSUFFICIENT', `Your clearance does not allow a document classified ${level}`),
  custody: (code: PaperCustodyViolation) =>
    new DomainError(code, "A classified document needs its paper copy's 份号 (six digits), 保管人 and 存放位置", { code }),
  processNotDeployed: (key: string) => new DomainError('DOCUMENT_PROCESS_NOT_DEPLOYED', `No deployed process with key ${key}`),
  notEditable: (id: string) => new DomainError('DOCUMENT_NOT_EDITABLE', `Document ${id} has ended its handling`),
  signedLocked: (id: string) =>
    new DomainError('DOCUMENT_SIGNED_LOCKED', `Document ${id} is signed off: its text changes only after a return (退回) or in 复核`),
  notEditor: (id: string) => new DomainError('FORBIDDEN_ROLE', `Only the drafter or a current handler may change document ${id}`),
  renditionNotOutgoing: () =>
    new DomainError('DOCUMENT_RENDITION_NOT_OUTGOING', 'Only outgoing documents are rendered as red-header documents'),
  notOutgoing: () => new DomainError('DOCUMENT_NOT_OUTGOING', 'Only outgoing documents get a document number'),
  orgCodeMissing: () => new DomainError('DOCUMENT_ORG_CODE_MISSING', 'Set the 机关代字 (orgCode) before allocating a number'),
  numberAllocated: (text: string) => new DomainError('DOCUMENT_NUMBER_ALREADY_ALLOCATED', `The document already has the number ${text}`),
  notAtRegister: () =>
    new DomainError('DOCUMENT_NUMBER_NOT_AT_REGISTER', 'The 发文字号 is allocated at the 登记 step, which the process has not reached'),
  numberNotAllocated: () => new DomainError('DOCUMENT_NUMBER_NOT_ALLOCATED', 'The document has no allocated number'),
  attachmentNotMultipart: () => new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the attachment as multipart/form-data in the field "file"'),
  attachmentFieldMissing: () => new DomainError('VALIDATION_FAILED', 'Send the attachment in the multipart field "file"'),
  attachmentNotFound: (id: string) => new DomainError('ATTACHMENT_NOT_FOUND', `Attachment ${id} not found`),
  attachmentTooLarge: (limit: number) => new DomainError('ATTACHMENT_TOO_LARGE', `Attachments may be at most ${limit} bytes`),
  attachmentName: (reason: string) => new DomainError('ATTACHMENT_NAME_INVALID', `Invalid attachment file name: ${reason}`),
  attachmentNotPreviewable: (id: string) =>
    new DomainError('ATTACHMENT_NOT_PREVIEWABLE', `Attachment ${id} is not of a type shown inline (PDF or a raster image)`),
  digestMismatch: (id: string) =>
    new DomainError('ATTACHMENT_DIGEST_MISMATCH', `The stored file of attachment ${id} does not match its SM3 digest`),
  circulationNotFound: (id: string) => new DomainError('CIRCULATION_NOT_FOUND', `Circulation ${id} not found`),
  readerUnknown: (names: string[]) =>
    new DomainError('CIRCULATION_READER_UNKNOWN', `Unknown or disabled readers: ${names.join(', ')}`, { readers: names }),
  duplicateReader: (name: string) => new DomainError('CIRCULATION_DUPLICATE_READER', `${name} is listed twice`),
  notYourTurn: () => new DomainError('CIRCULATION_NOT_YOUR_TURN', 'The document is not with you yet'),
  alreadyRead: () => new DomainError('CIRCULATION_ALREADY_READ', 'You have read it already'),
  circulationClosed: () => new DomainError('CIRCULATION_CLOSED', 'The circulation has ended'),
  notSequential: () => new DomainError('CIRCULATION_NOT_SEQUENTIAL', 'Only a sequential circulation has an order to change'),
  reorderMismatch: () =>
    new DomainError('CIRCULATION_REORDER_MISMATCH', 'The new order must list exactly the readers who have not read yet'),
  notOwner: () => new DomainError('CIRCULATION_NOT_OWNER', 'Only who started the circulation may reorder or skip'),
};
