import { chainLink } from '../../platform/crypto/record-chain';
import type { HistoryEventEntity, InstanceEntity } from './instance.entity';

/** The canonical form of a history row: every column but the hash, as stored (`at` in epoch ms). */
export function historyCanonical(r: Omit<HistoryEventEntity, 'hash'>): unknown[] {
  return [r.instanceId, r.seq, r.type, r.elementId, r.actor, r.at.getTime(), r.details];
}

/**
 * Chains new history rows of an instance onto its last link, in memory: the instance row is
 * locked by the unit (the one guard) and carries the last link's hash, so no read is needed.
 */
export function chainHistory(instance: InstanceEntity, rows: HistoryEventEntity[]): void {
  let previous = instance.historyHash ?? null;
  for (const row of rows) {
    row.hash = chainLink(previous, historyCanonical(row));
    previous = row.hash;
  }
  instance.historyHash = previous;
}
