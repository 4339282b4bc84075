import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { batchStatements, enqueue } from '../../src/platform/database/statement-batch';
import { sql } from '../../src/platform/database/table';
import { TransactionRunner } from '../../src/platform/database/transaction-runner';
import { createMigratedDatabase, TEST_TARGET } from '../support/test-env';

/**
 * Queued statements (statement-batch.ts) keep their order and their meaning: a unit reads what it
 * queued, a failed check rolls the unit back before the commit, a rollback sends nothing queued.
 * On MariaDB they also go out in fewer round trips; on SQLite they simply run at once.
 */
describe(`statement batches on ${TEST_TARGET === 'production' ? 'MariaDB' : 'SQLite'} (medium)`, () => {
  let db: Awaited<ReturnType<typeof createMigratedDatabase>>;
  let ds: DataSource;
  let units: TransactionRunner;
  const mariadb = TEST_TARGET === 'production';

  beforeAll(async () => {
    db = await createMigratedDatabase();
    ds = db.ds;
    units = new TransactionRunner(ds);
  });
  afterAll(() => db.dispose());

  const insert = (m: EntityManager, id: string, then?: Parameters<typeof enqueue>[3]) =>
    enqueue(m, 'INSERT INTO deployment (id, xml, deployed_by, deployed_at) VALUES (?, ?, ?, ?)', [id, '<x/>', 'test', '2026-01-01 00:00:00.000'], then);
  const exists = async (id: string) => (await ds.query('SELECT id FROM deployment WHERE id = ?', [id])).length === 1;

  /** A MySQL transaction's runner with batching, counting what reaches the driver. */
  async function counted(): Promise<{ runner: QueryRunner; sent: string[] }> {
    const runner = ds.createQueryRunner();
    const sent: string[] = [];
    const send = runner.query.bind(runner);
    runner.query = ((text: string, ...rest: unknown[]) => {
      sent.push(text);
      return (send as (...a: unknown[]) => Promise<unknown>)(text, ...rest);
    }) as QueryRunner['query'];
    batchStatements(runner);
    await runner.startTransaction();
    return { runner, sent };
  }

  it('should let a unit read the rows it queued, in order, and commit them', async () => {
    // when a unit queues two inserts and then reads
    const seen = await units.run(async (tx) => {
      await insert(tx.manager, 'b1aaaaaaaaaaaaaaaaaaaaaaaa');
      await insert(tx.manager, 'b2aaaaaaaaaaaaaaaaaaaaaaaa');
      return (await sql(tx.manager, "SELECT id FROM deployment WHERE id LIKE 'b_aaaa%' ORDER BY id")).records.map((r) => r.id);
    });
    // then the read saw both, and both were committed
    expect(seen).toEqual(['b1aaaaaaaaaaaaaaaaaaaaaaaa', 'b2aaaaaaaaaaaaaaaaaaaaaaaa']);
    expect([await exists('b1aaaaaaaaaaaaaaaaaaaaaaaa'), await exists('b2aaaaaaaaaaaaaaaaaaaaaaaa')]).toEqual([true, true]);
  });

  it('should roll the unit back when a queued statement fails its check, before anything is committed', async () => {
    // when the last queued write reports a result its check refuses
    const outcome = await units
      .run(async (tx) => {
        await insert(tx.manager, 'b3aaaaaaaaaaaaaaaaaaaaaaaa');
        await enqueue(tx.manager, "UPDATE deployment SET deployed_by = 'x' WHERE id = ?", ['no-such-row'], ({ affected }) => {
          if (affected !== 1) throw new Error(`touched ${affected} rows`);
        });
      })
      .catch((e: Error) => e.message);
    // then the unit failed and its first write is gone too
    expect(outcome).toBe('touched 0 rows');
    expect(await exists('b3aaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
  });

  (mariadb ? it : it.skip)('should send queued statements with the next one, in one round trip, and check them before COMMIT', async () => {
    // given
    const { runner, sent } = await counted();
    let inserted = -1;
    // when two writes are queued, a read follows, then the unit commits
    await insert(runner.manager, 'b4aaaaaaaaaaaaaaaaaaaaaaaa', ({ affected }) => (inserted = affected));
    await insert(runner.manager, 'b5aaaaaaaaaaaaaaaaaaaaaaaa');
    const rows = (await sql(runner.manager, "SELECT COUNT(*) AS n FROM deployment WHERE id IN ('b4aaaaaaaaaaaaaaaaaaaaaaaa', 'b5aaaaaaaaaaaaaaaaaaaaaaaa')")).records;
    await insert(runner.manager, 'b6aaaaaaaaaaaaaaaaaaaaaaaa');
    await runner.commitTransaction();
    await runner.release();
    // then START + both writes + the read went as one packet, the last write alone before COMMIT
    expect(sent).toHaveLength(3);
    expect(sent[0].split(';\n').map((s) => s.split(' ')[0])).toEqual(['START', 'INSERT', 'INSERT', 'SELECT']);
    expect(sent.slice(1).map((s) => s.split(' ')[0])).toEqual(['INSERT', 'COMMIT']);
    expect([inserted, Number(rows[0].n)]).toEqual([1, 2]);
    expect(await exists('b6aaaaaaaaaaaaaaaaaaaaaaaa')).toBe(true);
  });

  (mariadb ? it : it.skip)('should send nothing at all for a unit that rolls back before anything was sent', async () => {
    // given
    const { runner, sent } = await counted();
    // when
    await insert(runner.manager, 'b7aaaaaaaaaaaaaaaaaaaaaaaa');
    await runner.rollbackTransaction();
    await runner.release();
    // then
    expect(sent).toEqual([]);
    expect(await exists('b7aaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
  });
});
