import { Inject, Injectable } from '@nestjs/common';
import type { Attachment, AttachmentList, SessionUser } from '@liuzhuan/contracts';
import { sm3Hex } from '../../platform/crypto/sm3';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { newId } from '../../platform/ids/ids';
import { FILE_STORAGE, type FileStorage } from '../../platform/storage/file-storage';
import { DocumentAccess } from './document-access';
import { AttachmentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { DocumentVersions } from './document-versions';
import { attachmentView } from './document-view';
import { DocumentErrors } from './documents.errors';

/** Attachments may be at most 20 MB each. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

export interface UploadedFile {
  name: string;
  contentType: string;
  bytes: Buffer;
}

/**
 * Attachments in the file store with their SM3 digest in the database; a download recomputes
 * the digest and refuses a file that no longer matches (fixity, GB/T 18894). Classified
 * documents (秘密 and above) have no electronic content on this system.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly access: DocumentAccess,
    private readonly versions: DocumentVersions,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    private readonly trail: AuditTrail,
  ) {}

  async upload(documentId: string, file: UploadedFile, user: SessionUser): Promise<Attachment> {
    const found = await this.access.readable(user, documentId);
    if (!(await this.access.canEdit(user, found))) throw DocumentErrors.notEditor(documentId);
    if (found.secretLevel !== 'NONE') throw DocumentErrors.classifiedNoBody();
    const name = checkFileName(file.name);
    const id = newId();
    const key = `attachments/${id}`;
    // bytes first: a crash after this leaves an unreferenced file, never a row without its file
    await this.storage.put(key, file.bytes);
    const row = Object.assign(new AttachmentEntity(), {
      id,
      documentId,
      name,
      contentType: file.contentType.slice(0, 100) || 'application/octet-stream',
      size: file.bytes.length,
      sm3: sm3Hex(file.bytes),
      storageKey: key,
      uploadedBy: user.username,
      uploadedAt: new Date(),
    });
    try {
      await this.tx.run(async (tx) => {
        const doc = await this.documents.lock(tx, documentId);
        if (!doc) throw DocumentErrors.notFound(documentId);
        // the level may have been raised since the check above
        if (doc.secretLevel !== 'NONE') throw DocumentErrors.classifiedNoBody();
        // a signed 发文 changes only after a 退回, or in 复核 (its attachments are part of the text signed)
        if (
          doc.direction === 'outgoing' &&
          doc.instanceId &&
          (await this.documents.signedLockedFor(doc.instanceId, user.username, tx.manager))
        )
          throw DocumentErrors.signedLocked(documentId);
        await this.documents.insertAttachment(row, tx.manager);
        await this.versions.next(tx, doc, user.username);
        await this.documents.save(doc, tx.manager);
      });
    } catch (error) {
      // the row was not written: remove the bytes, then report the original failure
      await this.storage.delete(key);
      throw error;
    }
    return attachmentView(row);
  }

  async list(documentId: string, user: SessionUser): Promise<AttachmentList> {
    await this.access.readable(user, documentId);
    return { items: (await this.documents.attachments(documentId)).map(attachmentView) };
  }

  /** The bytes, only when they still match the digest recorded at upload. */
  /** The attachment's bytes for saving (`Content-Disposition: attachment`). */
  download(
    documentId: string,
    attachmentId: string,
    user: SessionUser,
    audit: AuditContext,
  ): Promise<{ attachment: AttachmentEntity; bytes: Buffer }> {
    return this.read(documentId, attachmentId, user, audit, 'attachment');
  }

  /**
   * The attachment's bytes for showing in the page (`Content-Disposition: inline`): only the types
   * a browser renders without running anything of the file's own (PDF, raster images); any other
   * is a 415 and is downloaded instead. Audited for a classified document as a download is.
   */
  async preview(
    documentId: string,
    attachmentId: string,
    user: SessionUser,
    audit: AuditContext,
  ): Promise<{ attachment: AttachmentEntity; bytes: Buffer; contentType: PreviewType }> {
    const { attachment, bytes } = await this.read(documentId, attachmentId, user, audit, 'inline');
    return { attachment, bytes, contentType: previewType(attachment.contentType) as PreviewType };
  }

  private async read(
    documentId: string,
    attachmentId: string,
    user: SessionUser,
    audit: AuditContext,
    disposition: 'attachment' | 'inline',
  ): Promise<{ attachment: AttachmentEntity; bytes: Buffer }> {
    const doc = await this.access.readable(user, documentId);
    const attachment = await this.documents.attachment(documentId, attachmentId);
    if (!attachment) throw DocumentErrors.attachmentNotFound(attachmentId);
    if (disposition === 'inline' && !previewType(attachment.contentType)) throw DocumentErrors.attachmentNotPreviewable(attachmentId);
    const bytes = await this.storage.get(attachment.storageKey);
    if (!bytes || sm3Hex(bytes) !== attachment.sm3) throw DocumentErrors.digestMismatch(attachmentId);
    // a classified document holds no attachment on this system; one held before it was raised is still recorded
    if (doc.secretLevel !== 'NONE') {
      await this.trail.recordAlone(audit, {
        type: 'document.classified.download',
        targetType: 'document',
        targetId: documentId,
        details: { attachmentId, name: attachment.name, sm3: attachment.sm3, secretLevel: doc.secretLevel, disposition },
      });
    }
    return { attachment, bytes };
  }
}

/** The types shown inline (PDF and raster images: no SVG, no HTML — nothing that runs script). */
export const PREVIEW_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type PreviewType = (typeof PREVIEW_TYPES)[number];

/** The stored content type as one of {@link PREVIEW_TYPES} (parameters and case dropped), else null. */
export function previewType(contentType: string): PreviewType | null {
  const bare = contentType.split(';')[0].trim().toLowerCase();
  return (PREVIEW_TYPES as readonly string[]).includes(bare) ? (bare as PreviewType) : null;
}

/** A display name only (stored under a generated key): no path, no control characters, 1–200 characters. */
function checkFileName(raw: string): string {
  const name = raw.normalize('NFC').trim();
  if (!name) throw DocumentErrors.attachmentName('empty');
  if (name.length > 200) throw DocumentErrors.attachmentName('longer than 200 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f/\\]/.test(name)) throw DocumentErrors.attachmentName('contains a path separator or control character');
  if (name === '.' || name === '..') throw DocumentErrors.attachmentName('not a file name');
  return name;
}
