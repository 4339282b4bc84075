import { DataSource } from 'typeorm';
import { TestServer } from '../support/test-server';

const HOUR = 3600_000;
const window = () => ({ from: new Date(Date.now() - HOUR).toISOString(), to: new Date(Date.now() + 48 * HOUR).toISOString() });
const PAPER = { copyNumber: '000012', custodian: '张晓明', storageLocation: '市政府办公室机要室 3 号保密柜' };
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

/**
 * The audit events of the administrative changes (issue #16): each produced over HTTP and found by
 * the auditor's search, with its actor, target, result and details; a refused change leaves no
 * success event, and a refusal (403) exactly one `access.denied`.
 */
describe('audit trail producers (e2e)', () => {
  let server: TestServer;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    for (const u of ['auditor', 'secadmin', 'sysadmin', 'clerk', 'mayor', 'staff']) t[u] = await server.login(u);
    for (const u of ['secadmin', 'staff', 'clerk', 'head'])
      ids[u] = (await server.call('GET', `/api/users?q=${u}`, { token: t.staff })).body.items.find((x: any) => x.username === u).id;
  });
  afterAll(() => server.stop());

  const search = async (query: Record<string, string | number>) => {
    const qs = new URLSearchParams(Object.entries({ limit: 200, ...query }).map(([k, v]) => [k, String(v)])).toString();
    const r = await server.call('GET', `/api/audit/events?${qs}`, { token: t.auditor });
    if (r.status !== 200) throw new Error(`search: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.items as any[];
  };
  const call = (method: string, path: string, token: string, body?: unknown) => server.call(method, path, { token, body });

  it('should record user create, update, disable and enable, and a refused create as a failure only', async () => {
    // given
    const org = (await call('GET', '/api/orgs', t.staff)).body.items.find((o: any) => o.code === 'czj');
    // when
    const created = await call('POST', '/api/users', t.sysadmin, { username: 'au_new', displayName: '审新', orgId: org.id });
    const id = created.body.id;
    const dup = await call('POST', '/api/users', t.sysadmin, { username: 'au_new', displayName: '重名', orgId: org.id });
    const updated = await call('PATCH', `/api/users/${id}`, t.sysadmin, { displayName: '审新改', position: '科员' });
    const disabled = await call('POST', `/api/users/${id}/disable`, t.sysadmin);
    const enabled = await call('POST', `/api/users/${id}/enable`, t.sysadmin);
    // then
    expect([created.status, dup.status, updated.status, disabled.status, enabled.status]).toEqual([201, 409, 200, 200, 200]);
    const onUser = await search({ targetType: 'user', targetId: id });
    expect(onUser.map((e) => [e.eventType, e.actor, e.roles, e.result])).toEqual([
      ['user.enable', 'sysadmin', ['system_admin'], 'success'],
      ['user.disable', 'sysadmin', ['system_admin'], 'success'],
      ['user.update', 'sysadmin', ['system_admin'], 'success'],
      ['user.create', 'sysadmin', ['system_admin'], 'success'],
    ]);
    expect(onUser[3].details).toEqual({ username: 'au_new', displayName: '审新', orgId: org.id, position: null });
    expect(onUser[2].details).toEqual({
      username: 'au_new',
      before: { displayName: '审新', position: null },
      after: { displayName: '审新改', position: '科员' },
    });
    expect(onUser[1].details).toEqual({ username: 'au_new', wasEnabled: true });
    // the one-time password is answered once and recorded nowhere
    expect(JSON.stringify(await search({ actor: 'sysadmin' }))).not.toContain(created.body.initialPassword);
    const refused = (await search({ eventType: 'user.create', result: 'failure' })).filter((e) => e.details.username === 'au_new');
    expect(refused.map((e) => [e.errorCode, e.targetId])).toEqual([[dup.body.code, null]]);
  });

  it('should record roles, groups and clearance with before and after; a refused change leaves no success event', async () => {
    // when
    const roles = await call('PUT', `/api/users/${ids.staff}/roles`, t.secadmin, { roles: ['clerk'] });
    const groups = await call('PUT', `/api/users/${ids.staff}/groups`, t.secadmin, { groups: ['office-clerks'] });
    const clearance = await call('PUT', `/api/users/${ids.staff}/clearance`, t.secadmin, { clearance: 'general' });
    const separated = await call('PUT', `/api/users/${ids.staff}/roles`, t.secadmin, { roles: ['system_admin', 'auditor'] });
    const own = await call('PUT', `/api/users/${ids.secadmin}/roles`, t.secadmin, { roles: ['security_admin', 'leader'] });
    // then
    expect([roles.status, groups.status, clearance.status, separated.status, own.status]).toEqual([200, 200, 200, 422, 403]);
    // (sign-in events name the user too)
    const onStaff = (await search({ targetType: 'user', targetId: ids.staff })).filter((e) => !e.eventType.startsWith('auth.'));
    expect(onStaff.map((e) => [e.eventType, e.actor, e.result, e.errorCode])).toEqual([
      ['user.roles.change', 'secadmin', 'failure', 'ROLE_SEPARATION'],
      ['user.clearance.change', 'secadmin', 'success', null],
      ['user.groups.change', 'secadmin', 'success', null],
      ['user.roles.change', 'secadmin', 'success', null],
    ]);
    expect(onStaff[3].details).toEqual({ username: 'staff', before: [], after: ['clerk'], added: ['clerk'], removed: [] });
    expect(onStaff[2].details).toEqual({ username: 'staff', before: [], after: ['office-clerks'], added: ['office-clerks'], removed: [] });
    expect(onStaff[1].details).toEqual({ username: 'staff', from: 'none', to: 'general' });
    // the refusal of their own roles is one access.denied and nothing else about them
    const onSelf = (await search({ targetType: 'user', targetId: ids.secadmin })).filter((e) => !e.eventType.startsWith('auth.'));
    expect(onSelf.map((e) => [e.eventType, e.result, e.errorCode, e.details.attempted])).toEqual([
      ['access.denied', 'failure', 'SELF_ADMINISTRATION', 'user.roles.change'],
    ]);
  });

  it('should record contact data changes without the numbers, and a refusal of somebody else exactly once', async () => {
    // when
    const since = new Date().toISOString();
    const own = await call('PUT', `/api/users/${ids.clerk}/contact`, t.clerk, { phone: '13812345678' });
    const other = await call('PUT', `/api/users/${ids.head}/contact`, t.clerk, { phone: '13912345678' });
    // then
    expect([own.status, other.status]).toEqual([200, 403]);
    const onClerk = await search({ eventType: 'user.update', targetId: ids.clerk });
    expect(onClerk.map((e) => [e.actor, e.result, e.details])).toEqual([
      ['clerk', 'success', { username: 'clerk', contact: { phone: 'set' } }],
    ]);
    const denied = await search({ eventType: 'access.denied', actor: 'clerk', from: since });
    expect(denied.map((e) => [e.targetId, e.errorCode, e.details.attempted])).toEqual([[ids.head, 'FORBIDDEN_ROLE', 'user.update']]);
    expect(JSON.stringify(await search({ actor: 'clerk' }))).not.toMatch(/1381234|1391234/);
  });

  it('should record organizations created and changed', async () => {
    // when
    const created = await call('POST', '/api/orgs', t.sysadmin, {
      parentId: null,
      code: 'au-org',
      name: '审计测试局',
      kind: 'department',
    });
    const changed = await call('PATCH', `/api/orgs/${created.body.id}`, t.sysadmin, { shortName: '审测局' });
    // then
    expect([created.status, changed.status]).toEqual([201, 200]);
    const events = await search({ targetType: 'org', targetId: created.body.id });
    expect(events.map((e) => [e.eventType, e.actor])).toEqual([
      ['org.update', 'sysadmin'],
      ['org.create', 'sysadmin'],
    ]);
    expect(events[0].details).toEqual({ code: 'au-org', before: { shortName: null }, after: { shortName: '审测局' } });
  });

  it('should record 密级 changes with from, to and reason, classified reads and downloads, and no plain read', async () => {
    // given a plain document with an attachment, and one raised to 秘密
    const plain = (await call('POST', '/api/documents', t.clerk, outgoing('安康市人民政府关于审计测试的通知'))).body;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('附件内容'))], { type: 'text/plain' }), '附件.txt');
    const upload = await fetch(`${server.baseUrl}/api/documents/${plain.id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.clerk}` },
      body: form,
    });
    const attachment = (await upload.json()) as any;
    const doc = (await call('POST', '/api/documents', t.clerk, outgoing('安康市人民政府关于审计定密的通知'))).body;
    const raise = { secretLevel: 'SECRET', secrecyPeriod: { value: 5, unit: 'YEAR' }, ...PAPER };
    const noReason = await call('POST', `/api/documents/${doc.id}/classification`, t.secadmin, raise);
    const raised = await call('POST', `/api/documents/${doc.id}/classification`, t.secadmin, { ...raise, reason: '经审定属秘密' });
    expect([upload.status, noReason.status, raised.status]).toEqual([201, 422, 200]);
    // when the clerk reads both, and downloads the attachment of the plain one before and after it is raised behind the system's back
    expect((await call('GET', `/api/documents/${plain.id}`, t.clerk)).status).toBe(200);
    expect((await call('GET', `/api/documents/${doc.id}`, t.clerk)).status).toBe(200);
    const download = () =>
      fetch(`${server.baseUrl}/api/documents/${plain.id}/attachments/${attachment.id}`, {
        headers: { authorization: `Bearer ${t.clerk}` },
      });
    expect((await download()).status).toBe(200);
    await server.app.get(DataSource).query(`UPDATE official_document SET secret_level = 'SECRET' WHERE id = ?`, [plain.id]);
    expect((await download()).status).toBe(200);
    // then
    const change = await search({ eventType: 'classification.change', targetId: doc.id });
    expect(change.map((e) => [e.actor, e.result, e.errorCode])).toEqual([
      ['secadmin', 'success', null],
      ['secadmin', 'failure', 'DOCUMENT_CLASSIFICATION_REASON_REQUIRED'],
    ]);
    expect(change[0]).toMatchObject({
      targetType: 'document',
      details: { from: 'NONE', to: 'SECRET', secrecyPeriod: { value: 5, unit: 'YEAR' }, reason: '经审定属秘密' },
    });
    const reads = await search({ eventType: 'document.classified.read', actor: 'clerk' });
    expect(reads.map((e) => [e.targetId, e.details.secretLevel])).toEqual([[doc.id, 'SECRET']]);
    const downloads = await search({ eventType: 'document.classified.download' });
    expect(downloads.map((e) => [e.actor, e.targetId, e.details.attachmentId])).toEqual([['clerk', plain.id, attachment.id]]);
  });

  it('should record 代理 set by the security admin and cleared by the principal; a refused one is one access.denied', async () => {
    // when
    const since = new Date().toISOString();
    const refused = await call('POST', '/api/proxies', t.sysadmin, { principal: 'mayor', deputy: 'deputy', reason: '出差', ...window() });
    const set = await call('POST', '/api/proxies', t.secadmin, { principal: 'mayor', deputy: 'deputy', reason: '出差', ...window() });
    const cleared = await call('DELETE', '/api/proxies/mine', t.mayor);
    // then
    expect([refused.status, set.status, cleared.status]).toEqual([403, 201, 204]);
    const events = await search({ targetType: 'user', targetId: 'mayor' });
    expect(events.map((e) => [e.eventType, e.actor, e.result, e.errorCode])).toEqual([
      ['proxy.clear', 'mayor', 'success', null],
      ['proxy.set', 'secadmin', 'success', null],
      ['access.denied', 'sysadmin', 'failure', 'OPERATION_NOT_ALLOWED'],
    ]);
    expect(events[1].details).toEqual({
      id: set.body.id,
      principal: 'mayor',
      deputy: 'deputy',
      from: set.body.from,
      to: set.body.to,
      definitionKeys: null,
      reason: '出差',
    });
    expect(events[0].details).toEqual({
      principal: 'mayor',
      proxies: [{ id: set.body.id, deputy: 'deputy', from: set.body.from, to: set.body.to }],
    });
    expect(events[2].details).toMatchObject({ attempted: 'proxy.set', principal: 'mayor', deputy: 'deputy' });
    expect(await search({ eventType: 'access.denied', actor: 'sysadmin', from: since })).toHaveLength(1);
  });

  it('should record API keys issued and revoked, and every refused use, never the key', async () => {
    // given
    const issued = await call('POST', '/api/api-keys', t.sysadmin, { name: '审计测试', topics: ['mail'] });
    const worker = (key: string, topics: string[]) =>
      fetch(`${server.baseUrl}/api/external-tasks/fetch-and-lock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': key },
        body: JSON.stringify({ workerId: 'w', topics, lockSeconds: 60 }),
      });
    // when
    const allowed = await worker(issued.body.key, ['mail']);
    const topic = await worker(issued.body.key, ['payments']);
    const revoked = await call('DELETE', `/api/api-keys/${issued.body.id}`, t.sysadmin);
    const afterRevoke = await worker(issued.body.key, ['mail']);
    const garbage = await worker('lzk_not-a-key', ['mail']);
    // then
    expect([issued.status, allowed.status, topic.status, revoked.status, afterRevoke.status, garbage.status]).toEqual([
      201, 200, 403, 200, 401, 401,
    ]);
    const onKey = await search({ targetType: 'apikey', targetId: issued.body.id });
    expect(onKey.map((e) => [e.eventType, e.actor, e.result, e.errorCode])).toEqual([
      ['apikey.refused', `apikey:${issued.body.id}`, 'failure', 'API_KEY_REVOKED'],
      ['apikey.revoke', 'sysadmin', 'success', null],
      ['apikey.refused', `apikey:${issued.body.id}`, 'failure', 'API_KEY_TOPIC_FORBIDDEN'],
      ['apikey.issue', 'sysadmin', 'success', null],
    ]);
    expect(onKey[3].details).toEqual({ name: '审计测试', topics: ['mail'], expiresAt: issued.body.expiresAt });
    expect(onKey[2].details).toMatchObject({ format: 'id', refused: { topics: ['payments'] } });
    const unknown = (await search({ eventType: 'apikey.refused', actor: 'anonymous' })).map((e) => [e.errorCode, e.details.format]);
    expect(unknown).toEqual([['API_KEY_INVALID', 'malformed']]);
    const secret = issued.body.key.slice(`lzk_${issued.body.id}_`.length);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(await search({ targetType: 'apikey' }))).not.toContain(secret);
  });

  it('should record a 403 a service answers on an admin route exactly once, and the guard’s too', async () => {
    // when the security admin resets their own password (refused by the service) and a clerk creates a user (refused by the guard)
    const self = await call('POST', `/api/users/${ids.secadmin}/password-reset`, t.secadmin);
    const guard = await call('POST', '/api/users', t.clerk, { username: 'au_x', displayName: '某', orgId: 'x' });
    // then
    expect([self.status, self.body.code, guard.status]).toEqual([403, 'SELF_ADMINISTRATION', 403]);
    const selfDenied = (await search({ eventType: 'access.denied', actor: 'secadmin' })).filter(
      (e) => e.errorCode === 'SELF_ADMINISTRATION',
    );
    // one for the roles refused above, one for this reset
    expect(selfDenied.length).toBe(2);
    expect(selfDenied[0]).toMatchObject({ result: 'failure', roles: ['security_admin'] });
    const guardDenied = (await search({ eventType: 'access.denied', actor: 'clerk' })).filter((e) => e.targetId === 'POST /api/users');
    expect(guardDenied.map((e) => e.errorCode)).toEqual(['FORBIDDEN_ROLE']);
    expect(await search({ eventType: 'user.create', actor: 'clerk' })).toEqual([]);
  });
});
