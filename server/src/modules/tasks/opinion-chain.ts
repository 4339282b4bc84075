import { chainLink } from '../../platform/crypto/record-chain';
import type { OpinionEntity } from './opinion.entity';

/** The canonical form of an opinion: every column but the hash, as stored (`createdAt` in epoch ms, `approve` as a boolean or null). */
export function opinionCanonical(r: Omit<OpinionEntity, 'hash'>): unknown[] {
  return [
    r.id,
    r.instanceId,
    r.seq,
    r.taskId,
    r.elementId,
    r.author,
    r.onBehalfOf,
    r.kind,
    r.text,
    r.approve === null || r.approve === undefined ? null : Boolean(r.approve),
    r.documentId,
    r.documentDigest,
    r.createdAt.getTime(),
  ];
}

/** The hash of an opinion's link: SM3(the previous opinion's hash of the instance ‖ its canonical form). */
export function opinionHash(previous: string | null, r: Omit<OpinionEntity, 'hash'>): string {
  return chainLink(previous, opinionCanonical(r));
}
