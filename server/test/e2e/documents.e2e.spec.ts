import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sm3Hex } from '../../src/platform/crypto/sm3';
import { bpmn } from '../support/bpmn-fixtures';
import { TestServer } from '../support/test-server';

/** 收文: 拟办 by the clerk, then 批示 by the office head. */
const incomingProcess = bpmn(`<process id="incoming-document" isExecutable="true">
  <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="propose"/>
  <userTask id="propose" name="拟办" camunda:assignee="clerk"/><sequenceFlow id="f2" sourceRef="propose" targetRef="instruct"/>
  <userTask id="instruct" name="批示" camunda:assignee="head"/><sequenceFlow id="f3" sourceRef="instruct" targetRef="end"/>
  <endEvent id="end"/></process>`);
/** 发文: 核稿 by the office head, then 登记 by the clerk (where the 发文字号 is allocated). */
const outgoingProcess = bpmn(`<process id="outgoing-document" isExecutable="true">
  <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
  <userTask id="review" name="核稿" camunda:assignee="head"/><sequenceFlow id="f2" sourceRef="review" targetRef="register"/>
  <userTask id="register" name="登记" camunda:assignee="clerk"/><sequenceFlow id="f3" sourceRef="register" targetRef="end"/>
  <endEvent id="end"/></process>`);

const registration = {
  sourceOrg: '陕西省人民政府办公厅',
  sourceDocNumber: '陕政办发〔2026〕3号',
  signedForAt: '2026-09-29T09:15:42+08:00',
  channel: 'EXCHANGE',
  handlingType: 'ACT',
  timeLimitWorkdays: 5,
};
const incoming = (title = '陕西省人民政府办公厅关于做好2026年国庆节期间值班工作的通知', extra: Record<string, unknown> = {}) => ({
  direction: 'incoming',
  docType: 'GW08',
  title,
  issuer: '陕西省人民政府办公厅',
  mainRecipients: ['各市人民政府'],
  registration,
  ...extra,
});
const outgoing = (extra: Record<string, unknown> = {}) => ({
  direction: 'outgoing',
  docType: 'GW08',
  title: '安康市人民政府关于开展安全生产大检查的通知',
  issuer: '安康市人民政府',
  orgCode: '安政发',
  mainRecipients: ['各县（区）人民政府', '市政府各部门'],
  writtenDate: '2026-11-20',
  ...extra,
});

describe('official documents (e2e)', () => {
  let server: TestServer;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    for (const u of ['admin', 'clerk', 'staff', 'head', 'deputy', 'fgw_clerk']) t[u] = await server.login(u);
    // the test's own processes: a newer version than any shipped one, so documents start these
    for (const xml of [incomingProcess, outgoingProcess]) {
      expect((await server.call('POST', '/api/definitions', { token: t.admin, raw: xml, contentType: 'application/xml' })).status).toBe(
        201,
      );
    }
  });
  afterAll(() => server.stop());

  const create = async (body: unknown, token = t.clerk) => server.call('POST', '/api/documents', { token, body });
  const upload = async (id: string, bytes: Buffer | string, name: string, token = t.clerk) => {
    const form = new FormData();
    form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type: 'application/octet-stream' }), name);
    const r = await fetch(`${server.baseUrl}/api/documents/${id}/attachments`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: r.status, body: (await r.json()) as any };
  };

  describe('registration and drafting', () => {
    it('should register an incoming document with its 收文号, 签收 minute, due date and process in one go', async () => {
      const r = await create(incoming());
      expect(r.status).toBe(201);
      const doc = r.body;
      expect(doc).toMatchObject({ direction: 'incoming', docTypeName: '通知', status: 'handling', version: 1, createdBy: 'clerk' });
      expect(doc.digest).toMatch(/^[0-9a-f]{64}$/);
      expect(doc.registration).toMatchObject({
        regNo: '收〔2026〕1号',
        signedForBy: 'clerk',
        signedForAt: '2026-09-29T01:15:00.000Z',
        timeLimitWorkdays: 5,
        dueProvisional: false,
      });
      // the deadline is the calendar's: 5 working days after 2026-09-29, across the National Day holiday
      const due = await server.call('GET', `/api/calendar/due?from=${encodeURIComponent('2026-09-29T09:15:00+08:00')}&workdays=5`, {
        token: t.clerk,
      });
      expect(doc.registration.dueAt).toBe(due.body.dueAt);
      const instance = await server.call('GET', `/api/instances/${doc.instanceId}`, { token: t.clerk });
      expect(instance.body).toMatchObject({ definitionKey: 'incoming-document', businessKey: doc.id });
      expect(doc.processingRecord.map((s: any) => [s.step, s.assignee, s.status])).toEqual([['propose', 'clerk', 'open']]);
      const second = await create(incoming('陕西省人民政府关于印发2026年重点工作任务分工的通知'));
      expect(second.body.registration.regNo).toBe('收〔2026〕2号');
    });

    it('should store no document when its process cannot start (one transaction)', async () => {
      const before = (await server.call('GET', '/api/documents?box=mine', { token: t.clerk })).body.total;
      const idle = outgoingProcess.replace('id="outgoing-document" isExecutable="true"', 'id="outgoing-document" isExecutable="false"');
      expect((await server.call('POST', '/api/definitions', { token: t.admin, raw: idle, contentType: 'application/xml' })).status).toBe(
        201,
      );
      const r = await create(outgoing());
      expect([r.status, r.body.code]).toEqual([422, 'PROCESS_NOT_EXECUTABLE']);
      expect((await server.call('GET', '/api/documents?box=mine', { token: t.clerk })).body.total).toBe(before);
      expect(
        (await server.call('POST', '/api/definitions', { token: t.admin, raw: outgoingProcess, contentType: 'application/xml' })).status,
      ).toBe(201);
      expect((await create(outgoing())).status).toBe(201);
    });

    it('should answer 422 with every broken rule by field and store nothing', async () => {
      const before = (await server.call('GET', '/api/documents?box=mine', { token: t.clerk })).body.total;
      const r = await create(
        outgoing({
          docType: 'GW11',
          title: '关于申请防汛专项资金',
          mainRecipients: ['省政府', '省财政厅'],
          attachmentNotes: ['资金测算表。'],
        }),
      );
      expect([r.status, r.body.code]).toEqual([422, 'DOCUMENT_RULE_VIOLATION']);
      expect(r.body.details.map((d: any) => `${d.field}:${d.rule}`).sort()).toEqual(
        ['attachmentNotes.0:ATTACHMENT_NAME_PUNCTUATION', 'mainRecipients:REQUEST_ONE_MAIN_RECIPIENT', 'title:TITLE_DOC_TYPE'].sort(),
      );
      expect(r.body.details[0].message).toMatch(/[\u4e00-\u9fa5]/);
      const urgent = await create(
        incoming(undefined, { urgency: 'EXTRA_URGENT', registration: { ...registration, timeLimitWorkdays: null } }),
      );
      expect(urgent.body.details.map((d: any) => d.rule)).toEqual(['TIME_LIMIT_REQUIRED']);
      expect((await server.call('GET', '/api/documents?box=mine', { token: t.clerk })).body.total).toBe(before);
    });

    it('should refuse fields the client may not set and malformed ids with 400, storing nothing', async () => {
      const before = (await server.call('GET', '/api/documents?box=mine', { token: t.clerk })).body.total;
      for (const body of [
        { ...outgoing(), version: 99 },
        { ...outgoing(), docNumber: '安政发〔2026〕1号' },
        { ...outgoing(), createdBy: 'mayor' },
        JSON.parse(`{"direction":"outgoing","docType":"GW08","title":"x通知","__proto__":{"admin":true}}`),
        { ...outgoing(), docType: 'GW16' },
        { ...outgoing(), registration: { ...registration, channel: 'PIGEON' } },
      ]) {
        const r = await create(body);
        expect([r.status, r.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
      expect((await server.call('GET', "/api/documents/1' OR '1'='1", { token: t.clerk })).status).toBe(400);
      expect((await server.call('GET', '/api/documents?box=all&pageSize=1000', { token: t.clerk })).status).toBe(400);
      expect((await server.call('GET', '/api/documents?box=mine', { token: t.clerk })).body.total).toBe(before);
    });

    it('should let only clerks register', async () => {
      const r = await create(outgoing(), t.staff);
      expect([r.status, r.body.code]).toEqual([403, 'FORBIDDEN_ROLE']);
    });

    it('should bump the version and digest on each change and keep them on a change to nothing', async () => {
      const doc = (await create(outgoing({ body: '一、检查范围……' }))).body;
      const changed = await server.call('PATCH', `/api/documents/${doc.id}`, { token: t.clerk, body: { body: '一、检查范围和重点……' } });
      expect(changed.status).toBe(200);
      expect(changed.body.version).toBe(2);
      expect(changed.body.digest).not.toBe(doc.digest);
      const same = await server.call('PATCH', `/api/documents/${doc.id}`, { token: t.clerk, body: { body: '一、检查范围和重点……' } });
      expect([same.body.version, same.body.digest]).toEqual([2, changed.body.digest]);
      const bad = await server.call('PATCH', `/api/documents/${doc.id}`, { token: t.clerk, body: { title: '安全生产大检查' } });
      expect([bad.status, bad.body.code, bad.body.details[0].rule]).toEqual([422, 'DOCUMENT_RULE_VIOLATION', 'TITLE_DOC_TYPE']);
      // the 核稿 holder may change it too; a colleague with no task may not
      expect(
        (await server.call('PATCH', `/api/documents/${doc.id}`, { token: t.head, body: { note: '（此件公开发布）' } })).body.version,
      ).toBe(3);
    });
  });

  describe('boxes, search and access', () => {
    let docId: string;
    beforeAll(async () => {
      docId = (await create(incoming('陕西省应急管理厅关于加强冬季森林防火工作的通知'))).body.id;
    });

    const box = async (user: string, name: string, q = '') =>
      (await server.call('GET', `/api/documents?box=${name}${q ? `&q=${encodeURIComponent(q)}` : ''}`, { token: t[user] })).body.items.map(
        (d: any) => d.id,
      );

    it("should move a document from my todo box to my done box and into the next handler's todo", async () => {
      expect(await box('clerk', 'todo')).toContain(docId);
      expect(await box('head', 'todo')).not.toContain(docId);
      const instanceId = (await server.call('GET', `/api/documents/${docId}`, { token: t.clerk })).body.instanceId;
      const task = (await server.call('GET', '/api/tasks?assignee=me', { token: t.clerk })).body.items.find(
        (x: any) => x.elementId === 'propose' && x.instanceId === instanceId,
      );
      expect(
        (await server.call('POST', `/api/tasks/${task.id}/complete`, { token: t.clerk, body: { opinion: '拟请刘洋主任阅示' } })).status,
      ).toBe(200);
      expect(await box('clerk', 'todo')).not.toContain(docId);
      expect(await box('clerk', 'done')).toContain(docId);
      expect(await box('head', 'todo')).toContain(docId);
      expect(await box('clerk', 'mine')).toContain(docId);
      expect(await box('head', 'mine')).not.toContain(docId);
      expect(await box('head', 'all')).toContain(docId);
      const detail = (await server.call('GET', `/api/documents/${docId}`, { token: t.head })).body;
      expect(detail.processingRecord.map((s: any) => [s.name, s.completedBy, s.opinion, s.status])).toEqual([
        ['拟办', 'clerk', '拟请刘洋主任阅示', 'completed'],
        ['批示', null, null, 'open'],
      ]);
      // the opinion is bound to the version it was written on; a later change makes a new digest
      expect(detail.processingRecord[0].opinions).toEqual([
        expect.objectContaining({ text: '拟请刘洋主任阅示', author: 'clerk', onBehalfOf: null, documentDigest: detail.digest }),
      ]);
      const changed = await server.call('PATCH', `/api/documents/${docId}`, { token: t.head, body: { note: '（此件不公开）' } });
      expect(changed.body.digest).not.toBe(detail.digest);
      expect(changed.body.processingRecord[0].opinions[0].documentDigest).toBe(detail.digest);
    });

    it('should find documents by title, pinyin, initials, 收文号 and 来文字号', async () => {
      expect(await box('clerk', 'all', '森林防火')).toEqual([docId]);
      expect(await box('clerk', 'all', 'senlinfanghuo')).toEqual([docId]);
      expect(await box('clerk', 'all', 'slfh')).toEqual([docId]);
      const regNo = (await server.call('GET', `/api/documents/${docId}`, { token: t.clerk })).body.registration.regNo;
      expect(await box('clerk', 'all', regNo)).toEqual([docId]);
      expect((await box('clerk', 'all', '陕政办发〔2026〕3号')).length).toBeGreaterThan(1);
      expect(await box('clerk', 'all', '%')).toEqual([]);
    });

    it('should hide a document from a stranger on every route: 404 and not listed', async () => {
      for (const [method, path, body] of [
        ['GET', `/api/documents/${docId}`],
        ['PATCH', `/api/documents/${docId}`, { note: 'x' }],
        ['GET', `/api/documents/${docId}/attachments`],
        ['GET', `/api/documents/${docId}/circulation`],
        ['POST', `/api/documents/${docId}/circulate`, { readers: ['fgw_clerk'], order: 'parallel' }],
        ['POST', `/api/documents/${docId}/number`, {}],
      ] as [string, string, unknown][]) {
        const r = await server.call(method, path, { token: t.fgw_clerk, ...(body ? { body } : {}) });
        expect([method, path, r.status, r.body.code]).toEqual([method, path, 404, 'DOCUMENT_NOT_FOUND']);
      }
      expect(await box('fgw_clerk', 'all')).not.toContain(docId);
      expect(await box('staff', 'all')).not.toContain(docId);
      // the workflow admin with no part reads no document either (issue #15: metadata only, through the instance)
      expect((await server.call('GET', `/api/documents/${docId}`, { token: t.admin })).status).toBe(404);
    });
  });

  describe('发文字号', () => {
    const allocate = (id: string, token = t.clerk) => server.call('POST', `/api/documents/${id}/number`, { token, body: {} });
    /** the head passes 核稿: the document is at 登记, where numbers are given */
    const toRegister = async (id: string, token = t.clerk) => {
      const instanceId = (await server.call('GET', `/api/documents/${id}`, { token })).body.instanceId as string;
      const open = (await server.call('GET', `/api/tasks?instanceId=${instanceId}&status=open`, { token: t.head })).body.items as any[];
      const review = open.find((task) => task.elementId === 'review');
      if (review) expect((await server.call('POST', `/api/tasks/${review.id}/complete`, { token: t.head, body: {} })).status).toBe(200);
      return id;
    };
    const drafted = async (body: unknown, token = t.clerk) => toRegister((await create(body, token)).body.id as string, token);

    it('should refuse a number before 登记 and give one when 登记 is completed, never twice', async () => {
      const draft = (await create(outgoing({ orgCode: '安政字', title: '安康市人民政府关于表彰先进集体的通知' }))).body;
      const early = await allocate(draft.id);
      expect([early.status, early.body.code, early.body.message]).toEqual([
        409,
        'DOCUMENT_NUMBER_NOT_AT_REGISTER',
        expect.stringContaining('登记'),
      ]);
      expect((await server.call('GET', `/api/documents/${draft.id}`, { token: t.clerk })).body).toMatchObject({
        docNumber: null,
        version: 1,
      });
      await toRegister(draft.id);
      const register = (await server.call('GET', `/api/tasks?instanceId=${draft.instanceId}&status=open`, { token: t.clerk })).body
        .items[0];
      expect(register.elementId).toBe('register');
      const done = await server.call('POST', `/api/tasks/${register.id}/complete`, { token: t.clerk, body: { variables: {} } });
      expect(done.status).toBe(200);
      const registered = (await server.call('GET', `/api/documents/${draft.id}`, { token: t.clerk })).body;
      expect(registered.docNumber).toBe('安政字〔2026〕1号');
      expect((await server.call('GET', `/api/instances/${draft.instanceId}`, { token: t.clerk })).body.variables.docNumber).toBe(
        '安政字〔2026〕1号',
      );
      expect((await allocate(draft.id)).body.code).toBe('DOCUMENT_NUMBER_ALREADY_ALLOCATED');
    });

    it('should not complete 登记 without a number: a rule of issue broken refuses it and writes nothing', async () => {
      const request = await drafted(
        outgoing({ docType: 'GW11', orgCode: '安政请', title: '安康市人民政府关于申请救灾资金的请示', mainRecipients: ['陕西省人民政府'] }),
      );
      const instanceId = (await server.call('GET', `/api/documents/${request}`, { token: t.clerk })).body.instanceId;
      const register = (await server.call('GET', `/api/tasks?instanceId=${instanceId}&status=open`, { token: t.clerk })).body.items[0];
      const refused = await server.call('POST', `/api/tasks/${register.id}/complete`, { token: t.clerk, body: {} });
      expect([refused.status, refused.body.code, refused.body.details?.[0]?.rule]).toEqual([
        422,
        'DOCUMENT_RULE_VIOLATION',
        'SIGNER_REQUIRED',
      ]);
      expect((await server.call('GET', `/api/tasks/${register.id}`, { token: t.clerk })).body.status).toBe('open');
      expect((await server.call('GET', `/api/documents/${request}`, { token: t.clerk })).body.docNumber).toBeNull();
    });

    it('should give 20 clerks allocating at the same moment 20 distinct consecutive numbers', async () => {
      const ids: { id: string; token: string }[] = [];
      for (let i = 0; i < 20; i++) {
        const token = i % 2 ? t.fgw_clerk : t.clerk;
        ids.push({
          id: await drafted(outgoing({ orgCode: '安政办发', title: `安康市人民政府办公室关于第${i + 1}批项目的通知` }), token),
          token,
        });
      }
      const results = await Promise.all(ids.map(({ id, token }) => allocate(id, token)));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      const seqs = results.map((r) => Number(/〔2026〕(\d+)号$/.exec(r.body.docNumber)![1])).sort((a, b) => a - b);
      expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('should allocate once when the same document is registered twice at once', async () => {
      const id = await drafted(outgoing({ orgCode: '安政函', docType: 'GW14', title: '安康市人民政府关于商请支持的函' }));
      const [a, b] = await Promise.all([allocate(id), allocate(id)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      expect((await server.call('GET', `/api/documents/${id}`, { token: t.clerk })).body.docNumber).toBe('安政函〔2026〕1号');
    });

    it('should name the document by its title and 文号 in the instance list (流程监控)', async () => {
      const doc = (await create(outgoing({ orgCode: '安政函', docType: 'GW14', title: '安康市人民政府关于商请协助的函' }))).body;
      const row = () =>
        server
          .call('GET', '/api/instances?limit=200', { token: t.clerk })
          .then((r) => r.body.items.find((i: { id: string }) => i.id === doc.instanceId));
      expect(await row()).toMatchObject({ title: '安康市人民政府关于商请协助的函', docType: 'GW14', docNumber: null });
      await toRegister(doc.id);
      expect((await allocate(doc.id)).status).toBe(200);
      expect((await row()).docNumber).toMatch(/^安政函〔2026〕\d+号$/);
    });

    it('should never allocate at drafting, and record a voided number that is never reused', async () => {
      const draft = (await create(outgoing({ orgCode: '安政发' }))).body;
      expect(draft.docNumber).toBeNull();
      await toRegister(draft.id);
      const first = await allocate(draft.id);
      expect(first.body).toMatchObject({ docNumber: '安政发〔2026〕1号', version: 2 });
      expect(first.body.digest).not.toBe(draft.digest);
      const voided = await server.call('POST', `/api/documents/${draft.id}/number/void`, {
        token: t.clerk,
        body: { reason: '标题有误，重新编号' },
      });
      expect([voided.status, voided.body.docNumber]).toEqual([200, null]);
      expect(
        (await server.call('POST', `/api/documents/${draft.id}/number/void`, { token: t.clerk, body: { reason: 'again' } })).body.code,
      ).toBe('DOCUMENT_NUMBER_NOT_ALLOCATED');
      const other = await drafted(outgoing({ orgCode: '安政发' }));
      expect((await allocate(other)).body.docNumber).toBe('安政发〔2026〕2号');
      expect((await allocate(draft.id)).body.docNumber).toBe('安政发〔2026〕3号');
      // the voided number is listed, with who voided it and why; only clerks read the list
      const listed = (await server.call('GET', '/api/doc-numbers?status=voided&orgCode=安政发', { token: t.clerk })).body.items;
      expect(listed).toEqual([
        expect.objectContaining({
          text: '安政发〔2026〕1号',
          status: 'voided',
          documentId: draft.id,
          voidedBy: 'clerk',
          voidReason: '标题有误，重新编号',
        }),
      ]);
      const all = (await server.call('GET', '/api/doc-numbers?orgCode=安政发&year=2026', { token: t.clerk })).body.items;
      expect(all.map((n: { text: string; status: string }) => `${n.text} ${n.status}`)).toEqual([
        '安政发〔2026〕1号 voided',
        '安政发〔2026〕2号 allocated',
        '安政发〔2026〕3号 allocated',
      ]);
      expect((await server.call('GET', '/api/doc-numbers?status=voided', { token: t.head })).status).toBe(403);
    });

    it('should restart at 1 in a new year (the year of the 成文日期)', async () => {
      const next = await drafted(outgoing({ orgCode: '安政发', writtenDate: '2027-01-05' }));
      expect((await allocate(next)).body.docNumber).toBe('安政发〔2027〕1号');
      const back = await drafted(outgoing({ orgCode: '安政发', writtenDate: '2026-12-31' }));
      expect((await allocate(back)).body.docNumber).toBe('安政发〔2026〕4号');
    });

    it('should check the rules of registration and refuse numbers for incoming documents', async () => {
      const request = await drafted(
        outgoing({ docType: 'GW11', title: '安康市人民政府关于申请防汛专项资金的请示', mainRecipients: ['陕西省人民政府'] }),
      );
      const r = await allocate(request);
      expect([r.status, r.body.details?.[0]?.rule]).toEqual([422, 'SIGNER_REQUIRED']);
      await server.call('PATCH', `/api/documents/${request}`, { token: t.clerk, body: { signers: ['吴国强'] } });
      expect((await allocate(request)).status).toBe(200);
      const inc = (await create(incoming())).body;
      expect((await allocate(inc.id)).body.code).toBe('DOCUMENT_NOT_OUTGOING');
      const noCode = (await create(outgoing({ orgCode: null }))).body;
      expect((await allocate(noCode.id)).body.code).toBe('DOCUMENT_ORG_CODE_MISSING');
    });
  });

  describe('attachments', () => {
    it('should store an attachment with its SM3 digest and return exactly its bytes', async () => {
      const doc = (await create(outgoing())).body;
      const bytes = Buffer.from('值班安排表：10月1日 张三；10月2日 李四\n', 'utf8');
      const up = await upload(doc.id, bytes, '值班安排表.txt');
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ name: '值班安排表.txt', size: bytes.length, sm3: sm3Hex(bytes), uploadedBy: 'clerk' });
      const after = (await server.call('GET', `/api/documents/${doc.id}`, { token: t.clerk })).body;
      expect(after.version).toBe(2);
      expect(after.attachments.map((a: any) => a.id)).toEqual([up.body.id]);
      const r = await fetch(`${server.baseUrl}/api/documents/${doc.id}/attachments/${up.body.id}`, {
        headers: { authorization: `Bearer ${t.clerk}` },
      });
      expect(r.status).toBe(200);
      expect(Buffer.from(await r.arrayBuffer()).equals(bytes)).toBe(true);
      expect(r.headers.get('x-content-sm3')).toBe(sm3Hex(bytes));
      expect(r.headers.get('content-disposition')).toContain(encodeURIComponent('值班安排表.txt'));
      expect((await server.call('GET', `/api/documents/${doc.id}/attachments/${up.body.id}`, { token: t.fgw_clerk })).status).toBe(404);
    });

    it('should show a PDF inline to the holder of its task, and refuse a type that is not shown inline', async () => {
      // given: a PDF and a text file on a draft whose 核稿 the office head holds
      const doc = (await create(outgoing())).body;
      const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');
      const send = async (bytes: Buffer, name: string, type: string) => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
        const r = await fetch(`${server.baseUrl}/api/documents/${doc.id}/attachments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.clerk}` },
          body: form,
        });
        return (await r.json()) as { id: string };
      };
      const shown = await send(pdf, '检查方案.pdf', 'application/pdf');
      const text = await send(Buffer.from('<script>alert(1)</script>'), '说明.html', 'text/html');
      const preview = (id: string, token: string) =>
        fetch(`${server.baseUrl}/api/documents/${doc.id}/attachments/${id}/preview`, { headers: { authorization: `Bearer ${token}` } });
      // when
      const r = await preview(shown.id, t.head);
      const refused = await preview(text.id, t.head);
      const stranger = await preview(shown.id, t.fgw_clerk);
      // then
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      expect(r.headers.get('content-disposition')).toMatch(/^inline; /);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await r.arrayBuffer()).equals(pdf)).toBe(true);
      expect([refused.status, ((await refused.json()) as { code: string }).code]).toEqual([415, 'ATTACHMENT_NOT_PREVIEWABLE']);
      expect(stranger.status).toBe(404);
    });

    it('should refuse to hand out a file that no longer matches its digest', async () => {
      const doc = (await create(outgoing())).body;
      const up = await upload(doc.id, Buffer.from('原始内容'), '名单.txt');
      writeFileSync(join(server.env.config.dataDir, 'files', 'attachments', up.body.id), '篡改后的内容');
      const r = await server.call('GET', `/api/documents/${doc.id}/attachments/${up.body.id}`, { token: t.clerk });
      expect([r.status, r.body.code]).toEqual([409, 'ATTACHMENT_DIGEST_MISMATCH']);
      expect(JSON.stringify(r.body)).not.toContain('篡改');
    });

    it('should accept an attachment up to 20 MB and refuse one over it', async () => {
      const doc = (await create(outgoing())).body;
      // above the 5 MB limit of BPMN uploads: attachments have their own
      const scan = Buffer.alloc(6 * 1024 * 1024, 7);
      const ok = await upload(doc.id, scan, '扫描件.pdf');
      expect([ok.status, ok.body.size, ok.body.sm3]).toEqual([201, scan.length, sm3Hex(scan)]);
      const r = await upload(doc.id, Buffer.alloc(20 * 1024 * 1024 + 1, 1), 'big.bin');
      expect([r.status, r.body.code]).toEqual([413, 'ATTACHMENT_TOO_LARGE']);
      expect(
        (await server.call('GET', `/api/documents/${doc.id}/attachments`, { token: t.clerk })).body.items.map((a: any) => a.name),
      ).toEqual(['扫描件.pdf']);
    });

    it('should hold classified documents as metadata only', async () => {
      const secret = {
        secretLevel: 'SECRET',
        secrecyPeriod: { value: 5, unit: 'YEAR' },
        copyNumber: '000001',
        custodian: '张晓明',
        storageLocation: '机要室',
      };
      const withBody = await create(outgoing({ ...secret, body: '正文' }));
      expect([withBody.status, withBody.body.code]).toEqual([422, 'DOCUMENT_CLASSIFIED_NO_BODY']);
      const meta = await create(outgoing(secret));
      expect(meta.status).toBe(201);
      const up = await upload(meta.body.id, Buffer.from('x'), '附件.txt');
      expect([up.status, up.body.code]).toEqual([422, 'DOCUMENT_CLASSIFIED_NO_BODY']);
      const plain = (await create(outgoing())).body;
      expect((await upload(plain.id, Buffer.from('x'), '附件.txt')).status).toBe(201);
      // raising the 密级 is the security admin's 变更密级, refused while the document holds an attachment
      const raise = await server.call('PATCH', `/api/documents/${plain.id}`, { token: t.clerk, body: secret });
      expect([raise.status, raise.body.code]).toEqual([403, 'DOCUMENT_CLASSIFICATION_LOCKED']);
      const { secretLevel, secrecyPeriod, ...custody } = secret;
      const changed = await server.call('POST', `/api/documents/${plain.id}/classification`, {
        token: await server.login('secadmin'),
        body: { secretLevel, secrecyPeriod, ...custody, reason: '经审定属秘密' },
      });
      expect([changed.status, changed.body.code]).toEqual([422, 'DOCUMENT_CLASSIFIED_NO_BODY']);
    });
  });

  describe('传阅', () => {
    let docId: string;
    beforeAll(async () => {
      docId = (await create(incoming('陕西省人民政府关于表彰2026年度先进集体的通报', { docType: 'GW09' }))).body.id;
    });
    const circulate = (readers: string[], order: string) =>
      server.call('POST', `/api/documents/${docId}/circulate`, { token: t.clerk, body: { readers, order } });
    const act = (id: string, what: string, user: string, body: unknown = {}) =>
      server.call('POST', `/api/circulations/${id}/${what}`, { token: t[user], body });

    it('should pass a document reader by reader, with reorder and skip, always knowing the holder', async () => {
      const c = (await circulate(['head', 'staff', 'deputy'], 'sequential')).body;
      expect(c.holders).toEqual(['head']);
      expect((await act(c.id, 'read', 'staff')).body.code).toBe('CIRCULATION_NOT_YOUR_TURN');
      // the reader may open the document while it is with them
      expect((await server.call('GET', `/api/documents/${docId}`, { token: t.staff })).status).toBe(200);
      const afterHead = (await act(c.id, 'read', 'head', { note: '已阅，请各科室学习' })).body;
      expect(afterHead.holders).toEqual(['staff']);
      expect((await act(c.id, 'reorder', 'staff', { readers: ['deputy', 'staff'], reason: 'x' })).body.code).toBe('CIRCULATION_NOT_OWNER');
      expect((await act(c.id, 'reorder', 'clerk', { readers: ['deputy'], reason: '副市长先阅' })).body.code).toBe(
        'CIRCULATION_REORDER_MISMATCH',
      );
      expect((await act(c.id, 'reorder', 'clerk', { readers: ['deputy', 'staff'], reason: '副市长先阅' })).body.holders).toEqual([
        'deputy',
      ]);
      const skipped = (await act(c.id, 'skip', 'clerk', { reader: 'deputy', reason: '出差' })).body;
      expect(skipped.holders).toEqual(['staff']);
      const done = (await act(c.id, 'read', 'staff')).body;
      expect(done).toMatchObject({ status: 'completed', holders: [] });
      expect(done.readers.map((r: any) => [r.username, r.status, r.note ?? r.skipReason, !!r.readAt])).toEqual([
        ['head', 'read', '已阅，请各科室学习', true],
        ['deputy', 'skipped', '出差', false],
        ['staff', 'read', null, true],
      ]);
      const list = (await server.call('GET', `/api/documents/${docId}/circulation`, { token: t.clerk })).body.items;
      expect(list.map((x: any) => x.id)).toEqual([c.id]);
      const mine = (await server.call('GET', '/api/circulations?mine=true', { token: t.staff })).body.items;
      expect(mine.map((x: any) => [x.id, x.documentTitle])).toEqual([[c.id, '陕西省人民政府关于表彰2026年度先进集体的通报']]);
      const notes = (await server.call('GET', '/api/notifications', { token: t.head })).body.items;
      expect(notes.some((n: any) => n.kind === 'circulate')).toBe(true);
    });

    it('should give a parallel circulation to everyone at once and end when all have read', async () => {
      const c = (await circulate(['head', 'staff'], 'parallel')).body;
      expect(c.holders.sort()).toEqual(['head', 'staff']);
      expect((await act(c.id, 'read', 'staff')).body.holders).toEqual(['head']);
      expect((await act(c.id, 'reorder', 'clerk', { readers: ['head'], reason: 'x' })).body.code).toBe('CIRCULATION_NOT_SEQUENTIAL');
      expect((await act(c.id, 'read', 'staff')).body.code).toBe('CIRCULATION_ALREADY_READ');
      expect((await act(c.id, 'read', 'head')).body.status).toBe('completed');
      expect((await act(c.id, 'read', 'fgw_clerk')).status).toBe(404);
    });

    it('should record every receipt once when all readers of a parallel circulation read at the same moment', async () => {
      const readers = ['head', 'staff', 'deputy', 'fgw_clerk'];
      const c = (await circulate(readers, 'parallel')).body;
      const results = await Promise.all(readers.map((u) => act(c.id, 'read', u)));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      const final = (await server.call('GET', `/api/documents/${docId}/circulation`, { token: t.clerk })).body.items.find(
        (x: any) => x.id === c.id,
      );
      expect(final).toMatchObject({ status: 'completed', holders: [] });
      expect(final.readers.every((r: any) => r.status === 'read' && r.readAt)).toBe(true);
      const again = await Promise.all(readers.map((u) => act(c.id, 'read', u)));
      expect(again.map((r) => r.body.code)).toEqual(Array(4).fill('CIRCULATION_ALREADY_READ'));
    });

    it('should refuse unknown or repeated readers', async () => {
      const r = await circulate(['head', 'nobody'], 'parallel');
      expect([r.status, r.body.code, r.body.details]).toEqual([422, 'CIRCULATION_READER_UNKNOWN', { readers: ['nobody'] }]);
      expect((await circulate(['head', 'head'], 'parallel')).body.code).toBe('CIRCULATION_DUPLICATE_READER');
    });
  });
});
