import type { DataSource } from 'typeorm';
import { InstanceEntity } from '../../src/modules/runtime/instance.entity';
import { InstanceRepository } from '../../src/modules/runtime/instance.repository';
import { Tables } from '../../src/platform/database/table';
import { TransactionRunner } from '../../src/platform/database/transaction-runner';
import { createMigratedDatabase, TEST_TARGET } from '../support/test-env';

/**
 * The single guard and the explicit write batch (write-batch.ts, transaction-runner.ts): a unit's
 * batched writes go out with its COMMIT — on MariaDB in the same packet — or ahead of a read that
 * needs them; a second writer of an instance waits on its row lock and then sees the first one's
 * state; nothing of a failed unit is committed.
 */
describe(`write batch and instance lock on ${TEST_TARGET === 'production' ? 'MariaDB' : 'SQLite'} (medium)`, () => {
  let db: Awaited<ReturnType<typeof createMigratedDatabase>>;
  let ds: DataSource;
  let units: TransactionRunner;
  let instances: InstanceRepository;
  const mariadb = TEST_TARGET === 'production';

  beforeAll(async () => {
    db = await createMigratedDatabase();
    ds = db.ds;
    units = new TransactionRunner(ds);
    instances = new InstanceRepository(ds, new Tables(ds));
  });
  afterAll(() => db.dispose());

  const insertText = 'INSERT INTO deployment (id, xml, deployed_by, deployed_at) VALUES (?, ?, ?, ?)';
  const row = (id: string) => [id, '<x/>', 'test', '2026-01-01 00:00:00.000'];
  const exists = async (id: string) => (await ds.query('SELECT id FROM deployment WHERE id = ?', [id])).length === 1;
  const newInstance = async (id: string) => {
    await units.run(async (tx) =>
      instances.insert(
        InstanceEntity.starting({ id, definitionId: 'w0definitionaaaaaaaaaaaaaa', definitionKey: 'batch', definitionVersion: 1 }),
        tx.writes,
      ),
    );
  };

  /** What reaches the driver while `work` runs, one entry per round trip (every query goes through QueryRunner.query). */
  async function packets<T>(work: () => Promise<T>): Promise<{ result: T; sent: string[][] }> {
    const probe = ds.createQueryRunner();
    const proto = Object.getPrototypeOf(probe) as { query: (...args: unknown[]) => Promise<unknown> };
    await probe.release();
    const original = proto.query;
    const sent: string[][] = [];
    proto.query = function (this: unknown, ...args: unknown[]) {
      sent.push(
        String(args[0])
          .split(';\n')
          .map((q) => q.split(' ')[0]),
      );
      return original.apply(this, args);
    };
    try {
      return { result: await work(), sent };
    } finally {
      proto.query = original;
    }
  }

  it('should send nothing of the batch before the unit ends, and commit all of it with the unit', async () => {
    // given a unit that adds two writes and reads before it ends
    const { result: seenBefore, sent } = await packets(() =>
      units.run(async (tx) => {
        tx.writes.add(insertText, row('w1aaaaaaaaaaaaaaaaaaaaaaaa'));
        tx.writes.add(insertText, row('w2aaaaaaaaaaaaaaaaaaaaaaaa'));
        const before = await tx.manager.query("SELECT id FROM deployment WHERE id LIKE 'w_aaaa%'");
        return before.length as number;
      }),
    );
    // then the read ran before them, and both were committed with the unit
    expect(seenBefore).toBe(0);
    expect([await exists('w1aaaaaaaaaaaaaaaaaaaaaaaa'), await exists('w2aaaaaaaaaaaaaaaaaaaaaaaa')]).toEqual([true, true]);
    // on MariaDB: the writes rode in the COMMIT's packet
    if (mariadb) expect(sent.slice(-2)).toEqual([['SELECT'], ['INSERT', 'INSERT', 'COMMIT']]);
  });

  it('should send what waits ahead of a read that needs it, in its round trip, and return that read', async () => {
    // given an instance, and a unit that batches a new state for it
    const id = 'w3instanceaaaaaaaaaaaaaaaa';
    await newInstance(id);
    const { result: seen, sent } = await packets(() =>
      units.run(async (tx) => {
        const first = await instances.lock(id, tx);
        Object.assign(first, { state: '{"seen":1}', version: first.version + 1 });
        instances.update(first, tx.writes);
        // when the same unit locks the instance again (a second command on it)
        return instances.lock(id, tx);
      }),
    );
    // then the second read saw the first's write, sent in the same packet just ahead of it
    expect([seen.state, seen.version]).toEqual(['{"seen":1}', 1]);
    if (mariadb) expect(sent.slice(-3)).toEqual([['SELECT'], ['UPDATE', 'SELECT'], ['COMMIT']]);
  });

  it('should make a second writer of an instance wait for the lock, then read the state the first one committed', async () => {
    // given an instance, and a unit that locks it and takes its time before it writes and commits
    const id = 'w4instanceaaaaaaaaaaaaaaaa';
    await newInstance(id);
    let firstLocked!: () => void;
    const locked = new Promise<void>((r) => (firstLocked = r));
    let firstWroteAt = 0;
    const first = units.run(async (tx) => {
      const r = await instances.lock(id, tx);
      firstLocked();
      await new Promise((resolve) => setTimeout(resolve, 300));
      Object.assign(r, { state: '{"by":"first"}', version: r.version + 1 });
      instances.update(r, tx.writes);
      // its COMMIT goes out after this moment, with the update
      firstWroteAt = Date.now();
    });
    // when a second unit locks the same instance meanwhile
    await locked;
    const second = await units.run(async (tx) => {
      const r = await instances.lock(id, tx);
      return { state: r.state, version: r.version, at: Date.now() };
    });
    await first;
    // then it got the row only once the first was committing, and read the first one's state
    expect([second.state, second.version]).toEqual(['{"by":"first"}', 1]);
    expect(firstWroteAt).toBeGreaterThan(0);
    expect(second.at).toBeGreaterThanOrEqual(firstWroteAt);
  });

  it('should commit nothing of a unit that fails after it wrote and batched', async () => {
    // given a unit that writes now, batches another write, then fails
    const outcome = await units
      .run(async (tx) => {
        await tx.manager.query(insertText, row('w5aaaaaaaaaaaaaaaaaaaaaaaa'));
        tx.writes.add(insertText, row('w6aaaaaaaaaaaaaaaaaaaaaaaa'));
        throw new Error('the unit fails');
      })
      .catch((e: Error) => e.message);
    // then neither write is in
    expect(outcome).toBe('the unit fails');
    expect([await exists('w5aaaaaaaaaaaaaaaaaaaaaaaa'), await exists('w6aaaaaaaaaaaaaaaaaaaaaaaa')]).toEqual([false, false]);
  });

  it('should commit nothing of a unit whose batched write fails with its COMMIT', async () => {
    // given a row that is there already
    await units.run(async (tx) => tx.writes.add(insertText, row('w7aaaaaaaaaaaaaaaaaaaaaaaa')));
    // when a unit writes now, then batches a new row and a duplicate of that one
    const outcome = await units
      .run(async (tx) => {
        await tx.manager.query(insertText, row('w8aaaaaaaaaaaaaaaaaaaaaaaa'));
        tx.writes.add(insertText, row('w9aaaaaaaaaaaaaaaaaaaaaaaa'));
        tx.writes.add(insertText, row('w7aaaaaaaaaaaaaaaaaaaaaaaa'));
      })
      .then(
        () => 'committed',
        () => 'failed',
      );
    // then the unit failed and none of its writes is in (the server stopped before the COMMIT)
    expect(outcome).toBe('failed');
    expect([await exists('w8aaaaaaaaaaaaaaaaaaaaaaaa'), await exists('w9aaaaaaaaaaaaaaaaaaaaaaaa')]).toEqual([false, false]);
  });
});
