import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { DocumentSignatureList, SessionUser } from '@liuzhuan/contracts';
import { processVariables, readState } from '@liuzhuan/engine';
import type { Tx } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { AuditTrail } from '../audit/audit.api';
import { UserRepository } from '../org/org.api';
import { SIGNER, type Signer } from '../signing/signing.api';
import { CompletionVariables, OpinionSubjects, type WrittenOpinion } from '../tasks/tasks.api';
import { canonicalJson } from './document-digest';
import { DocumentAccess } from './document-access';
import { DocumentRepository } from './document.repository';
import type { DocumentEntity } from './document.entity';
import { DocumentSignatureRepository, type DocumentSignatureRow } from './document-signature.repository';

/** The opinion kind of 签发 (a form's opinion field `signOff`, workflows/outgoing-document). */
const SIGN_OFF = 'signOff';

/**
 * What a 签发 signature covers (GM/T 0003.2 signs SM3(Z‖M) of this M): the SM3 digest of the
 * document version signed, the opinion text, the signer (and whom they sign for) and the time.
 */
export function signedMessage(
  s: Pick<DocumentSignatureRow, 'documentId' | 'versionDigest' | 'signer' | 'onBehalfOf' | 'signedAt'>,
  opinionText: string,
): string {
  return canonicalJson({
    purpose: 'liuzhuan/sign-off/1',
    document: s.documentId,
    versionDigest: s.versionDigest,
    opinion: opinionText,
    signer: s.signer,
    onBehalfOf: s.onBehalfOf,
    signedAt: s.signedAt,
  });
}

/**
 * 签发 as an electronic signature: every `signOff` opinion written on a 公文 is signed through the
 * {@link Signer} port in the opinion's own unit of work, over the version it was given on. Each
 * completion in the document's process learns from the server whether the current version is
 * still the one last signed (`signedVersionChanged`): 复核 sends a changed 公文 back for 复审
 * on that, not on a clerk's checkbox (条例 第二十五条).
 */
@Injectable()
export class DocumentSignatures implements OnModuleInit {
  constructor(
    @Inject(SIGNER) private readonly signer: Signer,
    private readonly signatures: DocumentSignatureRepository,
    private readonly documents: DocumentRepository,
    private readonly access: DocumentAccess,
    private readonly users: UserRepository,
    private readonly subjects: OpinionSubjects,
    private readonly completions: CompletionVariables,
    private readonly trail: AuditTrail,
  ) {}

  onModuleInit(): void {
    this.subjects.onWritten((tx, opinion) => this.signIfSignOff(tx, opinion));
    this.completions.register(async (tx, instance) => {
      // the 公文 an instance handles is in its reserved variables: an instance without one costs no statement
      const variables = processVariables(readState(instance.state));
      if (variables['direction'] !== 'outgoing' || typeof variables['documentId'] !== 'string') return {};
      const state = await this.signatures.signedState(variables['documentId'], tx.manager);
      if (!state) return {};
      const changed = state.signedDigest !== state.currentDigest;
      // 复审 is the signer's (条例 第二十五条): with no 签发人 named, the 签发 went to the leaders' group and one took it
      const issuer = variables['issuer'];
      const named = typeof issuer === 'string' && issuer !== '';
      return { signedVersionChanged: changed, ...(changed && !named ? { issuer: state.signedBy } : {}) };
    });
  }

  private async signIfSignOff(tx: Tx, opinion: WrittenOpinion): Promise<void> {
    if (opinion.kind !== SIGN_OFF || !opinion.documentId || !opinion.documentDigest) return;
    const row: Omit<DocumentSignatureRow, 'algorithm' | 'keyId' | 'signature'> = {
      id: newId(),
      documentId: opinion.documentId,
      instanceId: opinion.instanceId,
      opinionId: opinion.id,
      signer: opinion.author,
      onBehalfOf: opinion.onBehalfOf,
      signedAt: opinion.createdAt.getTime(),
      versionDigest: opinion.documentDigest,
    };
    const value = await this.signer.sign(tx, opinion.author, signedMessage(row, opinion.text));
    await this.signatures.insert({ ...row, ...value }, tx.manager);
    this.trail.record(
      tx,
      { actor: opinion.author, roles: [], ip: null, userAgent: null },
      {
        type: 'document.sign',
        targetType: 'document',
        targetId: opinion.documentId,
        details: {
          signatureId: row.id,
          keyId: value.keyId,
          algorithm: value.algorithm,
          versionDigest: row.versionDigest,
          onBehalfOf: row.onBehalfOf,
        },
      },
    );
  }

  /** GET /documents/:id/signatures: for whoever may read the document; each signature verified now. */
  async list(id: string, user: SessionUser): Promise<DocumentSignatureList> {
    return this.verified(await this.access.readable(user, id));
  }

  /** A document's signatures, each verified now, for a reader the caller has checked (the 处理单 PDF). */
  async verified(doc: Pick<DocumentEntity, 'id' | 'digest'>): Promise<DocumentSignatureList> {
    const id = doc.id;
    const rows = await this.signatures.ofDocument(id);
    const opinions = await this.signatures.opinions(rows.map((r) => r.opinionId));
    const people = [...new Set(rows.flatMap((r) => (r.onBehalfOf ? [r.signer, r.onBehalfOf] : [r.signer])))];
    const names = new Map((await this.users.findByUsernames(people)).map((u) => [u.username, u.displayName]));
    const items = [];
    for (const r of rows) items.push({ ...view(r, names, doc.digest), valid: await this.verifyOne(r, opinions.get(r.opinionId)) });
    return { items };
  }

  /**
   * Valid when the opinion it covers is still there as written (its text, its author, the version
   * it was given on) and the signature over them is the signer's own key's.
   */
  private async verifyOne(
    r: DocumentSignatureRow,
    opinion: { text: string; author: string; documentDigest: string | null } | undefined,
  ): Promise<boolean> {
    if (!opinion || opinion.author !== r.signer || opinion.documentDigest !== r.versionDigest) return false;
    if ((await this.signer.holderOf(r.keyId)) !== r.signer) return false;
    return this.signer.verify(signedMessage(r, opinion.text), r);
  }
}

function view(r: DocumentSignatureRow, names: Map<string, string>, currentDigest: string) {
  return {
    id: r.id,
    signer: r.signer,
    signerName: names.get(r.signer) ?? r.signer,
    onBehalfOf: r.onBehalfOf,
    onBehalfOfName: r.onBehalfOf ? (names.get(r.onBehalfOf) ?? r.onBehalfOf) : null,
    signedAt: new Date(r.signedAt).toISOString(),
    versionDigest: r.versionDigest,
    current: r.versionDigest === currentDigest,
    algorithm: r.algorithm,
  };
}
