import { Injectable } from '@nestjs/common';
import type { RecordVerification, SessionUser } from '@liuzhuan/contracts';
import { ChainWalk } from '../../platform/crypto/record-chain';
import { sm3Hex } from '../../platform/crypto/sm3';
import { DocumentAccess } from './document-access';
import { DocumentRepository } from './document.repository';
import { versionDigest } from './document-digest';
import { versionContent } from './document-view';
import { versionCanonical } from './version-chain';

/**
 * Verifies a document's record, recomputed from the stored rows at every call: each version's
 * content still gives its SM3 digest (legacy versions too), the versions form an unbroken SM3
 * chain (version-chain.ts) up to the head the document row keeps, and the document's current
 * row (its body and elements, its attachments' digests) still gives the last version's digest.
 */
@Injectable()
export class DocumentVerifier {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly access: DocumentAccess,
  ) {}

  /** For whoever may read the document, and the auditor (the answer holds no content); 404 otherwise. */
  async verify(id: string, user: SessionUser): Promise<RecordVerification> {
    const doc = (user.roles.includes('auditor') && (await this.documents.findById(id))) || (await this.access.readable(user, id));
    const versions = (await this.documents.versions(id)).filter((v) => v.version <= doc.version);
    const walk = new ChainWalk();
    let last: (typeof versions)[number] | undefined;
    for (const v of versions) {
      if (sm3Hex(v.content) !== v.digest) {
        walk.broken = { seq: v.version };
        break;
      }
      if (!walk.step(v.version, v.hash, () => versionCanonical(v))) break;
      last = v;
    }
    walk.end(doc.version, doc.versionHash);
    let firstBroken: RecordVerification['firstBroken'] = walk.broken ? { kind: 'version', id: doc.id, seq: walk.broken.seq } : undefined;
    if (!firstBroken) {
      const current = versionDigest(versionContent(doc, await this.documents.attachments(id)));
      if (current !== doc.digest || (last && last.digest !== doc.digest)) firstBroken = { kind: 'document', id: doc.id };
    }
    return { ok: !firstBroken, checked: walk.checked, legacy: walk.legacy, ...(firstBroken ? { firstBroken } : {}) };
  }
}
