import { Injectable } from '@nestjs/common';
import type { RecordVerification, SessionUser } from '@liuzhuan/contracts';
import { type BrokenLink, ChainWalk } from '../../platform/crypto/record-chain';
import { historyCanonical, InstanceAccess, type InstanceEntity, InstanceRepository } from '../runtime/runtime.api';
import { ApprovalsRepository } from './approvals.repository';
import { opinionCanonical } from './opinion-chain';

/** History rows read per round trip while verifying. */
const PAGE = 1000;

/** Whether the user is the 安全审计员, who verifies any record (the answer holds no content). */
export const isAuditor = (user: SessionUser) => user.roles.includes('auditor');

/**
 * Verifies an instance's business record: its history events and its opinions, each an SM3
 * chain per instance (history-chain.ts, opinion-chain.ts), recomputed from the stored rows at
 * every call. The instance row is read first: rows appended while it runs lie past its heads
 * and are left for the next call.
 */
@Injectable()
export class RecordVerifier {
  constructor(
    private readonly instances: InstanceRepository,
    private readonly access: InstanceAccess,
    private readonly approvals: ApprovalsRepository,
  ) {}

  /** For whoever may read the instance (its metadata is enough), and the auditor; 404 otherwise. */
  async verifyInstance(id: string, user: SessionUser): Promise<RecordVerification> {
    // the auditor's read skips the part check; anyone else (and an unknown id) gets the readers' answer, 404 included
    const row = (isAuditor(user) && (await this.instances.findById(id))) || (await this.access.readable(user, id));
    const history = await this.walkHistory(row);
    const opinions = history.broken ? null : await this.walkOpinions(row);
    const broken: RecordVerification['firstBroken'] = history.broken
      ? { kind: 'history', id: row.id, seq: history.broken.seq }
      : opinions?.broken
        ? link('opinion', opinions.broken, row.id)
        : undefined;
    return {
      ok: !broken,
      checked: history.checked + (opinions?.checked ?? 0),
      legacy: history.legacy + (opinions?.legacy ?? 0),
      ...(broken ? { firstBroken: broken } : {}),
    };
  }

  private async walkHistory(row: InstanceEntity): Promise<ChainWalk> {
    const walk = new ChainWalk();
    for (let after = 0; ; ) {
      const rows = await this.instances.historyPage(row.id, after, row.historySeq, PAGE);
      for (const r of rows) if (!walk.step(r.seq, r.hash, () => historyCanonical(r))) break;
      if (walk.broken || rows.length < PAGE) break;
      after = rows[rows.length - 1].seq;
    }
    walk.end(row.historySeq, row.historyHash);
    return walk;
  }

  private async walkOpinions(row: InstanceEntity): Promise<ChainWalk> {
    const walk = new ChainWalk();
    // legacy opinions (no seq) first, in the order they were written; then the chain by position
    const rows = (await this.approvals.opinionsOf(row.id)).filter((o) => o.seq === null || o.seq <= row.opinionSeq);
    const ordered = [
      ...rows.filter((o) => o.seq === null),
      ...rows.filter((o) => o.seq !== null).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)),
    ];
    let lastId: string | undefined;
    for (const o of ordered) {
      if (!walk.step(o.seq, o.hash, () => opinionCanonical(o), o.id)) break;
      lastId = o.id;
    }
    walk.end(row.opinionSeq, row.opinionHash, lastId);
    return walk;
  }
}

const link = (kind: 'opinion', broken: BrokenLink, instanceId: string) => ({ kind, id: broken.id ?? instanceId, seq: broken.seq });
