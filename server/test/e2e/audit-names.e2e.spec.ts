import { DataSource } from 'typeorm';
import { AuditTrail, SYSTEM_AUDIT } from '../../src/modules/audit/audit.api';
import { singleTask } from '../support/bpmn-fixtures';
import { TestServer } from '../support/test-server';

const outgoing = (title: string) => ({
  direction: 'outgoing',
  docType: 'GW08',
  title,
  issuer: '安康市人民政府',
  orgCode: '安政发',
  mainRecipients: ['各县（区）人民政府'],
  writtenDate: '2026-11-20',
  disclosure: 'NOT_PUBLIC',
  disclosureReason: '待定密',
});
const PAPER = { copyNumber: '000012', custodian: '张晓明', storageLocation: '市政府办公室机要室 3 号保密柜' };

/**
 * The names in the auditor's answers (issue #16, "who did what"): each event's actor and target by
 * name — resolved per page from the owning modules, following renames, never a classified
 * document's title, and the id when the thing is unknown — in the search and in the export.
 */
describe('audit trail names (e2e)', () => {
  let server: TestServer;
  const t: Record<string, string> = {};
  const users: Record<string, { id: string; displayName: string }> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    for (const u of ['auditor', 'secadmin', 'sysadmin', 'admin', 'clerk']) t[u] = await server.login(u);
    for (const u of ['secadmin', 'staff', 'clerk'])
      users[u] = (await server.call('GET', `/api/users?q=${u}`, { token: t.clerk })).body.items.find((x: any) => x.username === u);
  });
  afterAll(() => server.stop());

  const search = async (query: Record<string, string | number>) => {
    const qs = new URLSearchParams(Object.entries({ limit: 200, ...query }).map(([k, v]) => [k, String(v)])).toString();
    const r = await server.call('GET', `/api/audit/events?${qs}`, { token: t.auditor });
    if (r.status !== 200) throw new Error(`search: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.items as any[];
  };
  const call = (method: string, path: string, token: string, body?: unknown) => server.call(method, path, { token, body });

  it('should name the actor and a user target, and follow a rename', async () => {
    // given a role change made by the security admin
    expect((await call('PUT', `/api/users/${users.staff.id}/roles`, t.secadmin, { roles: ['clerk'] })).status).toBe(200);
    // when
    const [change] = await search({ eventType: 'user.roles.change', targetId: users.staff.id });
    // then
    expect(change).toMatchObject({
      actor: 'secadmin',
      actorName: users.secadmin.displayName,
      targetName: `${users.staff.displayName}（staff）`,
    });
    // and a renamed user is named as now
    expect((await call('PATCH', `/api/users/${users.staff.id}`, t.sysadmin, { displayName: '改名后' })).status).toBe(200);
    const [renamed] = await search({ eventType: 'user.roles.change', targetId: users.staff.id });
    expect(renamed.targetName).toBe('改名后（staff）');
  });

  it('should name a document by number and title, a classified one by its number only', async () => {
    // given two documents with numbers, one raised to 秘密
    const plain = (await call('POST', '/api/documents', t.clerk, outgoing('关于名称测试的通知'))).body;
    const secret = (await call('POST', '/api/documents', t.clerk, outgoing('关于涉密名称测试的通知'))).body;
    const db = server.app.get(DataSource);
    await db.query(`UPDATE official_document SET doc_number = ? WHERE id = ?`, ['安政发〔2026〕71号', plain.id]);
    await db.query(`UPDATE official_document SET doc_number = ? WHERE id = ?`, ['安政发〔2026〕72号', secret.id]);
    const raise = { secretLevel: 'SECRET', secrecyPeriod: { value: 5, unit: 'YEAR' }, ...PAPER };
    // (a raise without a reason is refused: a failure event on the plain document)
    expect((await call('POST', `/api/documents/${plain.id}/classification`, t.secadmin, raise)).status).toBe(422);
    expect((await call('POST', `/api/documents/${secret.id}/classification`, t.secadmin, { ...raise, reason: '经审定' })).status).toBe(200);
    // when
    const [onPlain] = await search({ targetType: 'document', targetId: plain.id });
    const [onSecret] = await search({ targetType: 'document', targetId: secret.id });
    // then
    expect(onPlain.targetName).toBe('安政发〔2026〕71号 关于名称测试的通知');
    expect(onSecret.targetName).toBe('安政发〔2026〕72号');
    expect(JSON.stringify(await search({ targetId: secret.id }))).not.toContain('涉密名称测试');
  });

  it('should name a definition, an instance and an API key, as target and as actor', async () => {
    // given
    const deployed = await server.call('POST', '/api/definitions', {
      token: t.admin,
      raw: singleTask('named'),
      contentType: 'application/xml',
    });
    expect(deployed.status).toBe(201);
    const started = await call('POST', '/api/instances', t.clerk, { definitionKey: 'named', businessKey: 'BK-7' });
    expect((await call('POST', `/api/instances/${started.body.id}/cancel`, t.admin, { reason: '测试' })).status).toBe(200);
    const issued = await call('POST', '/api/api-keys', t.sysadmin, { name: '名称测试密钥', topics: ['mail'] });
    await call('DELETE', `/api/api-keys/${issued.body.id}`, t.sysadmin);
    const refused = await fetch(`${server.baseUrl}/api/external-tasks/fetch-and-lock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': issued.body.key },
      body: JSON.stringify({ workerId: 'w', topics: ['mail'], lockSeconds: 60 }),
    });
    expect(refused.status).toBe(401);
    // when
    const [deploy] = await search({ eventType: 'definition.deploy', actor: 'admin' });
    const [cancel] = await search({ eventType: 'instance.cancel', targetId: started.body.id });
    const onKey = await search({ targetType: 'apikey', targetId: issued.body.id });
    // then
    expect(deploy.targetName).toBe('named（第 1 版）');
    expect(cancel.targetName).toBe('named · BK-7');
    expect(onKey.map((e) => [e.eventType, e.actorName, e.targetName])).toEqual([
      ['apikey.refused', '名称测试密钥', '名称测试密钥'],
      ['apikey.revoke', expect.any(String), '名称测试密钥'],
      ['apikey.issue', expect.any(String), '名称测试密钥'],
    ]);
  });

  it('should fall back to the id for what is unknown, and name the system', async () => {
    // given events naming things that do not exist (deleted, or never did)
    const trail = server.app.get(AuditTrail);
    await trail.recordAlone(SYSTEM_AUDIT, { type: 'instance.cancel', targetType: 'instance', targetId: 'GONE-INSTANCE' });
    await trail.recordAlone(
      { ...SYSTEM_AUDIT, actor: 'apikey:GONE-KEY' },
      { type: 'apikey.refused', targetType: 'apikey', targetId: 'GONE-KEY', result: 'failure' },
    );
    await server.call('POST', '/api/auth/login', { body: { username: 'no-such-user', password: 'x' } });
    // when
    const [system] = await search({ targetId: 'GONE-INSTANCE' });
    const [key] = await search({ actor: 'apikey:GONE-KEY' });
    const [unknown] = await search({ actor: 'no-such-user' });
    // then
    expect([system.actorName, system.targetName]).toEqual(['系统', 'GONE-INSTANCE']);
    expect([key.actorName, key.targetName]).toEqual(['apikey:GONE-KEY', 'GONE-KEY']);
    expect([unknown.actorName, unknown.targetName]).toEqual(['no-such-user', null]);
  });

  it('should export the names in their own columns', async () => {
    // when
    const csv = await fetch(`${server.baseUrl}/api/audit/export?format=csv&eventType=user.roles.change`, {
      headers: { authorization: `Bearer ${t.auditor}` },
    });
    // then
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      '序号,事件ID,时间（北京时间）,操作人,操作人姓名,角色,IP 地址,客户端,事件代码,事件,对象类型,对象ID,对象名称,结果,错误代码,详情,哈希（SM3）',
    );
    expect(lines[1]).toContain(`,secadmin,${users.secadmin.displayName},`);
    expect(lines[1]).toContain(`,${users.staff.id},改名后（staff）,成功,`);
  });
});
