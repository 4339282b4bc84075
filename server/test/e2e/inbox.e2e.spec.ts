import { bpmn } from '../support/bpmn-fixtures';
import { TestServer } from '../support/test-server';

/** The inbox query (GET /api/tasks): search with pinyin, the 公文 filters, deadlines, paging. */
describe('inbox: search, filters and display fields of GET /api/tasks (e2e)', () => {
  let server: TestServer;
  const t: Record<string, string> = {};
  const ids: Record<string, string> = {};
  let leadDept: string;

  /** 收文 handled by `deputy`: the inbox of these tests holds only what they create */
  const incomingProcess = bpmn(`<process id="incoming-document" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="propose"/>
    <userTask id="propose" name="拟办" camunda:assignee="deputy"/><sequenceFlow id="f2" sourceRef="propose" targetRef="end"/>
    <endEvent id="end"/></process>`);
  const plainProcess = bpmn(`<process id="inboxPlain" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" name="合同审核" camunda:assignee="deputy" camunda:dueDate="\${deadline}"/><sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/></process>`);
  const claimProcess = bpmn(`<process id="inboxClaim" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" name="合同会签" camunda:candidateUsers="deputy,head"/><sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/></process>`);
  const registration = {
    sourceOrg: '陕西省人民政府办公厅',
    signedForAt: '2026-09-29T09:15:42+08:00',
    channel: 'EXCHANGE',
    handlingType: 'ACT',
  };

  const list = (query: string, token = t.deputy) => server.call('GET', `/api/tasks?assignee=me&status=open&${query}`, { token });
  const names = (r: { body: any }) => (r.body.items as any[]).map((x) => x.id).sort();

  beforeAll(async () => {
    server = await TestServer.start();
    for (const u of ['admin', 'clerk', 'staff', 'deputy', 'fgw_clerk']) t[u] = await server.login(u);
    for (const xml of [incomingProcess, plainProcess, claimProcess]) {
      const r = await server.call('POST', '/api/definitions', { token: t.admin, raw: xml, contentType: 'application/xml' });
      if (r.status !== 201) throw new Error(`deploy: ${r.status} ${JSON.stringify(r.body)}`);
    }
    const orgs = (await server.call('GET', '/api/orgs', { token: t.clerk })).body.items as any[];
    leadDept = orgs.find((o) => o.kind === 'department')?.id ?? orgs[orgs.length - 1].id;
    const doc = async (key: string, body: Record<string, unknown>) => {
      const r = await server.call('POST', '/api/documents', {
        token: t.clerk,
        body: { direction: 'incoming', issuer: '陕西省人民政府办公厅', mainRecipients: ['各市人民政府'], ...body },
      });
      if (r.status !== 201) throw new Error(`document: ${r.status} ${JSON.stringify(r.body)}`);
      ids[`${key}Doc`] = r.body.id;
      ids[`${key}RegNo`] = r.body.registration.regNo;
      ids[`${key}Instance`] = r.body.instanceId;
      ids[key] = (await server.call('GET', `/api/tasks?instanceId=${r.body.instanceId}&status=open`, { token: t.deputy })).body.items[0].id;
    };
    await doc('flood', {
      docType: 'GW08',
      title: '关于做好防汛工作的通知',
      urgency: 'URGENT',
      registration: { ...registration, leadDept, timeLimitWorkdays: 5 },
    });
    await doc('meeting', { docType: 'GW14', title: '关于召开年度总结会议的函', urgency: 'NONE', registration });
    const plain = async (key: string, deadline: string | null) => {
      const r = await server.call('POST', '/api/instances', {
        token: t.staff,
        body: { definitionKey: 'inboxPlain', businessKey: `HT-2026_${key}`, variables: { deadline } },
      });
      if (r.status !== 201) throw new Error(`start: ${r.status} ${JSON.stringify(r.body)}`);
      ids[key] = (await server.call('GET', `/api/tasks?instanceId=${r.body.id}&status=open`, { token: t.deputy })).body.items[0].id;
    };
    await plain('overdue', new Date(Date.now() - 3600_000).toISOString());
    await plain('soon', new Date(Date.now() + 2 * 3600_000).toISOString());
    const claim = await server.call('POST', '/api/instances', { token: t.staff, body: { definitionKey: 'inboxClaim' } });
    ids.claimable = (await server.call('GET', `/api/tasks?instanceId=${claim.body.id}&status=open`, { token: t.deputy })).body.items[0].id;
    await plain('later', new Date(Date.now() + 5 * 24 * 3600_000).toISOString());
  });
  afterAll(() => server.stop());

  it('should show each task with its 公文 title, type, urgency and initiator read with the list', async () => {
    const r = await list('');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(5);
    const flood = r.body.items.find((x: any) => x.id === ids.flood);
    expect(flood).toMatchObject({
      title: '关于做好防汛工作的通知',
      docType: 'GW08',
      urgency: 'URGENT',
      documentId: ids.floodDoc,
      initiator: 'clerk',
    });
    expect(typeof flood.initiatorOrgName).toBe('string');
    expect(r.body.items.find((x: any) => x.id === ids.soon)).toMatchObject({
      title: null,
      docType: null,
      urgency: null,
      documentId: null,
      initiator: 'staff',
    });
  });

  it('should find a 公文 task by title, full pinyin, initials and 收文号, and a plain one by name and business key', async () => {
    expect(names(await list(`q=${encodeURIComponent('防汛')}`))).toEqual([ids.flood]);
    expect(names(await list('q=fangxun'))).toEqual([ids.flood]);
    expect(names(await list('q=FXGZ'))).toEqual([ids.flood]);
    expect(names(await list(`q=${encodeURIComponent(ids.meetingRegNo)}`))).toEqual([ids.meeting]);
    expect(names(await list(`q=${encodeURIComponent('合同')}`))).toEqual([ids.overdue, ids.soon, ids.later].sort());
    expect(names(await list(`q=${encodeURIComponent('HT-2026_soon')}`))).toEqual([ids.soon]);
    expect((await list('q=nothinglikethis')).body).toEqual({ items: [], total: 0 });
  });

  it('should show and find a plain process by its title, docType and urgency variables', async () => {
    const r = await server.call('POST', '/api/instances', {
      token: t.staff,
      body: { definitionKey: 'inboxPlain', variables: { deadline: null, title: '关于冬季供暖的请示', docType: '请示', urgency: '特急' } },
    });
    const taskId = (await server.call('GET', `/api/tasks?instanceId=${r.body.id}&status=open`, { token: t.deputy })).body.items[0].id;
    const found = await list(`q=${encodeURIComponent('冬季供暖')}`);
    expect(found.body.items).toEqual([
      expect.objectContaining({ id: taskId, title: '关于冬季供暖的请示', docType: '请示', urgency: '特急', documentId: null }),
    ]);
    await server.call('POST', `/api/tasks/${taskId}/complete`, { token: t.deputy, body: {} });
  });

  it('should show the matter of each instance in the 我发起的 and 抄送 lists, read with the list', async () => {
    // given a plain process whose matter is in its variables, and copies of it and of a 公文 task
    const r = await server.call('POST', '/api/instances', {
      token: t.staff,
      body: { definitionKey: 'inboxPlain', variables: { deadline: null, title: '关于春季防火的报告', docType: '报告', urgency: '加急' } },
    });
    const taskId = (await server.call('GET', `/api/tasks?instanceId=${r.body.id}&status=open`, { token: t.deputy })).body.items[0].id;
    for (const id of [taskId, ids.flood]) {
      expect((await server.call('POST', `/api/tasks/${id}/cc`, { token: t.deputy, body: { usernames: ['fgw_clerk'] } })).status).toBe(200);
    }
    // when the initiators list their instances and the recipient the copies
    const started = (await server.call('GET', '/api/instances', { token: t.staff })).body.items as any[];
    const clerks = (await server.call('GET', '/api/instances', { token: t.clerk })).body.items as any[];
    const copies = (await server.call('GET', '/api/cc?mine=true', { token: t.fgw_clerk })).body.items as any[];
    // then each row carries the 公文's title, 文种 and urgency, else the variables, else null
    expect(started.find((i) => i.id === r.body.id)).toMatchObject({ title: '关于春季防火的报告', docType: '报告', urgency: '加急' });
    expect(started.find((i) => i.businessKey === 'HT-2026_soon')).toMatchObject({ title: null, docType: null, urgency: null });
    expect(clerks.find((i) => i.id === ids.floodInstance)).toMatchObject({
      title: '关于做好防汛工作的通知',
      docType: 'GW08',
      urgency: 'URGENT',
    });
    expect(copies.find((c) => c.instanceId === ids.floodInstance)).toMatchObject({
      sender: 'deputy',
      definitionKey: 'incoming-document',
      title: '关于做好防汛工作的通知',
      docType: 'GW08',
      urgency: 'URGENT',
    });
    expect(copies.find((c) => c.instanceId === r.body.id)).toMatchObject({
      definitionKey: 'inboxPlain',
      businessKey: null,
      title: '关于春季防火的报告',
      docType: '报告',
      urgency: '加急',
    });
    await server.call('POST', `/api/tasks/${taskId}/complete`, { token: t.deputy, body: {} });
  });

  it('should show in 我发起的 the steps open now and the 办理期限 of the 公文, read with the list', async () => {
    // given a 收文 with a 办理时限 waiting at its first step, and a plain process without a 公文
    const flood = (await server.call('GET', `/api/documents/${ids.floodDoc}`, { token: t.clerk })).body;
    const floodStep = (await server.call('GET', `/api/tasks/${ids.flood}`, { token: t.deputy })).body.name;
    // when the clerk and the staff member list the instances they started
    const clerks = (await server.call('GET', '/api/instances', { token: t.clerk })).body.items as any[];
    const started = (await server.call('GET', '/api/instances', { token: t.staff })).body.items as any[];
    // then each row names the open step and carries the 公文's due date, none without a 公文
    expect(flood.registration.dueAt).toEqual(expect.any(String));
    expect(clerks.find((i) => i.id === ids.floodInstance)).toMatchObject({ currentSteps: [floodStep], dueAt: flood.registration.dueAt });
    expect(started.find((i) => i.businessKey === 'HT-2026_soon')).toMatchObject({ currentSteps: [expect.any(String)], dueAt: null });
  });

  it("should filter by urgency, 文种 and department (主办 department or the initiator's organization)", async () => {
    expect(names(await list('urgency=URGENT'))).toEqual([ids.flood]);
    expect(names(await list('docType=GW14'))).toEqual([ids.meeting]);
    const staff = (await server.call('GET', '/api/auth/me', { token: t.staff })).body;
    expect(staff.orgId).toEqual(expect.any(String));
    const ofStaffOrg = names(await list(`orgId=${staff.orgId}`));
    expect(ofStaffOrg).toEqual(expect.arrayContaining([ids.overdue, ids.soon, ids.later]));
    const clerk = (await server.call('GET', '/api/auth/me', { token: t.clerk })).body;
    // the 主办 department of the flood 收文 only (it is not the initiators' organization)
    expect([clerk.orgId, staff.orgId]).not.toContain(leadDept);
    expect(names(await list(`orgId=${leadDept}`))).toEqual([ids.flood]);
    expect((await list(`q=${encodeURIComponent('合同')}`)).body.items[0].initiatorOrgName).toBe(staff.orgName);
    expect((await list('orgId=00000000000000000000000000')).body.total).toBe(0);
  });

  it('should filter by deadline: overdue, due within 24 hours, none', async () => {
    expect(names(await list('due=overdue'))).toEqual([ids.overdue]);
    expect(names(await list('due=soon'))).toEqual([ids.soon]);
    expect(names(await list('due=none'))).toEqual([ids.flood, ids.meeting].sort());
    expect((await list('due=later')).status).toBe(400);
  });

  it('should page with the total and sort by deadline with a filter', async () => {
    const first = await list('limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.total).toBe(5);
    const last = await list('limit=2&offset=4');
    expect(last.body.items).toHaveLength(1);
    expect(last.body.total).toBe(5);
    const byDue = await list(`sort=due&q=${encodeURIComponent('合同')}&limit=2`);
    expect(byDue.body.items.map((x: any) => x.id)).toEqual([ids.overdue, ids.soon]);
    expect(byDue.body.total).toBe(3);
  });

  it('should list mine and the ones I may claim with assignee=me&candidate=me (待办), filters applied', async () => {
    const both = await server.call('GET', '/api/tasks?assignee=me&candidate=me&status=open', { token: t.deputy });
    expect(both.body.total).toBe(6);
    expect(names(both)).toContain(ids.claimable);
    const searched = await server.call('GET', `/api/tasks?assignee=me&candidate=me&q=${encodeURIComponent('会签')}`, { token: t.deputy });
    expect(names(searched)).toEqual([ids.claimable]);
    expect((await server.call('GET', '/api/tasks?assignee=me&candidate=me', { token: t.fgw_clerk })).body.total).toBe(0);
  });

  it('should show a stranger nothing of these tasks whatever the search', async () => {
    for (const q of ['fangxun', '防汛', 'HT-2026']) {
      const r = await list(`q=${encodeURIComponent(q)}`, t.fgw_clerk);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(0);
      const all = await server.call('GET', `/api/tasks?q=${encodeURIComponent(q)}`, { token: t.fgw_clerk });
      expect(all.body.total).toBe(0);
    }
  });

  it('should match hostile searches literally and refuse an overlong one with 400', async () => {
    for (const q of ['%', '%%', "'", '"', "' OR 1=1 --", '!%', '\\', 'HT_2026', '%fangxun']) {
      const r = await list(`q=${encodeURIComponent(q)}`);
      expect(r.status).toBe(200);
      expect(r.body.total).toBe(0);
    }
    // the business keys hold an underscore: it matches itself only (HT_2026 above matched no HT-2026)
    expect(names(await list('q=_'))).toEqual([ids.overdue, ids.soon, ids.later].sort());
    expect(names(await list(`q=${encodeURIComponent('_soon')}`))).toEqual([ids.soon]);
    expect((await list(`q=${'x'.repeat(501)}`)).status).toBe(400);
    expect((await list(`q=${encodeURIComponent('防'.repeat(101))}`)).status).toBe(400);
  });
});
