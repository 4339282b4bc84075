import { DataSource } from 'typeorm';
import { sm3Hex } from '../../src/platform/crypto/sm3';
import { eventually } from '../support/eventually';
import { TestServer } from '../support/test-server';

/**
 * The business record is tamper-evident (issue #16): history events and opinions are SM3-chained
 * per instance, document versions per document; a row edited directly in the database is named
 * by the matching verify endpoint. Who may verify: whoever may read, and the auditor.
 */
const BODY = '各县（区）人民政府：现就开展安全生产大检查有关事项通知如下。';

describe('business record verification (e2e)', () => {
  let server: TestServer;
  let ds: DataSource;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    ds = server.app.get(DataSource);
    for (const u of ['admin', 'staff', 'head', 'fgw_head', 'clerk', 'auditor', 'deputy']) t[u] = await server.login(u);
  });
  afterAll(() => server.stop());

  const get = (token: string, path: string) => server.call('GET', path, { token });
  const verifyInstance = async (id: string, token = t.staff) => {
    const r = await get(token, `/api/instances/${id}/verify`);
    expect(r.status).toBe(200);
    return r.body;
  };
  const verifyDocument = async (id: string, token = t.clerk) => {
    const r = await get(token, `/api/documents/${id}/verify`);
    expect(r.status).toBe(200);
    return r.body;
  };
  /** A leave request of 5 days, approved by the department head with an opinion: it waits at 分管领导审批. */
  const approvedByHead = async () => {
    const r = await server.call('POST', '/api/instances', {
      token: t.staff,
      body: { definitionKey: 'request-approval', variables: { days: 5, reason: '探亲' } },
    });
    expect(r.status).toBe(201);
    const id = r.body.id as string;
    const task = await eventually(async () => {
      const open = await get(t.staff, `/api/tasks?instanceId=${id}`);
      return open.body.items.find((x: any) => x.elementId === 'deptHeadApproval' && x.status === 'open');
    });
    const done = await server.call('POST', `/api/tasks/${task.id}/complete`, {
      token: t.head,
      body: { variables: { approved: true }, opinion: { text: '同意，请分管领导审批', approve: true } },
    });
    expect(done.status).toBe(200);
    return id;
  };
  const createDocument = async (title: string) => {
    const r = await server.call('POST', '/api/documents', {
      token: t.clerk,
      body: {
        direction: 'outgoing',
        docType: 'GW08',
        title,
        issuer: '安康市人民政府',
        orgCode: '安政发',
        mainRecipients: ['各县（区）人民政府'],
        writtenDate: '2026-11-20',
        body: BODY,
      },
    });
    expect(r.status).toBe(201);
    const id = r.body.id as string;
    // a second version: the chain has two links
    const patched = await server.call('PATCH', `/api/documents/${id}`, { token: t.clerk, body: { body: `${BODY}特此通知。` } });
    expect(patched.status).toBe(200);
    expect(patched.body.version).toBe(2);
    return id;
  };

  it('should verify an untouched instance and document, and carry the chain across commands', async () => {
    // given an instance with history and an opinion, and a document with two versions
    const id = await approvedByHead();
    const doc = await createDocument('安康市人民政府关于开展安全生产大检查的通知');
    // then both verify
    const instance = await verifyInstance(id);
    expect(instance).toEqual({ ok: true, checked: expect.any(Number), legacy: 0 });
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM history_event WHERE instance_id = ?', [id]);
    expect(instance.checked).toBe(Number(n) + 1); // every history event and the one opinion
    expect(await verifyDocument(doc)).toEqual({ ok: true, checked: 2, legacy: 0 });
    // and the stored links are SM3 hex, each instance's own
    const hashes: { hash: string }[] = await ds.query('SELECT hash FROM history_event WHERE instance_id = ? ORDER BY seq', [id]);
    expect(hashes.every((h) => /^[0-9a-f]{64}$/.test(h.hash))).toBe(true);
  });

  it('should name the history event edited in the database', async () => {
    // given
    const id = await approvedByHead();
    // when a history row's details are changed directly
    await ds.query(`UPDATE history_event SET details = ? WHERE instance_id = ? AND seq = 2`, ['{"forged":true}', id]);
    // then
    expect(await verifyInstance(id)).toMatchObject({ ok: false, firstBroken: { kind: 'history', id, seq: 2 } });
  });

  it('should name a history event removed from the end of the record', async () => {
    const id = await approvedByHead();
    const [{ last }] = await ds.query('SELECT MAX(seq) AS last FROM history_event WHERE instance_id = ?', [id]);
    await ds.query('DELETE FROM history_event WHERE instance_id = ? AND seq = ?', [id, last]);
    expect(await verifyInstance(id)).toMatchObject({ ok: false, firstBroken: { kind: 'history', id, seq: Number(last) } });
  });

  it('should name the opinion whose text was edited in the database', async () => {
    // given
    const id = await approvedByHead();
    const [opinion] = await ds.query('SELECT id FROM opinion WHERE instance_id = ?', [id]);
    // when
    await ds.query('UPDATE opinion SET text = ? WHERE id = ?', ['不同意', opinion.id]);
    // then
    expect(await verifyInstance(id)).toMatchObject({ ok: false, firstBroken: { kind: 'opinion', id: opinion.id, seq: 1 } });
  });

  it('should name the document version whose body was edited, even with its digest recomputed', async () => {
    // given
    const doc = await createDocument('安康市人民政府关于做好防汛工作的通知');
    const [v1] = await ds.query('SELECT content FROM document_version WHERE document_id = ? AND version = 1', [doc]);
    const forged = String(v1.content).replace('安全生产大检查', '防汛物资采购');
    expect(forged).not.toBe(v1.content);
    // when only the body is changed, the version's own digest no longer matches
    await ds.query('UPDATE document_version SET content = ? WHERE document_id = ? AND version = 1', [forged, doc]);
    expect(await verifyDocument(doc)).toMatchObject({ ok: false, firstBroken: { kind: 'version', id: doc, seq: 1 } });
    // and when the digest is recomputed too, the chain still names it
    await ds.query('UPDATE document_version SET digest = ? WHERE document_id = ? AND version = 1', [sm3Hex(forged), doc]);
    expect(await verifyDocument(doc)).toMatchObject({ ok: false, firstBroken: { kind: 'version', id: doc, seq: 1 } });
  });

  it('should name the document whose current body was edited in the database', async () => {
    const doc = await createDocument('安康市人民政府关于加强森林防火工作的通知');
    await ds.query('UPDATE official_document SET body = ? WHERE id = ?', ['篡改后的正文', doc]);
    expect(await verifyDocument(doc)).toMatchObject({ ok: false, firstBroken: { kind: 'document', id: doc } });
  });

  it('should count rows written before the chain as legacy, and chain what follows', async () => {
    // given an instance whose rows predate the chain (the migration leaves them without a hash)
    const id = await approvedByHead();
    await ds.query('UPDATE history_event SET hash = NULL WHERE instance_id = ?', [id]);
    await ds.query('UPDATE opinion SET hash = NULL, seq = NULL WHERE instance_id = ?', [id]);
    await ds.query('UPDATE process_instance SET history_hash = NULL, opinion_hash = NULL, opinion_seq = 0 WHERE id = ?', [id]);
    const [{ n }] = await ds.query('SELECT COUNT(*) AS n FROM history_event WHERE instance_id = ?', [id]);
    expect(await verifyInstance(id)).toEqual({ ok: true, checked: 0, legacy: Number(n) + 1 });
    // when the next step is taken
    const task = await eventually(async () => {
      const open = await get(t.deputy, `/api/tasks?instanceId=${id}`);
      return open.body.items.find((x: any) => x.elementId === 'leaderApproval' && x.status === 'open');
    });
    if (!task.assignee) expect((await server.call('POST', `/api/tasks/${task.id}/claim`, { token: t.deputy })).status).toBe(200);
    const done = await server.call('POST', `/api/tasks/${task.id}/complete`, {
      token: t.deputy,
      body: { variables: { approved: true }, opinion: '同意' },
    });
    expect(done.status).toBe(200);
    // then the new rows are chained after the legacy ones
    const after = await verifyInstance(id);
    expect(after).toMatchObject({ ok: true, legacy: Number(n) + 1 });
    expect(after.checked).toBeGreaterThan(1);
  });

  it('should answer whoever may read, and the auditor; everyone else gets 404', async () => {
    // given
    const id = await approvedByHead();
    const doc = await createDocument('安康市人民政府关于做好冬季供暖工作的通知');
    // then, cell by cell
    const cells: [string, string, number][] = [
      ['staff', `/api/instances/${id}/verify`, 200], // the initiator
      ['head', `/api/instances/${id}/verify`, 200], // acted in it
      ['admin', `/api/instances/${id}/verify`, 200], // workflow admin: metadata view
      ['auditor', `/api/instances/${id}/verify`, 200],
      ['fgw_head', `/api/instances/${id}/verify`, 404], // no part
      ['clerk', `/api/instances/${id}/verify`, 404],
      ['auditor', `/api/instances/01aaaaaaaaaaaaaaaaaaaaaaaa/verify`, 404],
      ['clerk', `/api/documents/${doc}/verify`, 200], // the drafter
      ['auditor', `/api/documents/${doc}/verify`, 200],
      ['fgw_head', `/api/documents/${doc}/verify`, 404],
      ['staff', `/api/documents/${doc}/verify`, 404],
      ['auditor', `/api/documents/01aaaaaaaaaaaaaaaaaaaaaaaa/verify`, 404],
    ];
    const seen: [string, string, number][] = [];
    for (const [user, path] of cells) seen.push([user, path, (await get(t[user], path)).status]);
    expect(seen).toEqual(cells);
    // and the answer holds no content
    const auditorView = (await get(t.auditor, `/api/instances/${id}/verify`)).body;
    expect(Object.keys(auditorView).sort()).toEqual(['checked', 'legacy', 'ok']);
  });
});
