import { DataSource } from 'typeorm';
import { ApiKeyEntity } from '../../src/modules/jobs/jobs.api';
import { sm3Hex } from '../../src/platform/crypto/sm3';
import { bpmn } from '../support/bpmn-fixtures';
import { TEST_TARGET } from '../support/test-env';
import { eventually } from '../support/eventually';
import { TestServer } from '../support/test-server';

/** Workers' API keys: the system admin's alone; shown once; topics, expiry and revocation enforced on every call. */
describe('api keys (e2e)', () => {
  let server: TestServer;
  let sysadmin: string;
  let admin: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [sysadmin, admin] = await Promise.all([server.login('sysadmin'), server.login('admin')]);
    const xml = bpmn(`<process id="filing" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="file"/>
      <serviceTask id="file" camunda:type="external" camunda:topic="filing"/><sequenceFlow id="f2" sourceRef="file" targetRef="e"/><endEvent id="e"/></process>`);
    expect((await server.call('POST', '/api/definitions', { token: admin, raw: xml, contentType: 'application/xml' })).status).toBe(201);
  });
  afterAll(() => server.stop());

  const issue = (body: Record<string, unknown>, token = sysadmin) => server.call('POST', '/api/api-keys', { token, body });
  const list = async () => (await server.call('GET', '/api/api-keys', { token: sysadmin })).body.items as any[];
  const worker = async (path: string, body: unknown, apiKey: string, on = server) => {
    const r = await fetch(`${on.baseUrl}/api/external-tasks${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as any };
  };
  const fetchTopics = (apiKey: string, topics = ['filing'], on = server) =>
    worker('/fetch-and-lock', { workerId: 'w', topics, lockSeconds: 60 }, apiKey, on);

  it('should let only the system admin issue, list and revoke keys', async () => {
    // given
    const issued = await issue({ name: '档案系统', topics: ['filing'] });
    // when the other admins and a clerk try
    for (const username of ['secadmin', 'auditor', 'admin', 'clerk']) {
      const token = await server.login(username);
      const calls = [
        await issue({ name: 'x', topics: ['*'] }, token),
        await server.call('GET', '/api/api-keys', { token }),
        await server.call('DELETE', `/api/api-keys/${issued.body.id}`, { token }),
      ];
      // then
      expect([username, calls.map((r) => r.status)]).toEqual([username, [403, 403, 403]]);
    }
    expect((await list()).find((k) => k.id === issued.body.id).revokedAt).toBeNull();
  });

  it('should show the key once, as lzk_<id>_<secret>, and never list it', async () => {
    // when
    const issued = await issue({ name: '电子档案', topics: ['filing', 'filing', 'other'] });
    // then
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      name: '电子档案',
      topics: ['filing', 'other'],
      createdBy: 'sysadmin',
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(issued.body.key).toMatch(new RegExp(`^lzk_${issued.body.id}_[A-Za-z0-9_-]{43}$`));
    // a key without expiresAt runs one year
    expect(Date.parse(issued.body.expiresAt) - Date.now()).toBeGreaterThan(364 * 86_400_000);
    const listed = await server.call('GET', '/api/api-keys', { token: sysadmin });
    const secret = issued.body.key.slice(-43);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.items.find((k: any) => k.id === issued.body.id)).not.toHaveProperty('key');
  });

  it('should require topics, and an expiry in the future and within three years', async () => {
    const noTopics = await issue({ name: 'x' });
    const empty = await issue({ name: 'x', topics: [] });
    const past = await issue({ name: 'x', topics: ['*'], expiresAt: new Date(Date.now() - 1000).toISOString() });
    const far = await issue({ name: 'x', topics: ['*'], expiresAt: new Date(Date.now() + 1200 * 86_400_000).toISOString() });
    expect([noTopics.status, empty.status]).toEqual([400, 400]);
    expect([past.status, past.body.code, far.status, far.body.code]).toEqual([
      422,
      'API_KEY_EXPIRY_INVALID',
      422,
      'API_KEY_EXPIRY_INVALID',
    ]);
  });

  it('should refuse a revoked key at once (401 API_KEY_REVOKED)', async () => {
    // given a key in use
    const issued = await issue({ name: '待吊销', topics: ['filing'] });
    expect((await fetchTopics(issued.body.key)).status).toBe(200);
    // when the system admin revokes it
    const revoked = await server.call('DELETE', `/api/api-keys/${issued.body.id}`, { token: sysadmin });
    // then its next call is refused, and the list shows when
    expect([revoked.status, typeof revoked.body.revokedAt]).toEqual([200, 'string']);
    const refused = await fetchTopics(issued.body.key);
    expect([refused.status, refused.body.code]).toEqual([401, 'API_KEY_REVOKED']);
    const row = (await list()).find((k) => k.id === issued.body.id);
    expect(row.revokedAt).toBe(revoked.body.revokedAt);
    expect(row.lastUsedAt).not.toBeNull();
    expect((await server.call('DELETE', '/api/api-keys/01m8f2cfmb4d8ms8m3thz4rak0', { token: sysadmin })).body.code).toBe(
      'API_KEY_NOT_FOUND',
    );
  });

  (TEST_TARGET === 'production' ? it : it.skip)('should refuse a revoked key at once on another API replica', async () => {
    // given a second API process on the same database, where the key has just been used
    const second = await TestServer.startOn(server.env);
    try {
      const issued = await issue({ name: '多副本', topics: ['filing'] });
      expect((await fetchTopics(issued.body.key, ['filing'], second)).status).toBe(200);
      // when this replica revokes it
      await server.call('DELETE', `/api/api-keys/${issued.body.id}`, { token: sysadmin });
      // then the other refuses it on the very next call
      expect((await fetchTopics(issued.body.key, ['filing'], second)).body.code).toBe('API_KEY_REVOKED');
    } finally {
      await second.stopApp();
    }
  });

  it('should refuse an expired key (401 API_KEY_EXPIRED)', async () => {
    // given a key that expires in a second
    const issued = await issue({ name: '短期', topics: ['filing'], expiresAt: new Date(Date.now() + 1000).toISOString() });
    expect((await fetchTopics(issued.body.key)).status).toBe(200);
    // when it has run out
    await new Promise((r) => setTimeout(r, 1200));
    const refused = await fetchTopics(issued.body.key);
    // then
    expect([refused.status, refused.body.code]).toEqual([401, 'API_KEY_EXPIRED']);
  });

  it('should refuse a key whose secret does not match its id', async () => {
    const issued = await issue({ name: '伪造', topics: ['filing'] });
    const forged = `lzk_${issued.body.id}_${'A'.repeat(43)}`;
    const r = await fetchTopics(forged);
    expect([r.status, r.body.code]).toEqual([401, 'API_KEY_INVALID']);
  });

  it("should refuse topics outside the key's list (403 API_KEY_TOPIC_FORBIDDEN), and let '*' fetch any", async () => {
    // given a filing task, a key for another topic and one for all
    const started = await server.call('POST', '/api/instances', { token: admin, body: { definitionKey: 'filing' } });
    const narrow = (await issue({ name: '仅通知', topics: ['notify'] })).body.key;
    const wide = (await issue({ name: '全部', topics: ['*'] })).body.key;
    // when the narrow key asks for filing, alone or with its own topic
    const alone = await fetchTopics(narrow);
    const mixed = await fetchTopics(narrow, ['notify', 'filing']);
    // then
    expect([alone.status, alone.body.code, alone.body.details]).toEqual([403, 'API_KEY_TOPIC_FORBIDDEN', { topics: ['filing'] }]);
    expect(mixed.status).toBe(403);
    expect((await fetchTopics(narrow, ['notify'])).status).toBe(200);
    // and a task of that topic it may not complete either, even when it names the holder
    const task = await eventually(async () => (await fetchTopics(wide)).body.items.find((t: any) => t.instanceId === started.body.id));
    const sneaky = await worker(`/${task.id}/complete`, { workerId: 'w' }, narrow);
    expect([sneaky.status, sneaky.body.code]).toEqual([403, 'API_KEY_TOPIC_FORBIDDEN']);
    expect((await worker(`/${task.id}/complete`, { workerId: 'w' }, wide)).status).toBe(200);
  });

  it('should keep a key issued before keys had an id working for every topic until it is revoked', async () => {
    // given a row as release 0004 wrote it, after migration 0013 (topics ["*"], no expiry)
    const legacy = `lzk_${'L'.repeat(43)}`;
    const id = '01m8f2cfmb4d8ms8m3thz4ra99';
    await server.app.get(DataSource).manager.insert(ApiKeyEntity, {
      id,
      name: '旧密钥',
      keyHash: sm3Hex(legacy),
      createdBy: 'sysadmin',
      createdAt: new Date(),
      topics: '["*"]',
      expiresAt: null,
      lastUsedAt: null,
      revokedAt: null,
    });
    // then it is listed without an expiry, works, and stops when revoked
    expect((await list()).find((k) => k.id === id)).toMatchObject({ topics: ['*'], expiresAt: null });
    expect((await fetchTopics(legacy, ['anything'])).status).toBe(200);
    await server.call('DELETE', `/api/api-keys/${id}`, { token: sysadmin });
    expect((await fetchTopics(legacy)).body.code).toBe('API_KEY_REVOKED');
  });
});
