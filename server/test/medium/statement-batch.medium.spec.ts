import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { InstanceEntity } from '../../src/modules/runtime/instance.entity';
import { InstanceRepository } from '../../src/modules/runtime/instance.repository';
import { batchStatements, enqueue } from '../../src/platform/database/statement-batch';
import { sql, Tables } from '../../src/platform/database/table';
import { ConcurrencyConflict, TransactionRunner } from '../../src/platform/database/transaction-runner';
import { createMigratedDatabase, TEST_TARGET } from '../support/test-env';

/**
 * Queued statements (statement-batch.ts) keep their order and their meaning: a unit reads what it
 * queued, a failed check rolls the unit back before the commit, a rollback sends nothing queued.
 * On MariaDB they also go out in fewer round trips, the COMMIT with the last writes when their
 * checks are the statements' own; on SQLite they simply run at once.
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
    enqueue(
      m,
      'INSERT INTO deployment (id, xml, deployed_by, deployed_at) VALUES (?, ?, ?, ?)',
      [id, '<x/>', 'test', '2026-01-01 00:00:00.000'],
      then,
    );
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

  (mariadb ? it : it.skip)(
    'should send queued statements with the next one, in one round trip, and the last ones with the COMMIT',
    async () => {
      // given
      const { runner, sent } = await counted();
      let inserted = -1;
      // when two writes are queued, a read follows, then a write, then the unit commits
      await insert(runner.manager, 'b4aaaaaaaaaaaaaaaaaaaaaaaa', ({ affected }) => (inserted = affected));
      await insert(runner.manager, 'b5aaaaaaaaaaaaaaaaaaaaaaaa');
      const rows = (
        await sql(
          runner.manager,
          "SELECT COUNT(*) AS n FROM deployment WHERE id IN ('b4aaaaaaaaaaaaaaaaaaaaaaaa', 'b5aaaaaaaaaaaaaaaaaaaaaaaa')",
        )
      ).records;
      await insert(runner.manager, 'b6aaaaaaaaaaaaaaaaaaaaaaaa');
      await runner.commitTransaction();
      await runner.release();
      // then START + both writes + the read went as one packet, the last write (it has no check) with the COMMIT
      expect(sent.map((s) => s.split(';\n').map((q) => q.split(' ')[0]))).toEqual([
        ['START', 'INSERT', 'INSERT', 'SELECT'],
        ['INSERT', 'COMMIT'],
      ]);
      expect([inserted, Number(rows[0].n)]).toEqual([1, 2]);
      expect(await exists('b6aaaaaaaaaaaaaaaaaaaaaaaa')).toBe(true);
    },
  );

  (mariadb ? it : it.skip)(
    'should run a check the statement does not enforce itself before the COMMIT, in a packet of its own',
    async () => {
      // given
      const { runner, sent } = await counted();
      let checked = -1;
      // when the last write has a check in code only
      await sql(runner.manager, 'SELECT 1');
      await insert(runner.manager, 'b8aaaaaaaaaaaaaaaaaaaaaaaa', ({ affected }) => (checked = affected));
      await runner.commitTransaction();
      await runner.release();
      // then it went out and was checked before the COMMIT was sent
      expect(sent.map((s) => s.split(';\n').map((q) => q.split(' ')[0]))).toEqual([['START', 'SELECT'], ['INSERT'], ['COMMIT']]);
      expect(checked).toBe(1);
    },
  );

  (mariadb ? it : it.skip)(
    'should not commit when a guarded check fails in SQL in the COMMIT packet, and name the error it guards',
    async () => {
      // given a unit whose last statement fails exactly when its check would (NULL into a NOT NULL column)
      const { runner, sent } = await counted();
      const moved = new Error('moved');
      await sql(runner.manager, 'SELECT 1');
      await insert(runner.manager, 'b9aaaaaaaaaaaaaaaaaaaaaaaa');
      await enqueue(
        runner.manager,
        "UPDATE deployment SET deployed_by = CASE WHEN deployed_by = 'nobody' THEN 'x' END WHERE id = ?",
        ['b9aaaaaaaaaaaaaaaaaaaaaaaa'],
        ({ affected }) => {
          if (affected !== 1) throw moved;
        },
        (e) => ((e as { driverError?: { errno?: number } }).driverError?.errno === 1048 ? moved : undefined),
      );
      // when the unit commits
      const outcome = await runner.commitTransaction().catch((e: Error) => e);
      await runner.rollbackTransaction();
      await runner.release();
      // then the COMMIT rode in the packet, the server stopped before it, and nothing is in
      expect(sent[1].split(';\n').map((q) => q.split(' ')[0])).toEqual(['INSERT', 'UPDATE', 'COMMIT']);
      expect(outcome).toBe(moved);
      expect(await exists('b9aaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
    },
  );

  it('should roll back and retry a unit whose instance version moved, and write the next version when it has not', async () => {
    // given an instance at version 0
    const instances = new InstanceRepository(ds, new Tables(ds));
    const id = 'b0instanceaaaaaaaaaaaaaaaa';
    await units.run((tx) =>
      instances.insert(
        InstanceEntity.starting({ id, definitionId: 'b0definitionaaaaaaaaaaaaaa', definitionKey: 'batch', definitionVersion: 1 }),
        tx.manager,
      ),
    );
    // when a unit expects a version the row no longer has (another writer's), next to a write of its own
    let attempts = 0;
    const outcome = await units
      .run(async (tx) => {
        attempts += 1;
        const row = await instances.lock(id, tx);
        await insert(tx.manager, 'baaaaaaaaaaaaaaaaaaaaaaaaa');
        row.version = 8;
        await instances.update(row, 7, tx.manager);
      })
      .catch((e: Error) => e);
    // then every attempt lost the race and rolled back: nothing of it is in
    expect(outcome).toBeInstanceOf(ConcurrencyConflict);
    expect(attempts).toBeGreaterThan(1);
    expect(await exists('baaaaaaaaaaaaaaaaaaaaaaaaa')).toBe(false);
    expect((await instances.findById(id))?.version).toBe(0);
    // when the version is the row's
    await units.run(async (tx) => {
      const row = await instances.lock(id, tx);
      row.version = 1;
      await instances.update(row, 0, tx.manager);
    });
    // then
    expect((await instances.findById(id))?.version).toBe(1);
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
