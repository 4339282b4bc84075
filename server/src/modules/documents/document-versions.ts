import { Injectable } from '@nestjs/common';
import type { Tx } from '../../platform/database/transaction-runner';
import { DocumentVersionEntity, type DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { canonicalJson, versionDigest } from './document-digest';
import { versionContent } from './document-view';
import { versionHash } from './version-chain';

/**
 * Document versions: every accepted change of an element, the number or the attachments is a
 * new version whose SM3 digest covers the canonical JSON of the whole content. Opinions name
 * the digest of the version they were given on. Versions are chained per document with SM3
 * (version-chain.ts); the document row keeps the last link's hash (`versionHash`).
 */
@Injectable()
export class DocumentVersions {
  constructor(private readonly documents: DocumentRepository) {}

  /** Writes the row's next version (1 for a new row) in the caller's transaction; the caller saves the row. */
  async next(tx: Tx, doc: DocumentEntity, actor: string): Promise<void> {
    const content = versionContent(doc, await this.documents.attachments(doc.id, tx.manager));
    const digest = versionDigest(content);
    doc.version = (doc.version ?? 0) + 1;
    doc.digest = digest;
    doc.updatedAt = new Date();
    const row = Object.assign(new DocumentVersionEntity(), {
      documentId: doc.id,
      version: doc.version,
      digest,
      content: canonicalJson(content),
      changedBy: actor,
      changedAt: doc.updatedAt,
      hash: null as string | null,
    });
    // chained onto the document's last version in memory: the caller holds the document row (locked, or new in this unit)
    row.hash = versionHash(doc.versionHash ?? null, row);
    doc.versionHash = row.hash;
    await this.documents.insertVersion(row, tx.manager);
  }
}
