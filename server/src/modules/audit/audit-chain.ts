import type { Tx } from '../../platform/database/transaction-runner';
import { type AuditRow, chainHash } from './audit-event';

export const AUDIT_COLUMNS =
  'seq, id, at, actor, roles, ip, user_agent, event_type, target_type, target_id, result, error_code, details, hash' as const;

const ROW_SLOTS = `(${'?, '.repeat(13)}?)`;

/** A row's values in {@link AUDIT_COLUMNS} order. */
function valuesOf(r: AuditRow): unknown[] {
  return [
    r.seq,
    r.id,
    r.at,
    r.actor,
    r.roles,
    r.ip,
    r.userAgent,
    r.eventType,
    r.targetType,
    r.targetId,
    r.result,
    r.errorCode,
    r.details,
    r.hash,
  ];
}

/**
 * Appends a unit's events to the one hash chain, inside the unit's transaction, just before its
 * COMMIT (Tx.beforeCommit). The chain's tail is the single row of `audit_chain_head`: it is read
 * FOR UPDATE on MySQL, so concurrent units append one after the other, each seeing the tail the
 * last one committed (on SQLite the runner already serializes writing units). The rows and the
 * new tail go out with the COMMIT, so the lock is held for one round trip, and a unit that rolls
 * back leaves neither its change nor its events.
 *
 * The head is always the last lock a unit takes, and nothing waits on another lock while
 * holding it, so it joins no deadlock cycle.
 */
export async function appendToChain(tx: Tx, rows: Omit<AuditRow, 'seq' | 'hash'>[]): Promise<AuditRow[]> {
  if (!rows.length) return [];
  const lock = tx.dialect === 'mysql' ? ' FOR UPDATE' : '';
  const [head] = await tx.writes.flushWith({ text: `SELECT seq, hash FROM audit_chain_head WHERE id = 1${lock}`, params: [] });
  const tail = head.records[0];
  if (!tail) throw new Error('audit_chain_head has no row: the audit migration did not run');
  let seq = Number(tail.seq);
  let hash = String(tail.hash);
  const chained: AuditRow[] = rows.map((row) => {
    seq += 1;
    const withSeq = { ...row, seq };
    hash = chainHash(hash, withSeq);
    return { ...withSeq, hash };
  });
  // 100 rows to a statement: SQLite binds at most 32766 parameters
  for (let i = 0; i < chained.length; i += 100) {
    const part = chained.slice(i, i + 100);
    tx.writes.add(`INSERT INTO audit_event (${AUDIT_COLUMNS}) VALUES ${part.map(() => ROW_SLOTS).join(', ')}`, part.flatMap(valuesOf));
  }
  tx.writes.add('UPDATE audit_chain_head SET seq = ?, hash = ? WHERE id = 1', [seq, hash]);
  return chained;
}
