import { DataSource } from 'typeorm';
import { ConcurrencyConflict, TransactionRunner } from '../../src/platform/database/transaction-runner';
import { createMigratedDatabase, TEST_TARGET } from '../support/test-env';

/**
 * Why the transaction helper exists. On SQLite, TypeORM's better-sqlite3 driver hands every
 * caller the SAME query runner, so a second concurrent `dataSource.transaction()` becomes a
 * SAVEPOINT inside the first: when the first rolls back, the second's committed work goes too.
 */
describe(`transaction runner on ${TEST_TARGET === 'production' ? 'MariaDB' : 'SQLite'} (medium)`, () => {
  let db: Awaited<ReturnType<typeof createMigratedDatabase>>;
  let ds: DataSource;
  let runner: TransactionRunner;

  beforeAll(async () => {
    db = await createMigratedDatabase();
    ds = db.ds;
    runner = new TransactionRunner(ds);
  });
  afterAll(() => db.dispose());

  const insert = (m: { query: DataSource['query'] }, id: string) =>
    m.query('INSERT INTO deployment (id, xml, deployed_by, deployed_at) VALUES (?, ?, ?, ?)', [
      id,
      '<x/>',
      'test',
      '2026-01-01 00:00:00.000',
    ]);
  const exists = async (id: string) => (await ds.query('SELECT id FROM deployment WHERE id = ?', [id])).length === 1;
  /** Two units at once: the first writes, waits for the second to have committed, then fails. */
  async function interleave(
    first: (work: (m: any) => Promise<void>) => Promise<unknown>,
    second: (work: (m: any) => Promise<void>) => Promise<unknown>,
    ids: [string, string],
  ) {
    let secondDone!: () => void;
    const secondCommitted = new Promise<void>((r) => (secondDone = r));
    const a = first(async (m) => {
      await insert(m, ids[0]);
      await Promise.race([secondCommitted, new Promise((r) => setTimeout(r, 300))]);
      throw new Error('first unit fails');
    }).catch(() => 'rolled back');
    const b = second(async (m) => insert(m, ids[1])).then(
      () => secondDone(),
      (e: Error) => `second failed: ${e.message}`,
    );
    return Promise.all([a, b]);
  }

  (TEST_TARGET === 'production' ? it : it.skip)(
    'should run every unit at READ COMMITTED, on new and reused pooled connections',
    async () => {
      // given more concurrent units than one connection, so the pool opens several and reuses them
      const levels = await Promise.all(
        Array.from({ length: 8 }, () =>
          runner.run(async (tx) => (await tx.manager.query('SELECT @@tx_isolation AS level'))[0].level as string),
        ),
      );
      const again = await runner.run(async (tx) => (await tx.manager.query('SELECT @@tx_isolation AS level'))[0].level as string);
      // then each of them ran at READ COMMITTED, not the server's default REPEATABLE READ
      expect(new Set([...levels, again])).toEqual(new Set(['READ-COMMITTED']));
    },
  );

  it('should keep concurrent units apart when the first one rolls back', async () => {
    // when
    await interleave(
      (w) => runner.run((tx) => w(tx.manager)),
      (w) => runner.run((tx) => w(tx.manager)),
      ['r1aaaaaaaaaaaaaaaaaaaaaaaa', 'r2aaaaaaaaaaaaaaaaaaaaaaaa'],
    );
    // then the failed unit left nothing and the other one's row is there
    expect(await exists('r1aaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
    expect(await exists('r2aaaaaaaaaaaaaaaaaaaaaaaa')).toBe(true);
  });

  (TEST_TARGET === 'production' ? it.skip : it)(
    'should show the hazard without it: a concurrent dataSource.transaction() shares the SQLite connection',
    async () => {
      // when the same two units run on plain dataSource.transaction()
      const [, second] = await interleave(
        (w) => ds.transaction(w),
        (w) => ds.transaction(w),
        ['p1aaaaaaaaaaaaaaaaaaaaaaaa', 'p2aaaaaaaaaaaaaaaaaaaaaaaa'],
      );
      // then the second unit's work is not its own: it was rolled back with the first, or it failed
      expect(await exists('p1aaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
      expect(second === undefined && (await exists('p2aaaaaaaaaaaaaaaaaaaaaaaa'))).toBe(false);
    },
  );

  it('should run a unit again when it lost a race, and give up after a bounded number of tries', async () => {
    // given
    let attempts = 0;
    // when
    const result = await runner.run(async () => {
      attempts += 1;
      if (attempts < 3) throw new ConcurrencyConflict('lost');
      return 'done';
    });
    // then
    expect([result, attempts]).toEqual(['done', 3]);
    let forever = 0;
    await expect(
      runner.run(async () => {
        forever += 1;
        throw new ConcurrencyConflict('always lost');
      }),
    ).rejects.toThrow('always lost');
    expect(forever).toBe(6);
  });
});
