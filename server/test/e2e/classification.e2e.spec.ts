import { bpmn } from '../support/bpmn-fixtures';
import { TestServer } from '../support/test-server';

/** 发文 whose 核稿 goes to staff, a 非涉密人员 (a model that names someone uncleared). */
const outgoingProcess = bpmn(`<process id="outgoing-document" isExecutable="true">
  <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
  <userTask id="review" name="核稿" camunda:assignee="staff"/><sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
  <endEvent id="end"/></process>`);

const outgoing = (extra: Record<string, unknown> = {}) => ({
  direction: 'outgoing',
  docType: 'GW08',
  title: '安康市人民政府关于开展安全生产大检查的通知',
  issuer: '安康市人民政府',
  orgCode: '安政发',
  mainRecipients: ['各县（区）人民政府'],
  writtenDate: '2026-11-20',
  ...extra,
});
const PAPER = { copyNumber: '000012', custodian: '张晓明', storageLocation: '市政府办公室机要室 3 号保密柜' };
const secret = (title: string, level = 'SECRET') =>
  outgoing({
    title,
    secretLevel: level,
    secrecyPeriod: { value: 5, unit: 'YEAR' },
    disclosure: 'NOT_PUBLIC',
    disclosureReason: '涉密',
    ...PAPER,
  });

/** 密级 and 涉密等级 (issue #15): who sets them, who sees classified documents, what they may hold. */
describe('classification and clearance (e2e)', () => {
  let server: TestServer;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    for (const u of ['admin', 'clerk', 'staff', 'head', 'secadmin', 'sysadmin']) t[u] = await server.login(u);
    expect(
      (await server.call('POST', '/api/definitions', { token: t.admin, raw: outgoingProcess, contentType: 'application/xml' })).status,
    ).toBe(201);
    for (const u of ['staff', 'secadmin', 'clerk', 'head', 'mayor'])
      ids[u] = (await server.call('GET', `/api/users?q=${u}`, { token: t.admin })).body.items.find((x: any) => x.username === u).id;
  });
  afterAll(() => server.stop());

  const get = (token: string, path: string) => server.call('GET', path, { token });
  const create = (body: unknown, token = t.clerk) => server.call('POST', '/api/documents', { token, body });
  const patch = (id: string, body: unknown, token = t.clerk) => server.call('PATCH', `/api/documents/${id}`, { token, body });
  const classify = (id: string, body: unknown, token = t.secadmin) =>
    server.call('POST', `/api/documents/${id}/classification`, { token, body });
  const upload = async (id: string, token = t.clerk) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(Buffer.from('附件内容'))], { type: 'text/plain' }), '附件.txt');
    const r = await fetch(`${server.baseUrl}/api/documents/${id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: r.status, body: (await r.json()) as any };
  };

  describe('clearances', () => {
    it("should carry the demo city's clearances on every user", async () => {
      const clearance = async (u: string) => (await get(t.admin, `/api/users/${ids[u]}`)).body.clearance;
      expect(await clearance('clerk')).toBe('important');
      expect(await clearance('head')).toBe('core');
      expect(await clearance('mayor')).toBe('core');
      expect(await clearance('staff')).toBe('none');
    });

    it('should let only the security admin set a clearance, never their own', async () => {
      const put = (id: string, clearance: string, token: string) =>
        server.call('PUT', `/api/users/${id}/clearance`, { token, body: { clearance } });
      const own = await put(ids.secadmin, 'core', t.secadmin);
      expect([own.status, own.body.code]).toEqual([403, 'CLEARANCE_OWN_FORBIDDEN']);
      for (const who of ['sysadmin', 'admin', 'clerk']) expect([who, (await put(ids.staff, 'core', t[who])).status]).toEqual([who, 403]);
      expect((await get(t.admin, `/api/users/${ids.staff}`)).body.clearance).toBe('none');
      const set = await put(ids.head, 'important', t.secadmin);
      expect([set.status, set.body.clearance]).toEqual([200, 'important']);
      expect((await put(ids.head, 'core', t.secadmin)).body.clearance).toBe('core');
      const bad = await put(ids.head, 'top', t.secadmin);
      expect(bad.status).toBe(400);
    });
  });

  describe('who sees a classified document', () => {
    it('should hide a 秘密 document, its instance and its title from an uncleared participant and from anyone without a part', async () => {
      // given a 秘密 document whose 核稿 the model gives to staff, a 非涉密人员
      const title = '安康市人民政府关于加强某专项工作保密管理的通知';
      const created = await create(secret(title));
      expect(created.status).toBe(201);
      const doc = created.body;
      expect(doc).toMatchObject({ secretLevel: 'SECRET', ...PAPER });
      // then staff, though holding its task, reads neither the document nor the instance
      for (const path of [
        `/api/documents/${doc.id}`,
        `/api/documents/${doc.id}/attachments`,
        `/api/instances/${doc.instanceId}`,
        `/api/tasks?instanceId=${doc.instanceId}`,
      ])
        expect([path, (await get(t.staff, path)).status]).toEqual([path, 404]);
      // and no list of theirs names it
      for (const path of [
        '/api/documents',
        '/api/documents?box=todo',
        `/api/documents?q=${encodeURIComponent('保密管理')}`,
        '/api/tasks?assignee=me',
      ])
        expect([path, JSON.stringify((await get(t.staff, path)).body)]).not.toEqual([path, expect.stringContaining('保密管理')]);
      // head (核心) has no part in it: nothing either
      expect((await get(t.head, `/api/documents/${doc.id}`)).status).toBe(404);
      expect(JSON.stringify((await get(t.head, '/api/documents')).body)).not.toContain('保密管理');
      // the workflow admin gets the instance's metadata, no title in their lists
      expect((await get(t.admin, `/api/documents/${doc.id}`)).status).toBe(404);
      expect((await get(t.admin, `/api/instances/${doc.instanceId}`)).body).toMatchObject({ metadataOnly: true, variables: {} });
      expect(JSON.stringify((await get(t.admin, '/api/instances?limit=200')).body)).not.toContain('保密管理');
      expect(JSON.stringify((await get(t.admin, `/api/tasks?instanceId=${doc.instanceId}`)).body)).not.toContain('保密管理');
      // the creator (重要) reads it
      expect((await get(t.clerk, `/api/documents/${doc.id}`)).body.title).toBe(title);
      // when the security admin raises it to 绝密, beyond the creator's 重要
      expect((await classify(doc.id, { secretLevel: 'TOP_SECRET', reason: '经定密责任人审定升为绝密' })).status).toBe(200);
      // then the creator no longer sees it
      expect((await get(t.clerk, `/api/documents/${doc.id}`)).status).toBe(404);
      expect(JSON.stringify((await get(t.clerk, '/api/documents?box=mine')).body)).not.toContain('保密管理');
    });

    it('should refuse a clerk recording a document above their own clearance', async () => {
      const r = await create(secret('安康市人民政府关于某绝密事项的通知', 'TOP_SECRET'));
      expect([r.status, r.body.code]).toEqual([403, 'DOCUMENT_CLEARANCE_INSUFFICIENT']);
    });

    it("should not show the workflow admin a document's body or attachments", async () => {
      const doc = (await create(outgoing({ title: '安康市人民政府关于做好冬季供暖工作的通知', body: '正文：供暖期自11月15日起' }))).body;
      const up = await upload(doc.id);
      expect(up.status).toBe(201);
      for (const path of [
        `/api/documents/${doc.id}`,
        `/api/documents/${doc.id}/attachments`,
        `/api/documents/${doc.id}/attachments/${up.body.id}`,
      ])
        expect([path, (await get(t.admin, path)).status]).toEqual([path, 404]);
      expect(JSON.stringify((await get(t.admin, '/api/documents?pageSize=100')).body)).not.toContain('供暖期');
      expect(JSON.stringify((await get(t.admin, `/api/instances/${doc.instanceId}`)).body)).not.toContain('供暖期');
    });
  });

  describe('变更密级', () => {
    it('should refuse a 密级 change through PATCH by anyone, the creator included, and change nothing', async () => {
      const doc = (await create(secret('安康市人民政府关于某专项检查的通知'))).body;
      for (const body of [
        { secretLevel: 'NONE', secrecyPeriod: null },
        { secretLevel: 'CONFIDENTIAL' },
        { secrecyPeriod: { value: 9, unit: 'YEAR' } },
      ]) {
        const r = await patch(doc.id, body);
        expect([r.status, r.body.code]).toEqual([403, 'DOCUMENT_CLASSIFICATION_LOCKED']);
      }
      const after = (await get(t.clerk, `/api/documents/${doc.id}`)).body;
      expect([after.secretLevel, after.version, after.body]).toEqual(['SECRET', 1, null]);
      // and an electronic body cannot follow
      const body = await patch(doc.id, { body: '正文' });
      expect([body.status, body.body.code]).toEqual([422, 'DOCUMENT_CLASSIFIED_NO_BODY']);
    });

    it('should let the security admin change the 密级 with a reason, and nobody else', async () => {
      const doc = (await create(secret('安康市人民政府关于某专项审计的通知'))).body;
      for (const who of ['clerk', 'admin', 'sysadmin']) {
        const r = await classify(doc.id, { secretLevel: 'NONE', reason: '解密' }, t[who]);
        expect([who, r.status]).toEqual([who, 403]);
      }
      for (const reason of [undefined, '', '   ']) {
        const r = await classify(doc.id, { secretLevel: 'NONE', ...(reason === undefined ? {} : { reason }) });
        expect([r.status, r.body.code]).toEqual([422, 'DOCUMENT_CLASSIFICATION_REASON_REQUIRED']);
      }
      expect((await get(t.clerk, `/api/documents/${doc.id}`)).body.secretLevel).toBe('SECRET');
      const down = await classify(doc.id, { secretLevel: 'NONE', reason: '保密期限届满，经审核解密' });
      expect(down.status).toBe(200);
      expect(down.body).toMatchObject({ documentId: doc.id, fromLevel: 'SECRET', toLevel: 'NONE', changedBy: 'secadmin' });
      const after = (await get(t.clerk, `/api/documents/${doc.id}`)).body;
      expect([after.secretLevel, after.secrecyPeriod, after.version]).toEqual(['NONE', null, 2]);
      const same = await classify(doc.id, { secretLevel: 'NONE', reason: '再次' });
      expect([same.status, same.body.code]).toEqual([422, 'DOCUMENT_CLASSIFICATION_UNCHANGED']);
    });
  });

  describe('paper custody and no electronic content', () => {
    it('should require 份号 (six digits), 保管人 and 存放位置 of a classified document on create and on change', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ copyNumber: undefined }, 'DOCUMENT_COPY_NUMBER_REQUIRED'],
        [{ copyNumber: '12' }, 'DOCUMENT_COPY_NUMBER_FORMAT'],
        [{ copyNumber: '00001a' }, 'DOCUMENT_COPY_NUMBER_FORMAT'],
        [{ custodian: undefined }, 'DOCUMENT_CUSTODIAN_REQUIRED'],
        [{ storageLocation: '  ' }, 'DOCUMENT_STORAGE_LOCATION_REQUIRED'],
      ];
      for (const [change, code] of cases) {
        const r = await create({ ...secret('安康市人民政府关于某保密事项的通知'), ...change });
        expect([JSON.stringify(change), r.status, r.body.code]).toEqual([JSON.stringify(change), 422, code]);
      }
      const doc = (await create(secret('安康市人民政府关于某保密事项的通知'))).body;
      const cleared = await patch(doc.id, { custodian: '' });
      expect([cleared.status, cleared.body.code]).toEqual([422, 'DOCUMENT_CUSTODIAN_REQUIRED']);
      const moved = await patch(doc.id, { storageLocation: '市政府办公室机要室 5 号保密柜' });
      expect([moved.status, moved.body.storageLocation, moved.body.version]).toEqual([200, '市政府办公室机要室 5 号保密柜', 1]);
      // raising a plain document needs them too
      const plain = (await create(outgoing({ title: '安康市人民政府关于某待定密事项的通知' }))).body;
      const raise = await classify(plain.id, { secretLevel: 'SECRET', secrecyPeriod: { value: 5, unit: 'YEAR' }, reason: '经审定属秘密' });
      expect([raise.status, raise.body.code]).toEqual([422, 'DOCUMENT_COPY_NUMBER_REQUIRED']);
    });

    it('should refuse an electronic body or attachment for 机密 on every write path', async () => {
      const confidential = secret('安康市人民政府关于某机密事项的通知', 'CONFIDENTIAL');
      // create with a body
      const withBody = await create({ ...confidential, body: '正文' });
      expect([withBody.status, withBody.body.code]).toEqual([422, 'DOCUMENT_CLASSIFIED_NO_BODY']);
      const doc = (await create(confidential)).body;
      // PATCH a body
      const body = await patch(doc.id, { body: '正文' });
      expect([body.status, body.body.code]).toEqual([422, 'DOCUMENT_CLASSIFIED_NO_BODY']);
      // upload an attachment
      const up = await upload(doc.id);
      expect([up.status, up.body.code]).toEqual([422, 'DOCUMENT_CLASSIFIED_NO_BODY']);
      // raise a document that holds a body, then one that holds an attachment
      const raiseTo = { secretLevel: 'CONFIDENTIAL', secrecyPeriod: { value: 10, unit: 'YEAR' }, reason: '经审定属机密', ...PAPER };
      const withText = (
        await create(
          outgoing({
            title: '安康市人民政府关于某待定密事项的通知',
            body: '电子正文',
            disclosure: 'NOT_PUBLIC',
            disclosureReason: '待定密',
          }),
        )
      ).body;
      const r1 = await classify(withText.id, raiseTo);
      expect([r1.status, r1.body.code]).toEqual([422, 'DOCUMENT_CLASSIFIED_NO_BODY']);
      expect((await get(t.clerk, `/api/documents/${withText.id}`)).body).toMatchObject({
        secretLevel: 'NONE',
        body: '电子正文',
        version: 1,
      });
      const withFile = (
        await create(outgoing({ title: '安康市人民政府关于另一待定密事项的通知', disclosure: 'NOT_PUBLIC', disclosureReason: '待定密' }))
      ).body;
      expect((await upload(withFile.id)).status).toBe(201);
      const r2 = await classify(withFile.id, raiseTo);
      expect([r2.status, r2.body.code]).toEqual([422, 'DOCUMENT_CLASSIFIED_NO_BODY']);
      // once the body is removed, the document can be raised
      expect((await patch(withText.id, { body: null })).status).toBe(200);
      expect((await classify(withText.id, raiseTo)).status).toBe(200);
      const raised = await get(t.clerk, `/api/documents/${withText.id}`);
      expect(raised.body).toMatchObject({ secretLevel: 'CONFIDENTIAL', body: null, ...PAPER });
    });
  });
});
