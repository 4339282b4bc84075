import { DataSource } from 'typeorm';
import { TestServer } from '../support/test-server';

/**
 * 签发 as an SM2 electronic signature (GM/T 0003, issue #18 item 3) and 复核 that finds changes
 * itself (item 4): the 签发 opinion is signed over the SM3 digest of the version signed, the
 * opinion text, the signer and the time, with the leader's server-held key (created at the first
 * signing, sealed with SM4); `GET /documents/:id/signatures` verifies each at every call; a text
 * changed after 签发 goes back to the 签发人 for 复审, computed by the server.
 */
const BODY = '各县区人民政府，市政府各部门：现就加强城市道路管理有关事项通知如下。';

describe('signed 签发 and 复核 (e2e)', () => {
  let server: TestServer;
  let ds: DataSource;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    ds = server.app.get(DataSource);
    for (const u of ['admin', 'clerk', 'head', 'mayor', 'staff']) t[u] = await server.login(u);
  });
  afterAll(() => server.stop());

  const tasksOf = async (instanceId: string) =>
    (await server.call('GET', `/api/tasks?instanceId=${instanceId}`, { token: t.admin })).body.items as any[];
  const openAt = async (instanceId: string, elementId: string) =>
    (await tasksOf(instanceId)).filter((x) => x.elementId === elementId && x.status === 'open');
  const complete = async (username: string, taskId: string, variables: Record<string, unknown> = {}) =>
    server.call('POST', `/api/tasks/${taskId}/complete`, { token: t[username], body: { variables } });
  const act = async (username: string, instanceId: string, elementId: string, variables: Record<string, unknown> = {}) => {
    const [task] = await openAt(instanceId, elementId);
    if (!task) throw new Error(`no open task at ${elementId}`);
    if (!task.assignee) expect((await server.call('POST', `/api/tasks/${task.id}/claim`, { token: t[username] })).status).toBe(200);
    const r = await complete(username, task.id, variables);
    if (r.status !== 200) throw new Error(`${username} completing ${elementId}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  const signatures = async (documentId: string, token = t.clerk) => {
    const r = await server.call('GET', `/api/documents/${documentId}/signatures`, { token });
    expect(r.status).toBe(200);
    return r.body.items as any[];
  };
  /** A 发文 drafted by the clerk, passed at 核稿 and signed off by the mayor with an opinion: it waits at 复核. */
  const signedOff = async (title: string) => {
    const r = await server.call('POST', '/api/documents', {
      token: t.clerk,
      body: {
        direction: 'outgoing',
        docType: 'GW08',
        title,
        issuer: '安康市人民政府',
        orgCode: '安政发',
        mainRecipients: ['市政府各部门'],
        body: BODY,
      },
    });
    expect(r.status).toBe(201);
    const { id, instanceId } = r.body as { id: string; instanceId: string };
    await act('clerk', instanceId, 'draft', { issuer: 'mayor', countersigners: [] });
    await act('head', instanceId, 'review', { reviewResult: 'pass' });
    await act('mayor', instanceId, 'signOff', { signOffOpinion: '同意印发', disclosure: 'ACTIVE' });
    const digest = (await server.call('GET', `/api/documents/${id}`, { token: t.clerk })).body.digest as string;
    return { id, instanceId, digest };
  };
  const claimRecheck = async (instanceId: string) => {
    const [recheck] = await openAt(instanceId, 'recheck');
    expect((await server.call('POST', `/api/tasks/${recheck.id}/claim`, { token: t.clerk })).status).toBe(200);
    return recheck.id as string;
  };
  const flip = (hex: string, at: number) => hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);

  it("should sign the 签发 with the leader's SM2 key, created sealed at the first signing, and verify it", async () => {
    // given / when: the mayor signs off a 发文
    const doc = await signedOff('关于加强城市道路管理的通知');
    // then: one signature, by the mayor, over the version signed, and it verifies
    const [mayor] = await ds.query('SELECT display_name AS name FROM app_user WHERE username = ?', ['mayor']);
    const items = await signatures(doc.id);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      signer: 'mayor',
      signerName: mayor.name,
      onBehalfOf: null,
      versionDigest: doc.digest,
      current: true,
      algorithm: 'SM2-SM3',
      valid: true,
    });
    expect(Date.parse(items[0].signedAt)).not.toBeNaN();
    // the key pair is the server's, the private key sealed under the data key, made once and recorded
    const keys: any[] = await ds.query('SELECT public_key AS pub, private_key AS priv FROM signing_key WHERE username = ?', ['mayor']);
    expect(keys).toHaveLength(1);
    expect(keys[0].pub).toMatch(/^04[0-9a-f]{128}$/);
    expect(keys[0].priv).toMatch(/^[a-z0-9]+:[A-Za-z0-9+/=]+$/);
    await signedOff('关于开展道路安全检查的通知');
    expect(await ds.query('SELECT id FROM signing_key WHERE username = ?', ['mayor'])).toHaveLength(1);
    const events: any[] = await ds.query(
      "SELECT event_type AS type, actor, target_id AS target FROM audit_event WHERE event_type IN ('signing.key.create', 'document.sign') ORDER BY seq",
    );
    expect(events.filter((e) => e.type === 'signing.key.create')).toEqual([
      { type: 'signing.key.create', actor: 'mayor', target: 'mayor' },
    ]);
    expect(events.filter((e) => e.type === 'document.sign' && e.target === doc.id)).toHaveLength(1);
    // whoever may not read the document learns nothing
    expect((await server.call('GET', `/api/documents/${doc.id}/signatures`, { token: t.staff })).status).toBe(404);
  });

  it('should report the signature invalid after a byte of it or of the opinion text changes', async () => {
    // given a signed 发文
    const doc = await signedOff('关于规范道路挖掘管理的通知');
    const [row] = await ds.query('SELECT id, signature, opinion_id AS opinionId FROM document_signature WHERE document_id = ?', [doc.id]);
    // when a byte of the stored signature changes, then it no longer verifies; put back, it does
    await ds.query('UPDATE document_signature SET signature = ? WHERE id = ?', [flip(row.signature, 40), row.id]);
    expect((await signatures(doc.id))[0].valid).toBe(false);
    await ds.query('UPDATE document_signature SET signature = ? WHERE id = ?', [row.signature, row.id]);
    expect((await signatures(doc.id))[0].valid).toBe(true);
    // when the opinion the signature covers is edited in the database, then it no longer verifies
    await ds.query('UPDATE opinion SET text = ? WHERE id = ?', ['同意印发。', row.opinionId]);
    expect((await signatures(doc.id))[0].valid).toBe(false);
  });

  it('should send a body changed in 复核 back to the 签发人 for 复审, and sign again', async () => {
    // given a signed 发文 at 复核; its text is locked until the 复核 clerk holds the task
    const doc = await signedOff('关于调整城区道路限行措施的通知');
    const locked = await server.call('PATCH', `/api/documents/${doc.id}`, { token: t.clerk, body: { body: `${BODY}特此通知。` } });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('DOCUMENT_SIGNED_LOCKED');
    const recheckId = await claimRecheck(doc.instanceId);
    // when the 复核 clerk corrects the body and completes 复核 (nothing in the form says so)
    const corrected = await server.call('PATCH', `/api/documents/${doc.id}`, { token: t.clerk, body: { body: `${BODY}特此通知。` } });
    expect(corrected.status).toBe(200);
    expect(corrected.body.digest).not.toBe(doc.digest);
    expect((await complete('clerk', recheckId)).status).toBe(200);
    // then 签发 is open again for the mayor (复审), and the signature names the version it signed, not the current one
    expect((await openAt(doc.instanceId, 'signOff')).map((x) => x.assignee)).toEqual(['mayor']);
    expect(await openAt(doc.instanceId, 'register')).toEqual([]);
    expect(await signatures(doc.id)).toMatchObject([{ versionDigest: doc.digest, current: false, valid: true }]);
    // when the mayor signs the corrected text and 复核 finds nothing more
    await act('mayor', doc.instanceId, 'signOff', { signOffOpinion: '同意', disclosure: 'ACTIVE' });
    await act('clerk', doc.instanceId, 'recheck');
    // then it goes on to 登记, with both signatures valid
    expect(await openAt(doc.instanceId, 'register')).toHaveLength(1);
    expect(await signatures(doc.id)).toMatchObject([
      { versionDigest: doc.digest, valid: true },
      { versionDigest: corrected.body.digest, current: true, valid: true },
    ]);
  });

  it('should take an unchanged 发文 from 复核 to 登记, and refuse a 复核 that claims to decide it', async () => {
    // given a signed 发文 at 复核
    const doc = await signedOff('关于做好道路养护工作的通知');
    const recheckId = await claimRecheck(doc.instanceId);
    // when the clerk tries to say there was no change, then the variable is the server's
    const refused = await complete('clerk', recheckId, { signedVersionChanged: false });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('VARIABLE_RESERVED');
    // when 复核 completes with the text as signed
    expect((await complete('clerk', recheckId)).status).toBe(200);
    // then 登记 is next, no 复审
    expect(await openAt(doc.instanceId, 'register')).toHaveLength(1);
    expect(await openAt(doc.instanceId, 'signOff')).toEqual([]);
  });
});
