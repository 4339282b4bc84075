import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** One row of `document_signature` (append-only): a 签发's SM2 signature, as stored. */
export interface DocumentSignatureRow {
  id: string;
  documentId: string;
  instanceId: string;
  opinionId: string;
  signer: string;
  onBehalfOf: string | null;
  /** epoch ms */
  signedAt: number;
  versionDigest: string;
  algorithm: string;
  keyId: string;
  signature: string;
}

const COLUMNS =
  'id, document_id AS documentId, instance_id AS instanceId, opinion_id AS opinionId, signer, on_behalf_of AS onBehalfOf, ' +
  'signed_at AS signedAt, version_digest AS versionDigest, algorithm, key_id AS keyId, signature';

/** The signatures of documents' 签发 and the opinions they cover. */
@Injectable()
export class DocumentSignatureRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(row: DocumentSignatureRow, m: EntityManager): Promise<void> {
    await m.query(
      'INSERT INTO document_signature (id, document_id, instance_id, opinion_id, signer, on_behalf_of, signed_at, version_digest, algorithm, key_id, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        row.id,
        row.documentId,
        row.instanceId,
        row.opinionId,
        row.signer,
        row.onBehalfOf,
        row.signedAt,
        row.versionDigest,
        row.algorithm,
        row.keyId,
        row.signature,
      ],
    );
  }

  /** The document's signatures, oldest first. */
  async ofDocument(documentId: string, m: EntityManager = this.dataSource.manager): Promise<DocumentSignatureRow[]> {
    const rows: DocumentSignatureRow[] = await m.query(
      `SELECT ${COLUMNS} FROM document_signature WHERE document_id = ? ORDER BY signed_at, id`,
      [documentId],
    );
    return rows.map((r) => ({ ...r, signedAt: Number(r.signedAt) }));
  }

  /**
   * The digest the document's latest signature covers, who signed it (the principal of a deputy)
   * and the document's current digest, in one statement; null before its first 签发.
   */
  async signedState(
    documentId: string,
    m: EntityManager,
  ): Promise<{ signedDigest: string; signedBy: string; currentDigest: string } | null> {
    const rows: { signedDigest: string; signer: string; onBehalfOf: string | null; currentDigest: string }[] = await m.query(
      'SELECT s.version_digest AS signedDigest, s.signer, s.on_behalf_of AS onBehalfOf, d.digest AS currentDigest FROM document_signature s ' +
        'JOIN official_document d ON d.id = s.document_id WHERE s.document_id = ? ORDER BY s.signed_at DESC, s.id DESC LIMIT 1',
      [documentId],
    );
    const row = rows[0];
    return row ? { signedDigest: row.signedDigest, signedBy: row.onBehalfOf ?? row.signer, currentDigest: row.currentDigest } : null;
  }

  /** The opinions the signatures cover, as stored now (text, author, the digest they were written on). */
  async opinions(ids: string[]): Promise<Map<string, { text: string; author: string; documentDigest: string | null }>> {
    if (!ids.length) return new Map();
    const rows: { id: string; text: string; author: string; documentDigest: string | null }[] = await this.dataSource.manager.query(
      `SELECT id, text, author, document_digest AS documentDigest FROM opinion WHERE id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    return new Map(rows.map((r) => [r.id, r]));
  }
}
