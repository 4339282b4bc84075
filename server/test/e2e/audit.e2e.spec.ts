import ExcelJS from 'exceljs';
import { DataSource } from 'typeorm';
import { singleTask } from '../support/bpmn-fixtures';
import { TestServer } from '../support/test-server';

describe('audit trail (e2e)', () => {
  let server: TestServer;
  let auditor: string;
  let secadmin: string;
  let sysadmin: string;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [auditor, secadmin, sysadmin, admin, clerk] = await Promise.all(
      ['auditor', 'secadmin', 'sysadmin', 'admin', 'clerk'].map((u) => server.login(u)),
    );
  });
  afterAll(() => server.stop());

  const search = async (query: Record<string, string | number>, token = auditor) => {
    const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
    const r = await server.call('GET', `/api/audit/events?${qs}`, { token });
    if (r.status !== 200) throw new Error(`search: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { items: any[]; total: number };
  };
  const verify = async (token = auditor) => server.call('GET', '/api/audit/verify', { token });
  const db = () => server.app.get(DataSource);

  it('should record sign-in success, failure with its true reason, and sign-out, with address and browser', async () => {
    // given a wrong password, an unknown user, a disabled user, and a good sign-in then sign-out
    const wrong = await server.call('POST', '/api/auth/login', { body: { username: 'head', password: 'wrong-password' } });
    const unknown = await server.call('POST', '/api/auth/login', { body: { username: 'nobody-here', password: 'x' } });
    const deputy = (await server.call('GET', '/api/users?q=deputy', { token: sysadmin })).body.items.find(
      (u: any) => u.username === 'deputy',
    );
    expect((await server.call('POST', `/api/users/${deputy.id}/disable`, { token: sysadmin })).status).toBe(200);
    const disabled = await server.call('POST', '/api/auth/login', { body: { username: 'deputy', password: 'Liuzhuan@2026' } });
    const token = await server.login('mayor');
    expect((await server.call('POST', '/api/auth/logout', { token })).status).toBe(204);
    // then the answers are as before
    expect([wrong.body.code, unknown.body.code]).toEqual(['AUTH_INVALID_CREDENTIALS', 'AUTH_INVALID_CREDENTIALS']);
    expect(disabled.status).toBe(401);
    // and the auditor finds each event, with the reason only the log tells
    const failures = await search({ eventType: 'auth.login.failure' });
    const reasons = Object.fromEntries(failures.items.map((e) => [e.actor, e.details.reason]));
    expect(reasons).toMatchObject({ head: 'wrong_password', 'nobody-here': 'unknown_user', deputy: 'disabled' });
    const headFailure = failures.items.find((e) => e.actor === 'head');
    expect(headFailure).toMatchObject({
      result: 'failure',
      errorCode: 'AUTH_INVALID_CREDENTIALS',
      roles: ['leader'],
      ip: '127.0.0.1',
      targetType: 'user',
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(headFailure.userAgent).toEqual(expect.any(String));
    expect(JSON.stringify(failures.items)).not.toContain('wrong-password');
    const mayor = await search({ actor: 'mayor' });
    expect(mayor.items.map((e) => e.eventType)).toEqual(['auth.logout', 'auth.login.success']);
    expect((await search({ actor: 'mayor', eventType: 'auth.login.success', result: 'success' })).total).toBe(1);
    expect((await search({ actor: 'mayor', result: 'failure' })).total).toBe(0);
  });

  it('should record a deploy, a cancel and a refused cancel of the workflow admin, found by target', async () => {
    // given
    const deployed = await server.call('POST', '/api/definitions', {
      token: admin,
      raw: singleTask('audited'),
      contentType: 'application/xml',
    });
    expect(deployed.status).toBe(201);
    const started = await server.call('POST', '/api/instances', { token: clerk, body: { definitionKey: 'audited' } });
    // when
    const cancelled = await server.call('POST', `/api/instances/${started.body.id}/cancel`, { token: admin, body: { reason: '测试撤销' } });
    const again = await server.call('POST', `/api/instances/${started.body.id}/cancel`, { token: admin, body: { reason: '再次撤销' } });
    // then
    expect(cancelled.status).toBe(200);
    expect(again.status).toBeGreaterThanOrEqual(400);
    const deploy = await search({ eventType: 'definition.deploy', targetId: deployed.body.id });
    expect(deploy.items).toEqual([
      expect.objectContaining({
        actor: 'admin',
        roles: ['workflow_admin'],
        targetType: 'definition',
        details: expect.objectContaining({ key: 'audited' }),
      }),
    ]);
    const onInstance = await search({ targetType: 'instance', targetId: started.body.id });
    expect(onInstance.items.map((e) => [e.eventType, e.result, e.errorCode])).toEqual([
      ['instance.cancel', 'failure', again.body.code],
      ['instance.cancel', 'success', null],
    ]);
    expect(onInstance.items[1].details).toEqual({ reason: '测试撤销' });
  });

  it('should record every other admin intervention: reassign, terminate, signal, message, job execution', async () => {
    // given an open task
    await server.call('POST', '/api/definitions', { token: admin, raw: singleTask('intervened'), contentType: 'application/xml' });
    const started = await server.call('POST', '/api/instances', { token: clerk, body: { definitionKey: 'intervened' } });
    const taskId = started.body.tasks[0].id;
    // when the workflow admin intervenes
    const statuses = [
      (await server.call('POST', `/api/tasks/${taskId}/reassign`, { token: admin, body: { username: 'staff', reason: '人员调整' } }))
        .status,
      (await server.call('POST', `/api/instances/${started.body.id}/terminate`, { token: admin, body: { reason: '重复提交' } })).status,
      (await server.call('POST', '/api/signals', { token: admin, body: { name: 'audit-signal' } })).status,
      (await server.call('POST', '/api/messages', { token: admin, body: { name: 'audit-message' } })).status,
      (await server.call('POST', '/api/jobs/01m8f2cfmb4d8ms8m3thz4rak0/execute', { token: admin })).status,
    ];
    // then
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    const events = (await search({ actor: 'admin', limit: 10 })).items.map((e) => [e.eventType, e.targetId, e.result]);
    expect(events.slice(0, 5).reverse()).toEqual([
      ['task.reassign', taskId, 'success'],
      ['instance.terminate', started.body.id, 'success'],
      ['signal.broadcast', 'audit-signal', 'success'],
      ['message.correlate', 'audit-message', 'failure'],
      ['job.execute', '01m8f2cfmb4d8ms8m3thz4rak0', 'failure'],
    ]);
  });

  it('should record calendar changes and a refusal on an admin endpoint', async () => {
    // given
    const set = await server.call('PUT', '/api/calendar/days/2025-10-20', { token: sysadmin, body: { kind: 'holiday', name: '市庆日' } });
    const refused = await server.call('POST', '/api/calendar/years/2025/import', { token: clerk, body: {} });
    // then
    expect([set.status, refused.status]).toEqual([200, 403]);
    const day = await search({ eventType: 'calendar.day.set', targetId: '2025-10-20' });
    expect(day.items[0]).toMatchObject({
      actor: 'sysadmin',
      targetType: 'calendar',
      details: { calendarVersion: expect.any(Number), before: null, after: expect.objectContaining({ day: '2025-10-20', name: '市庆日' }) },
    });
    const denied = await search({ eventType: 'access.denied', actor: 'clerk' });
    expect(denied.items[0]).toMatchObject({
      result: 'failure',
      errorCode: 'FORBIDDEN_ROLE',
      targetId: 'POST /api/calendar/years/:year/import',
      details: { path: '/api/calendar/years/2025/import', required: ['system_admin'] },
    });
  });

  it('should give each reader what 三员分立 allows, cell by cell, and record the refusals', async () => {
    const cells: Record<string, number[]> = {};
    for (const [name, token] of Object.entries({ auditor, secadmin, sysadmin, admin, clerk })) {
      cells[name] = [];
      for (const path of ['/api/audit/events', '/api/audit/export?format=csv', '/api/audit/verify']) {
        cells[name].push((await server.call('GET', path, { token })).status);
      }
    }
    expect(cells).toEqual({
      auditor: [200, 200, 200],
      secadmin: [200, 200, 200],
      sysadmin: [403, 403, 403],
      admin: [403, 403, 403],
      clerk: [403, 403, 403],
    });
    // the security admin sees the auditor's own events only — and every one of them
    const mine = await search({ limit: 200 }, secadmin);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.roles.includes('auditor'))).toBe(true);
    const all = await search({ actor: 'auditor', limit: 200 });
    expect(mine.total).toBeGreaterThanOrEqual(all.total);
    // the refusals are events the auditor reads
    const denied = await search({ eventType: 'audit.access.denied', actor: 'sysadmin' });
    expect(denied.items.map((e) => e.details.attempted).sort()).toEqual(['audit.export', 'audit.search', 'audit.verify']);
    // searching, exporting and verifying are events too
    const own = await search({ actor: 'secadmin', limit: 200 });
    expect(new Set(own.items.map((e) => e.eventType))).toEqual(
      // (auth.totp.enroll: the admins enrol a second factor at their first sign-in)
      new Set(['audit.search', 'audit.export', 'audit.verify', 'auth.login.success', 'auth.totp.enroll']),
    );
  });

  it('should export the same events as CSV with a BOM and as XLSX that exceljs reads back', async () => {
    // given
    const expected = (await search({ eventType: 'auth.login.success' })).total;
    // when
    const csv = await fetch(`${server.baseUrl}/api/audit/export?format=csv&eventType=auth.login.success`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    const xlsx = await fetch(`${server.baseUrl}/api/audit/export?format=xlsx&eventType=auth.login.success`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    // then
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '序号,事件ID,时间（北京时间）,操作人,操作人姓名,角色,IP 地址,客户端,事件代码,事件,对象类型,对象ID,对象名称,结果,错误代码,详情,哈希（SM3）',
    );
    // Beijing wall-clock time and the result in words
    expect(lines[1]).toMatch(/^\d+,[0-9a-z]{26},\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3},/);
    expect(lines[1]).toContain(',成功,');
    expect(lines.length - 1).toBe(expected);
    expect(lines[1]).toContain('登录成功');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = book.getWorksheet('审计日志');
    expect(sheet?.rowCount).toBe(expected + 1);
    expect(sheet?.getRow(2).getCell(9).value).toBe('auth.login.success');
    expect((await search({ eventType: 'audit.export', actor: 'auditor' })).items[0].details).toMatchObject({
      format: 'xlsx',
      total: expected,
    });
  });

  it('should keep one chain under 20 concurrent requests and verify it', async () => {
    // given 20 clients, each searching 10 times (every search is an event)
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let i = 0; i < 10; i++) expect((await server.call('GET', '/api/audit/events?limit=1', { token: auditor })).status).toBe(200);
      }),
    );
    // when
    const r = await verify();
    // then
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.checked).toBeGreaterThan(200);
    expect(r.body.firstBrokenSeq).toBeUndefined();
  });

  it('should name the first row edited, or removed, directly in the database', async () => {
    // given a row in the middle of the chain, changed behind the application's back
    const before = await verify();
    const middle = Math.floor(before.body.checked / 2);
    const [row] = await db().query('SELECT id, details FROM audit_event WHERE seq = ?', [middle]);
    await db().query('UPDATE audit_event SET details = ? WHERE seq = ?', ['{"forged":true}', middle]);
    // when
    const edited = await verify();
    // then
    expect(edited.body).toEqual({ ok: false, checked: middle - 1, firstBrokenSeq: middle, firstBrokenId: row.id, fromSeq: 1 });
    expect((await search({ eventType: 'audit.verify', result: 'failure' })).items[0].details).toMatchObject({ firstBrokenSeq: middle });
    // and a row removed instead is named by its place
    await db().query('UPDATE audit_event SET details = ? WHERE seq = ?', [row.details, middle]);
    expect((await verify()).body.ok).toBe(true);
    await db().query('DELETE FROM audit_event WHERE seq = ?', [middle + 1]);
    expect((await verify()).body).toEqual({ ok: false, checked: middle, firstBrokenSeq: middle + 1, fromSeq: 1 });
  });
});
