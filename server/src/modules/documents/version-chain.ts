import { chainLink } from '../../platform/crypto/record-chain';
import type { DocumentVersionEntity } from './document.entity';

/** The canonical form of a document version: every column but the hash, as stored (`changedAt` in epoch ms). */
export function versionCanonical(v: Omit<DocumentVersionEntity, 'hash'>): unknown[] {
  return [v.documentId, v.version, v.digest, v.content, v.changedBy, v.changedAt.getTime()];
}

/** The hash of a version's link: SM3(the previous version's hash of the document ‖ its canonical form). */
export function versionHash(previous: string | null, v: Omit<DocumentVersionEntity, 'hash'>): string {
  return chainLink(previous, versionCanonical(v));
}
