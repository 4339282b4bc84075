import { AUDIT_COLUMNS } from '../../src/modules/audit/audit-chain';
import { chainHash, GENESIS_HASH } from '../../src/modules/audit/audit-event';
import { rowFrom } from '../../src/modules/audit/audit.repository';
import { TransactionRunner } from '../../src/platform/database/transaction-runner';
import type { TestServer } from './test-server';

/**
 * Makes the audit events up to `upToSeq` look recorded `daysAgo` days ago (one ms apart, in seq
 * order) and re-chains every event after the last anchor, head included, as if they had been
 * written then: the way a test gets events older than the retention period without a clock that
 * runs for months. In one unit holding the chain's head lock, so nothing appends meanwhile.
 */
export async function backdateAuditEvents(server: TestServer, upToSeq: number, daysAgo: number): Promise<void> {
  const base = Date.now() - daysAgo * 86_400_000;
  await server.app.get(TransactionRunner).run(async (tx) => {
    const m = tx.manager;
    const lock = tx.dialect === 'mysql' ? ' FOR UPDATE' : '';
    await m.query(`SELECT seq FROM audit_chain_head WHERE id = 1${lock}`);
    const [anchor] = (await m.query('SELECT seq, hash FROM audit_anchor ORDER BY seq DESC LIMIT 1')) as { seq: number; hash: string }[];
    let previous = anchor ? String(anchor.hash) : GENESIS_HASH;
    const rows = (
      (await m.query(`SELECT ${AUDIT_COLUMNS} FROM audit_event WHERE seq > ? ORDER BY seq`, [Number(anchor?.seq ?? 0)])) as Record<
        string,
        unknown
      >[]
    ).map(rowFrom);
    for (const row of rows) {
      const { hash: _old, ...rest } = row;
      if (rest.seq <= upToSeq) rest.at = base + rest.seq;
      previous = chainHash(previous, rest);
      await m.query('UPDATE audit_event SET at = ?, hash = ? WHERE seq = ?', [rest.at, previous, rest.seq]);
    }
    await m.query('UPDATE audit_chain_head SET hash = ? WHERE id = 1', [previous]);
  });
}
