import type { SessionUser } from '@liuzhuan/contracts';
import type { DataSource } from 'typeorm';
import { AuditTrail, SYSTEM_AUDIT } from '../../src/modules/audit/audit.api';
import { AuditAccess } from '../../src/modules/audit/audit-access';
import { AuditArchiveRepository } from '../../src/modules/audit/audit-archive.repository';
import { AuditReader } from '../../src/modules/audit/audit-reader.service';
import { AuditRepository } from '../../src/modules/audit/audit.repository';
import { AuditNames } from '../../src/modules/audit/audit-names';
import { ConcurrencyConflict, TransactionRunner } from '../../src/platform/database/transaction-runner';
import { createMigratedDatabase, TEST_TARGET } from '../support/test-env';

/**
 * The audit chain on the real database: an event is committed with its unit or not at all, and
 * concurrent writers (pooled connections on MariaDB) keep one chain without a gap.
 */
describe(`audit chain on ${TEST_TARGET === 'production' ? 'MariaDB' : 'SQLite'} (medium)`, () => {
  let db: Awaited<ReturnType<typeof createMigratedDatabase>>;
  let ds: DataSource;
  let runner: TransactionRunner;
  let trail: AuditTrail;
  let reader: AuditReader;
  const auditor = { username: 'auditor', roles: ['auditor'] } as unknown as SessionUser;
  const context = { actor: 'medium', roles: ['clerk'], ip: '10.0.0.1', userAgent: 'jest' };

  beforeAll(async () => {
    db = await createMigratedDatabase();
    ds = db.ds;
    runner = new TransactionRunner(ds);
    trail = new AuditTrail(runner);
    reader = new AuditReader(new AuditRepository(ds), new AuditArchiveRepository(ds), trail, new AuditAccess(trail), new AuditNames(ds));
  });
  afterAll(() => db.dispose());

  const count = async (eventType: string) =>
    Number((await ds.query('SELECT COUNT(*) AS n FROM audit_event WHERE event_type = ?', [eventType]))[0].n);
  const insertDeployment = (m: { query: DataSource['query'] }, id: string) =>
    m.query('INSERT INTO deployment (id, xml, deployed_by, deployed_at) VALUES (?, ?, ?, ?)', [
      id,
      '<x/>',
      'test',
      '2026-01-01 00:00:00.000',
    ]);

  it('should leave neither the change nor its event when the unit fails after recording', async () => {
    // when a unit changes a row, records its event, then fails
    await expect(
      runner.run(async (tx) => {
        await insertDeployment(tx.manager, 'audit-rolled-back');
        trail.record(tx, context, { type: 'definition.deploy', targetType: 'deployment', targetId: 'audit-rolled-back' });
        throw new Error('the unit fails after the record call');
      }),
    ).rejects.toThrow('the unit fails after the record call');
    // then
    expect(await ds.query("SELECT id FROM deployment WHERE id = 'audit-rolled-back'")).toEqual([]);
    expect(await ds.query("SELECT seq FROM audit_event WHERE target_id = 'audit-rolled-back'")).toEqual([]);
    expect((await ds.query('SELECT seq FROM audit_chain_head'))[0].seq).toEqual(expect.anything());
    expect((await reader.verify(auditor, SYSTEM_AUDIT)).ok).toBe(true);
  });

  it('should write the event of a retried unit once, with the attempt that committed', async () => {
    // given a unit that loses a race on its first attempt, after recording
    let attempts = 0;
    await runner.run(async (tx) => {
      attempts += 1;
      await insertDeployment(tx.manager, `audit-retried-${attempts}`);
      trail.record(tx, context, { type: 'instance.cancel', targetType: 'deployment', targetId: `audit-retried-${attempts}` });
      if (attempts === 1) throw new ConcurrencyConflict('lost a race');
    });
    // then
    expect(attempts).toBe(2);
    expect(await ds.query("SELECT target_id FROM audit_event WHERE event_type = 'instance.cancel'")).toEqual([
      { target_id: 'audit-retried-2' },
    ]);
  });

  it('should keep one valid chain when 20 writers append 1,000 events at once', async () => {
    // given 20 concurrent writers, half recording alone and half inside a unit with a change
    const head = Number((await ds.query('SELECT seq FROM audit_chain_head WHERE id = 1'))[0].seq);
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, async (_, w) => {
        for (let i = 0; i < 50; i++) {
          const event = {
            type: 'auth.login.failure',
            targetType: 'user',
            targetId: `w${w}-${i}`,
            result: 'failure',
            details: { i },
          } as const;
          if (w % 2) await trail.recordAlone({ ...context, actor: `writer-${w}` }, event);
          else
            await runner.run(async (tx) => {
              await insertDeployment(tx.manager, `audit-w${w}-${i}`);
              trail.record(tx, { ...context, actor: `writer-${w}` }, event);
            });
        }
      }),
    );
    const elapsed = performance.now() - started;
    // when
    const result = await reader.verify(auditor, SYSTEM_AUDIT);
    // then
    expect(await count('auth.login.failure')).toBe(1000);
    expect(result).toEqual({ ok: true, checked: head + 1000, fromSeq: 1 });
    const seqs = (await ds.query('SELECT seq FROM audit_event ORDER BY seq')).map((r: { seq: unknown }) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    process.stdout.write(`audit chain: 1000 events by 20 writers in ${Math.round(elapsed)} ms (${TEST_TARGET})\n`);
  }, 120_000);

  it('should name an edited row, and a tail that no longer names the last row', async () => {
    // given
    const [row] = await ds.query('SELECT seq, id, actor FROM audit_event ORDER BY seq LIMIT 1 OFFSET 9');
    await ds.query("UPDATE audit_event SET actor = 'someone-else' WHERE seq = ?", [row.seq]);
    // when / then
    expect(await reader.verify(auditor, SYSTEM_AUDIT)).toEqual({
      ok: false,
      checked: 9,
      firstBrokenSeq: 10,
      firstBrokenId: row.id,
      fromSeq: 1,
    });
    await ds.query('UPDATE audit_event SET actor = ? WHERE seq = ?', [row.actor, row.seq]);
    const last = await reader.verify(auditor, SYSTEM_AUDIT);
    expect(last.ok).toBe(true);
    // the tail row removed: the head still counts it
    const [{ seq }] = await ds.query('SELECT seq FROM audit_chain_head WHERE id = 1');
    await ds.query('DELETE FROM audit_event WHERE seq = ?', [seq]);
    expect(await reader.verify(auditor, SYSTEM_AUDIT)).toEqual({
      ok: false,
      checked: Number(seq) - 1,
      firstBrokenSeq: Number(seq),
      fromSeq: 1,
    });
  });
});
