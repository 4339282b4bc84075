import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { backdateAuditEvents } from '../support/audit-backdate';
import { TestServer } from '../support/test-server';

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

describe('audit trail: retention, archiving and anchors (e2e)', () => {
  let server: TestServer;
  let auditor: string;
  let secadmin: string;
  let sysadmin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [auditor, secadmin, sysadmin] = await Promise.all(['auditor', 'secadmin', 'sysadmin'].map((u) => server.login(u)));
  });
  afterAll(() => server.stop());

  const db = () => server.app.get(DataSource);
  const count = async (where = '1 = 1', params: unknown[] = []) =>
    Number((await db().query(`SELECT COUNT(*) AS n FROM audit_event WHERE ${where}`, params))[0].n);
  const minSeq = async () => Number((await db().query('SELECT MIN(seq) AS s FROM audit_event'))[0].s);
  const archive = (before: string, token = auditor) => server.call('POST', '/api/audit/archive', { token, body: { before } });
  const verify = () => server.call('GET', '/api/audit/verify', { token: auditor });
  const anchors = async () => (await server.call('GET', '/api/audit/anchors', { token: auditor })).body.items as any[];
  const fileOf = (anchorId: string) => join(server.env.config.dataDir, 'files', 'audit-archive', `${anchorId}.jsonl`);
  const lastEvent = async (eventType: string) =>
    (await server.call('GET', `/api/audit/events?eventType=${eventType}&limit=1`, { token: auditor })).body.items[0];

  it('should refuse a cut-off that would archive an event younger than 180 days, with nothing changed', async () => {
    // given every event old enough but for the retention rule
    await backdateAuditEvents(server, await count(), 400);
    const before = await count();
    // when
    const young = await archive(daysAgo(179));
    const future = await archive(new Date(Date.now() + DAY).toISOString());
    // then
    expect([young.status, young.body.code, future.status, future.body.code]).toEqual([422, 'AUDIT_RETENTION', 422, 'AUDIT_RETENTION']);
    expect(young.body.details.retentionDays).toBe(180);
    expect(await anchors()).toEqual([]);
    expect(await minSeq()).toBe(1);
    expect(await count('seq <= ?', [before])).toBe(before);
    expect(await lastEvent('audit.archive')).toMatchObject({ result: 'failure', errorCode: 'AUDIT_RETENTION', actor: 'auditor' });
  });

  it('should refuse archiving and archive files to the security admin and the system admin, and record each refusal', async () => {
    // when
    const statuses = [
      (await archive(daysAgo(200), secadmin)).status,
      (await archive(daysAgo(200), sysadmin)).status,
      (await server.call('GET', '/api/audit/anchors/01m8f2cfmb4d8ms8m3thz4rak0/file', { token: secadmin })).status,
      (await server.call('GET', '/api/audit/anchors', { token: sysadmin })).status,
      (await server.call('GET', '/api/audit/anchors/01m8f2cfmb4d8ms8m3thz4rak0/verify', { token: sysadmin })).status,
      (await server.call('GET', '/api/audit/anchors', { token: secadmin })).status,
    ];
    // then the security admin may see the anchors (no content), nothing else
    expect(statuses).toEqual([403, 403, 403, 403, 403, 200]);
    expect(await anchors()).toEqual([]);
    const denied = (await server.call('GET', '/api/audit/events?eventType=audit.access.denied&limit=20', { token: auditor })).body.items;
    expect(denied.map((e: any) => [e.actor, e.details.attempted]).sort()).toEqual(
      [
        ['secadmin', 'audit.archive'],
        ['secadmin', 'audit.anchor.download'],
        ['sysadmin', 'audit.anchor.list'],
        ['sysadmin', 'audit.anchor.verify'],
        ['sysadmin', 'audit.archive'],
      ].sort(),
    );
  });

  let first: any;

  it('should archive the old events to a file, anchor the chain and verify the rest from the anchor', async () => {
    // given the events so far backdated 400 days, and newer ones after them
    const old = await count();
    await backdateAuditEvents(server, old, 400);
    await server.login('mayor');
    // when
    const r = await archive(daysAgo(200));
    // then one anchor names the last archived event, and those events are gone from the table
    expect(r.status).toBe(201);
    first = r.body.anchor;
    expect(r.body.more).toBe(false);
    expect(first).toMatchObject({ seq: old, archivedFromSeq: 1, archivedCount: old, createdBy: 'auditor' });
    expect(first.fileDigest).toMatch(/^[0-9a-f]{64}$/);
    expect(await count('seq <= ?', [old])).toBe(0);
    expect(await minSeq()).toBe(old + 1);
    const [row] = await db().query('SELECT seq, hash, file_digest FROM audit_anchor');
    expect([Number(row.seq), row.hash, row.file_digest]).toEqual([old, first.hash, first.fileDigest]);
    // the archive itself is an event after the anchor, with the range it moved
    expect(await lastEvent('audit.archive')).toMatchObject({
      result: 'success',
      targetId: first.id,
      details: { fromSeq: 1, toSeq: old, count: old, fileDigest: first.fileDigest },
    });
    // the remaining chain verifies from the anchor, every remaining row checked
    const remaining = await count();
    const v = await verify();
    expect(v.body).toEqual({ ok: true, checked: remaining, fromSeq: old + 1, anchorId: first.id, anchorAt: first.createdAt });
    // the file re-verifies against its anchor
    const fileCheck = await server.call('GET', `/api/audit/anchors/${first.id}/verify`, { token: auditor });
    expect(fileCheck.body).toEqual({ ok: true, checked: old, fromSeq: 1, anchorId: first.id, anchorAt: first.createdAt, digestOk: true });
    // nothing older than the cut-off is left
    expect((await archive(daysAgo(200))).body.code).toBe('AUDIT_ARCHIVE_EMPTY');
  });

  it('should give the auditor the archive file with every column and hash, its digest the anchor’s', async () => {
    // when
    const r = await fetch(`${server.baseUrl}/api/audit/anchors/${first.id}/file`, { headers: { authorization: `Bearer ${auditor}` } });
    // then
    expect(r.status).toBe(200);
    expect(r.headers.get('x-content-sm3')).toBe(first.fileDigest);
    const lines = (await r.text())
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ format: 'liuzhuan-audit-archive', version: 1, anchorId: first.id, fromSeq: 1, toSeq: first.seq });
    expect(lines.length).toBe(first.archivedCount + 1);
    expect(Object.keys(lines[1]).sort()).toEqual(
      [
        'seq',
        'id',
        'at',
        'actor',
        'roles',
        'ip',
        'user_agent',
        'event_type',
        'target_type',
        'target_id',
        'result',
        'error_code',
        'details',
        'hash',
      ].sort(),
    );
    expect(lines[lines.length - 1]).toMatchObject({ seq: first.seq, hash: first.hash });
    expect((await lastEvent('audit.anchor.download')).targetId).toBe(first.id);
  });

  it('should chain a second archive from the first anchor, and both files verify', async () => {
    // given more old events after the first anchor
    const upTo = Number((await db().query('SELECT MAX(seq) AS s FROM audit_event'))[0].s);
    await backdateAuditEvents(server, upTo, 300);
    // when
    const r = await archive(daysAgo(200));
    // then
    expect(r.status).toBe(201);
    const second = r.body.anchor;
    expect(second).toMatchObject({ archivedFromSeq: first.seq + 1, seq: upTo });
    expect((await anchors()).map((a) => a.id)).toEqual([second.id, first.id]);
    for (const a of [first, second]) {
      expect((await server.call('GET', `/api/audit/anchors/${a.id}/verify`, { token: auditor })).body).toMatchObject({
        ok: true,
        checked: a.archivedCount,
      });
    }
    expect((await verify()).body).toMatchObject({ ok: true, fromSeq: upTo + 1, anchorId: second.id });
  });

  it('should anchor once when two archives of the same events race, and leave no file of the loser', async () => {
    // given more old events after the last anchor
    const upTo = Number((await db().query('SELECT MAX(seq) AS s FROM audit_event'))[0].s);
    await backdateAuditEvents(server, upTo, 300);
    // when two archives run at once
    const both = await Promise.all([archive(daysAgo(200)), archive(daysAgo(200))]);
    // then one anchors them; the other finds them gone or loses on the anchor's unique start
    const statuses = both.map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    expect(['AUDIT_ARCHIVE_CONFLICT', 'AUDIT_ARCHIVE_EMPTY']).toContain(both.find((r) => r.status !== 201)?.body.code);
    const listed = await anchors();
    expect(listed.length).toBe(3);
    const files = readdirSync(join(server.env.config.dataDir, 'files', 'audit-archive')).sort();
    expect(files).toEqual(listed.map((a) => `${a.id}.jsonl`).sort());
    expect((await verify()).body).toMatchObject({ ok: true, anchorId: listed[0].id });
  });

  it('should name a row edited, or removed, after the anchor', async () => {
    // given a row after the anchor changed behind the application's back
    const from = (await verify()).body.fromSeq as number;
    const [row] = await db().query('SELECT id, details FROM audit_event WHERE seq = ?', [from + 1]);
    await db().query('UPDATE audit_event SET details = ? WHERE seq = ?', ['{"forged":true}', from + 1]);
    // when
    const edited = await verify();
    // then
    expect(edited.body).toMatchObject({ ok: false, checked: 1, firstBrokenSeq: from + 1, firstBrokenId: row.id, fromSeq: from });
    // and a deleted row just after the anchor is found too
    await db().query('UPDATE audit_event SET details = ? WHERE seq = ?', [row.details, from + 1]);
    expect((await verify()).body.ok).toBe(true);
    const [gone] = await db().query(`SELECT * FROM audit_event WHERE seq = ?`, [from]);
    await db().query('DELETE FROM audit_event WHERE seq = ?', [from]);
    expect((await verify()).body).toMatchObject({ ok: false, checked: 0, firstBrokenSeq: from });
    // (put back as it was, the chain verifies again)
    const cols = Object.keys(gone);
    await db().query(
      `INSERT INTO audit_event (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
      cols.map((c) => gone[c]),
    );
    expect((await verify()).body.ok).toBe(true);
  });

  it('should refuse to archive old events whose chain no longer verifies', async () => {
    // given old events after the anchor, one of them edited
    const from = (await verify()).body.fromSeq as number;
    await backdateAuditEvents(server, from + 2, 300);
    await db().query('UPDATE audit_event SET actor = ? WHERE seq = ?', ['forger', from + 1]);
    // when
    const r = await archive(daysAgo(200));
    // then nothing is archived
    expect([r.status, r.body.code, r.body.details?.firstBrokenSeq]).toEqual([409, 'AUDIT_ARCHIVE_CHAIN_BROKEN', from + 1]);
    expect(await minSeq()).toBe(from);
    expect((await anchors()).length).toBe(3);
  });

  it('should fail the file check, naming the row, when an archive file is edited', async () => {
    // given a line of the first archive changed on disk
    const path = fileOf(first.id);
    const lines = readFileSync(path, 'utf8').split('\n');
    const target = JSON.parse(lines[2]);
    lines[2] = JSON.stringify({ ...target, actor: 'someone-else' });
    writeFileSync(path, lines.join('\n'));
    // when
    const r = await server.call('GET', `/api/audit/anchors/${first.id}/verify`, { token: auditor });
    // then
    expect(r.body).toMatchObject({ ok: false, digestOk: false, checked: 1, firstBrokenSeq: target.seq, firstBrokenId: target.id });
    expect(await lastEvent('audit.anchor.verify')).toMatchObject({
      result: 'failure',
      errorCode: 'AUDIT_CHAIN_BROKEN',
      targetId: first.id,
    });
  });
});
