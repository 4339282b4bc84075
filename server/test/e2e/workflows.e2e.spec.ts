import { eventually } from '../support/eventually';
import { TestServer } from '../support/test-server';

/**
 * The shipped workflows (workflows/<name>/), deployed at first start in demo mode, walked end to
 * end through the HTTP API by the demo city's people. Each test follows its SCENARIO.md.
 */
describe('shipped workflows (e2e)', () => {
  let server: TestServer;
  let admin: string;
  const tokens: Record<string, string> = {};
  const as = async (username: string) => (tokens[username] ??= await server.login(username));

  beforeAll(async () => {
    server = await TestServer.start();
    admin = await server.login('admin');
  });
  afterAll(() => server.stop());

  const start = async (username: string, definitionKey: string, variables: Record<string, unknown>, businessKey?: string) => {
    const r = await server.call('POST', '/api/instances', {
      token: await as(username),
      body: { definitionKey, variables, ...(businessKey ? { businessKey } : {}) },
    });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  /** 收文 and 发文 start only through the documents API (oa:startVia="documents"): the clerk registers or drafts the 公文 */
  const registerIncoming = async (title: string, docType: string, registration: Record<string, unknown> = {}) => {
    const r = await server.call('POST', '/api/documents', {
      token: await as('clerk'),
      body: {
        direction: 'incoming',
        docType,
        title,
        issuer: '陕西省交通运输厅',
        mainRecipients: ['安康市人民政府'],
        registration: {
          sourceOrg: '陕西省交通运输厅',
          signedForAt: '2026-10-12T09:15:00+08:00',
          channel: 'EXCHANGE',
          handlingType: 'ACT',
          ...registration,
        },
      },
    });
    if (r.status !== 201) throw new Error(`registering ${title}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.instanceId as string;
  };
  const draftOutgoing = async (title: string) => {
    const r = await server.call('POST', '/api/documents', {
      token: await as('clerk'),
      body: {
        direction: 'outgoing',
        docType: 'GW08',
        title,
        issuer: '安康市人民政府',
        orgCode: '安政发',
        mainRecipients: ['市政府各部门'],
      },
    });
    if (r.status !== 201) throw new Error(`drafting ${title}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.instanceId as string;
  };
  const tasksOf = async (instanceId: string) =>
    (await server.call('GET', `/api/tasks?instanceId=${instanceId}`, { token: admin })).body.items as any[];
  const openAt = async (instanceId: string, elementId: string) =>
    (await tasksOf(instanceId)).filter((t) => t.elementId === elementId && t.status === 'open');
  const openSteps = async (instanceId: string) =>
    (await tasksOf(instanceId))
      .filter((t) => t.status === 'open')
      .map((t) => t.elementId)
      .sort();
  /** the user takes the open task at the step (claiming a group task first) and completes it */
  const act = async (username: string, instanceId: string, elementId: string, variables: Record<string, unknown> = {}) => {
    const token = await as(username);
    const tasks = await openAt(instanceId, elementId);
    const task = tasks.find((t) => t.assignee === username) ?? tasks.find((t) => !t.assignee);
    if (!task) throw new Error(`${username} has no open task at ${elementId}: ${JSON.stringify(tasks.map((t) => t.assignee))}`);
    if (!task.assignee) expect((await server.call('POST', `/api/tasks/${task.id}/claim`, { token })).status).toBe(200);
    const r = await server.call('POST', `/api/tasks/${task.id}/complete`, { token, body: { variables } });
    if (r.status !== 200) throw new Error(`${username} completing ${elementId}: ${r.status} ${JSON.stringify(r.body)}`);
    return task;
  };
  /** its initiator reads an instance in full; the workflow admin with no part sees metadata only (issue #15) */
  const reader = async (id: string) => {
    const initiator = (await server.call('GET', `/api/instances/${id}`, { token: admin })).body.initiator as string | null;
    return initiator ? as(initiator) : admin;
  };
  const instance = async (id: string) => (await server.call('GET', `/api/instances/${id}`, { token: await reader(id) })).body;
  const history = async (id: string) =>
    (await server.call('GET', `/api/instances/${id}/history`, { token: await reader(id) })).body.items as any[];
  /** the elements the instance went through, in order */
  const path = async (id: string) => (await history(id)).filter((e) => e.type === 'element.completed').map((e) => e.elementId as string);
  const dueAfter = async (from: string, workdays: number) =>
    (await server.call('GET', `/api/calendar/due?from=${encodeURIComponent(from)}&workdays=${workdays}`, { token: admin })).body
      .dueAt as string;
  const jobsOf = async (id: string) => (await server.call('GET', `/api/jobs?instanceId=${id}`, { token: admin })).body.items as any[];

  describe('incoming-document 收文', () => {
    it('should have the lead and the assisting department handle in parallel, urge the one that is overdue, and conclude when both are done', async () => {
      // given: the office clerk signs for, registers and screens a document; the office proposes, the mayor instructs
      const id = await registerIncoming('关于做好冬季道路安全工作的通知', 'GW08');
      await act('clerk', id, 'signFor');
      await act('clerk', id, 'register', { incomingNumber: '收〔2026〕101号' });
      await act('clerk', id, 'screen', { screenResult: 'accept' });
      await act('head', id, 'propose', { leadHandler: 'zjj_clerk', assistHandlers: ['czj_clerk'] });
      await act('mayor', id, 'instruct');
      // then: 主办 (10 working days) and 协办 (5 working days) are open at once, each with its reminder and urge timers
      const [lead] = await openAt(id, 'leadHandle');
      const [assist] = await openAt(id, 'assistHandle');
      expect([lead.assignee, assist.assignee]).toEqual(['zjj_clerk', 'czj_clerk']);
      expect(lead.dueAt).toBe(await dueAfter(lead.createdAt, 10));
      expect(assist.dueAt).toBe(await dueAfter(assist.createdAt, 5));
      const timers = (await jobsOf(id)).filter((j) => j.type === 'timer' && j.status === 'pending');
      expect(timers.map((j) => j.elementId).sort()).toEqual(['assistOverdue', 'assistReminder', 'leadOverdue', 'leadReminder']);
      expect(timers.find((j) => j.elementId === 'assistOverdue').dueAt).toBe(await dueAfter(assist.createdAt, 5));

      // when: the lead department finishes first; the assisting one runs past its deadline and is urged
      await act('zjj_clerk', id, 'leadHandle', { leadResult: '已部署排查' });
      const urge = timers.find((j) => j.elementId === 'assistOverdue');
      expect((await server.call('POST', `/api/jobs/${urge.id}/execute`, { token: admin })).body.status).toBe('done');
      // then: the urge ran (a notify job), the assisting task is still open (the timer does not interrupt it), the join waits
      await eventually(async () => (await path(id)).includes('assistUrged'));
      // the office clerk who registered it (the supervisor, 督办) is told
      const notices = (await server.call('GET', '/api/notifications', { token: await as('clerk') })).body.items.filter(
        (n: any) => n.instanceId === id,
      );
      expect(notices.filter((n: any) => n.title === '关于做好冬季道路安全工作的通知')).toHaveLength(1);
      expect(await openSteps(id)).toEqual(['assistHandle']);
      const afterLead = await jobsOf(id);
      expect(afterLead.filter((j) => ['leadReminder', 'leadOverdue'].includes(j.elementId)).map((j) => j.status)).not.toContain('pending');
      expect(afterLead.find((j) => j.elementId === 'assistReminder').status).toBe('pending');

      // when: the assisting department finishes later; the office replies and concludes
      await act('czj_clerk', id, 'assistHandle', { assistResult: '资金已安排' });
      expect(await openSteps(id)).toEqual(['reply']);
      await act('clerk', id, 'reply');
      await act('clerk', id, 'conclude');
      // then
      expect((await instance(id)).status).toBe('completed');
      const walked = await path(id);
      expect(walked.indexOf('leadHandle')).toBeLessThan(walked.indexOf('assistUrge'));
      expect(walked.indexOf('assistUrge')).toBeLessThan(walked.indexOf('assistHandle'));
      expect(walked).not.toContain('leadUrge');
      expect(walked.slice(-3)).toEqual(['reply', 'conclude', 'concluded']);
      // the model's own timers and notify jobs are all settled (task due-date reminders are the notifications module's)
      expect((await jobsOf(id)).filter((j) => ['timer', 'async'].includes(j.type) && j.status === 'pending')).toEqual([]);
    });

    it('should give 主办 and 协办 to the heads of the departments named at registration when 拟办 names no handlers', async () => {
      // given: the document was registered for 市住建局 (by id) with 市财政局 and 市公安局 (by code) assisting
      const orgs = (await server.call('GET', '/api/orgs', { token: admin })).body.items as any[];
      const zjj = orgs.find((o) => o.code === 'zjj');
      const id = await registerIncoming('关于开展城市体检工作的通知', 'GW08', { leadDept: zjj.id, assistDepts: ['czj', 'gaj'] });
      await act('clerk', id, 'signFor');
      await act('clerk', id, 'register');
      await act('clerk', id, 'screen', { screenResult: 'accept' });
      await act('head', id, 'propose');
      // when the mayor instructs
      await act('mayor', id, 'instruct');
      // then each department's head (role leader) has the task
      expect((await openAt(id, 'leadHandle')).map((t) => t.assignee)).toEqual(['zjj_head']);
      expect((await openAt(id, 'assistHandle')).map((t) => t.assignee).sort()).toEqual(['czj_head', 'gaj_head']);
      const created = (await history(id)).filter((e) => e.type === 'task.created' && e.elementId === 'leadHandle');
      expect(created[0].details.headOf).toEqual({ org: zjj.id, resolved: 'zjj_head' });
    });

    it('should go straight to 答复 after the lead department when no assisting department was named', async () => {
      // given
      const id = await registerIncoming('关于报送年度统计数据的函', 'GW14');
      await act('clerk', id, 'signFor');
      await act('clerk', id, 'register');
      await act('clerk', id, 'screen', { screenResult: 'accept' });
      await act('head', id, 'propose', { leadHandler: 'fgw_clerk' });
      await act('deputy', id, 'instruct');
      // when
      expect(await openSteps(id)).toEqual(['leadHandle']);
      await act('fgw_clerk', id, 'leadHandle');
      // then
      expect(await openSteps(id)).toEqual(['reply']);
      expect((await instance(id)).incidents).toEqual([]);
    });

    it('should return a document that fails 初审 to its sender and end there', async () => {
      // given
      const id = await registerIncoming('关于格式不符来文的函', 'GW14');
      await act('clerk', id, 'signFor');
      await act('clerk', id, 'register');
      // when
      await act('clerk', id, 'screen', { screenResult: 'return', returnReason: '缺少附件' });
      // then
      await eventually(async () => (await instance(id)).status === 'completed');
      expect((await path(id)).slice(-2)).toEqual(['notifySender', 'returned']);
      expect(await path(id)).not.toContain('propose');
    });
  });

  describe('outgoing-document 发文', () => {
    it('should return a draft once at 核稿, have three departments countersign, send a substantively changed text back to the signer, and dispatch', async () => {
      // given: the office clerk drafts; 签发人 is the mayor; three departments countersign
      const countersigners = ['fgw_head', 'czj_head', 'zjj_head'];
      const id = await draftOutgoing('安康市人民政府关于加强城市道路管理的通知');
      const documentId = (await instance(id)).variables.documentId as string;
      const doc = async () => (await server.call('GET', `/api/documents/${documentId}`, { token: await as('clerk') })).body;
      const allocate = async () =>
        server
          .call('POST', `/api/documents/${documentId}/number`, { token: await as('clerk'), body: {} })
          .then((r) => [r.status, r.body.code]);
      // the 拟稿 form opens with the document's 主送机关 and 公开属性（拟）
      expect((await instance(id)).variables).toMatchObject({ mainRecipient: '市政府各部门', disclosure: 'ON_REQUEST' });
      expect(await allocate()).toEqual([409, 'DOCUMENT_NUMBER_NOT_AT_REGISTER']);
      await act('clerk', id, 'draft', { issuer: 'mayor', countersigners, ccRecipients: '市委办公室' });
      expect((await doc()).ccRecipients).toEqual(['市委办公室']);
      // when: 核稿 by the head of the drafter's office returns it once
      const [review] = await openAt(id, 'review');
      expect(review.assignee).toBe('head');
      await act('head', id, 'review', { reviewResult: 'return', reviewOpinion: '请补充执行日期' });
      // then: back at 拟稿 with the drafter; what the form sends back changes the document, a blank never clears it
      expect((await openAt(id, 'draft'))[0].assignee).toBe('clerk');
      await act('clerk', id, 'draft', { mainRecipient: '市政府各部门、各县（区）人民政府', ccRecipients: '' });
      expect(await doc()).toMatchObject({ mainRecipients: ['市政府各部门', '各县（区）人民政府'], ccRecipients: ['市委办公室'] });
      await act('head', id, 'review', { reviewResult: 'pass' });
      // the 签发人 and the 会签 heads with their organizations (会签单位) are on the document's handling
      const handling = (await doc()).handling;
      expect(handling.issuer).toBe('mayor');
      expect(handling.countersigners.map((c: { org: { name: string } | null }) => c.org?.name).sort()).toEqual(
        ['安康市发展和改革委员会', '安康市财政局', '安康市住房和城乡建设局'].sort(),
      );

      // when: 会签 by the three departments, in parallel
      const signers = await openAt(id, 'countersign');
      expect(signers.map((t) => t.assignee).sort()).toEqual([...countersigners].sort());
      for (const who of ['czj_head', 'zjj_head', 'fgw_head']) await act(who, id, 'countersign');
      // then
      expect((await instance(id)).variables.countersign_countersign).toBe('approved');
      expect((await openAt(id, 'signOff'))[0].assignee).toBe('mayor');

      // when: signed off (the 签发 form's 公开属性 is the document's; the 成文日期 is the day of 签发, GB/T 9704 §7.3.5)
      await act('mayor', id, 'signOff', { signOffOpinion: '同意印发', disclosure: 'ACTIVE' });
      const signed = await doc();
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      expect(signed).toMatchObject({ disclosure: 'ACTIVE', writtenDate: today, docNumber: null });
      // signed but not at 登记 yet: still no number
      expect(await allocate()).toEqual([409, 'DOCUMENT_NUMBER_NOT_AT_REGISTER']);
      // the 复核 clerk corrects the text, so the server sends it to the signer for 复审; 复核 again without change
      const [recheck] = await openAt(id, 'recheck');
      expect((await server.call('POST', `/api/tasks/${recheck.id}/claim`, { token: await as('clerk') })).status).toBe(200);
      const corrected = await server.call('PATCH', `/api/documents/${documentId}`, {
        token: await as('clerk'),
        body: { body: '各县区人民政府，市政府各部门：自2026年11月1日起执行。' },
      });
      expect(corrected.status).toBe(200);
      await act('clerk', id, 'recheck');
      expect((await openAt(id, 'signOff'))[0].assignee).toBe('mayor');
      await act('mayor', id, 'signOff', { signOffOpinion: '同意印发', disclosure: 'ACTIVE' });
      await act('clerk', id, 'recheck');
      // none given by the caller: completing 登记 allocates it
      await act('clerk', id, 'register', { docNumber: '安政发〔2026〕999号' });
      const registered = await doc();
      expect(registered.docNumber).toMatch(new RegExp(`^安政发〔${today.slice(0, 4)}〕\\d+号$`));
      expect(registered.docNumber).not.toBe('安政发〔2026〕999号');
      expect((await instance(id)).variables).toMatchObject({ docNumber: registered.docNumber, issuedOn: today });
      await act('clerk', id, 'print');
      await act('clerk', id, 'dispatch');
      // then
      expect((await instance(id)).status).toBe('completed');
      const walked = await path(id);
      expect(walked.filter((e) => e === 'review')).toHaveLength(2);
      expect(walked.filter((e) => e === 'draft')).toHaveLength(2);
      expect(walked.filter((e) => e === 'signOff')).toHaveLength(2);
      expect(walked.filter((e) => e === 'recheck')).toHaveLength(2);
      expect(walked.slice(-4)).toEqual(['register', 'print', 'dispatch', 'dispatched']);
      expect(walked.indexOf('register')).toBeGreaterThan(walked.lastIndexOf('signOff'));
    });

    it('should take a draft back to its drafter with the 退回 operation at 核稿, with the reason in the history', async () => {
      // given
      const id = await draftOutgoing('关于调整办公时间的通知');
      await act('clerk', id, 'draft', { issuer: 'mayor', countersigners: ['czj_head'] });
      const [review] = await openAt(id, 'review');
      // when: the reviewer returns it (退回) instead of passing it
      const returned = await server.call('POST', `/api/tasks/${review.id}/return`, {
        token: await as('head'),
        body: { reason: '请补充执行日期' },
      });
      // then: 拟稿 is open again with the drafter; passing it again leads on to 会签
      expect(returned.status).toBe(200);
      expect(await openSteps(id)).toEqual(['draft']);
      expect((await openAt(id, 'draft'))[0].assignee).toBe('clerk');
      expect(JSON.stringify(await history(id))).toContain('请补充执行日期');
      await act('clerk', id, 'draft');
      await act('head', id, 'review', { reviewResult: 'pass' });
      expect((await openAt(id, 'countersign')).map((t) => t.assignee)).toEqual(['czj_head']);
    });

    it('should leave 签发 to the city leaders as a group when no 签发人 was named', async () => {
      // given
      const id = await draftOutgoing('未指定签发人的通知');
      await act('clerk', id, 'draft', { countersigners: ['fgw_head'] });
      await act('head', id, 'review', { reviewResult: 'pass' });
      // when
      await act('fgw_head', id, 'countersign');
      // then
      const [signOff] = await openAt(id, 'signOff');
      expect(signOff).toMatchObject({ assignee: null, candidateGroups: ['city-leaders'] });
      await act('deputy', id, 'signOff', { signOffOpinion: '同意' });
      expect(await openSteps(id)).toEqual(['recheck']);
      // and a text changed in 复核 goes back to the leader who signed, not to the group
      const documentId = (await instance(id)).variables.documentId as string;
      const [recheck] = await openAt(id, 'recheck');
      expect((await server.call('POST', `/api/tasks/${recheck.id}/claim`, { token: await as('clerk') })).status).toBe(200);
      const corrected = await server.call('PATCH', `/api/documents/${documentId}`, {
        token: await as('clerk'),
        body: { body: '请遵照执行。' },
      });
      expect(corrected.status).toBe(200);
      await act('clerk', id, 'recheck');
      expect((await openAt(id, 'signOff')).map((t) => t.assignee)).toEqual(['deputy']);
    });
  });

  describe('disclosure-review 政务公开审核', () => {
    const review = async (variables: { disclosure: string; secretLevel: string }, secrecyPassed: boolean) => {
      const id = await start('fgw_clerk', 'disclosure-review', { title: '市发改委2026年重点项目计划' });
      await act('fgw_clerk', id, 'propose', variables);
      const [opinion] = await openAt(id, 'deptOpinion');
      expect(opinion.assignee).toBe('fgw_head');
      await act('fgw_head', id, 'deptOpinion', { deptAgrees: true });
      await act('head', id, 'secrecyReview', { secrecyPassed });
      return id;
    };

    it('should publish a 主动公开 document that passes 保密审查 and the leader approves', async () => {
      // given
      const id = await review({ disclosure: 'ACTIVE', secretLevel: 'NONE' }, true);
      // when
      await act('mayor', id, 'leaderApproval', { approved: true });
      await act('clerk', id, 'publish');
      // then
      expect((await instance(id)).status).toBe('completed');
      expect((await path(id)).slice(-2)).toEqual(['publish', 'published']);
    });

    it.each([
      ['a classified document marked 主动公开', { disclosure: 'ACTIVE', secretLevel: 'SECRET' }, true],
      ['a 不予公开 document', { disclosure: 'NOT_PUBLIC', secretLevel: 'NONE' }, true],
      ['a document that fails 保密审查', { disclosure: 'ACTIVE', secretLevel: 'NONE' }, false],
    ])('should never publish %s', async (_name, variables, secrecyPassed) => {
      // given / when
      const id = await review(variables, secrecyPassed);
      // then: it ends without a leader approval or a publish step
      expect((await instance(id)).status).toBe('completed');
      const walked = await path(id);
      expect(walked.slice(-1)).toEqual(['notPublished']);
      expect(walked).not.toContain('publish');
      expect((await tasksOf(id)).map((t) => t.elementId)).not.toContain('leaderApproval');
    });

    it('should not publish when the leader approves a document whose disclosure was changed to 不予公开 on the way', async () => {
      // given
      const id = await review({ disclosure: 'ACTIVE', secretLevel: 'NONE' }, true);
      // when: the approval carries a changed 公开属性
      await act('mayor', id, 'leaderApproval', { approved: true, disclosure: 'NOT_PUBLIC' });
      // then
      expect((await path(id)).slice(-1)).toEqual(['notPublished']);
    });
  });

  describe('request-approval 请示/请假', () => {
    it("should end a short request with the department head's approval", async () => {
      // given
      const id = await start('staff', 'request-approval', { days: 2, reason: '家中有事' });
      // when
      const [task] = await openAt(id, 'deptHeadApproval');
      expect(task.assignee).toBe('head');
      await act('head', id, 'deptHeadApproval', { approved: true });
      // then
      expect((await instance(id)).status).toBe('completed');
      expect((await path(id)).slice(-1)).toEqual(['approvedEnd']);
    });

    it('should send a request of more than 3 days to a city leader, who may refuse it', async () => {
      // given
      const approvedId = await start('staff', 'request-approval', { days: 5, reason: '探亲' });
      const refusedId = await start('staff', 'request-approval', { days: 10, reason: '外出学习' });
      // when
      for (const id of [approvedId, refusedId]) await act('head', id, 'deptHeadApproval', { approved: true });
      await act('deputy', approvedId, 'leaderApproval', { approved: true });
      await act('mayor', refusedId, 'leaderApproval', { approved: false });
      // then
      expect((await path(approvedId)).slice(-2)).toEqual(['leaderDecided', 'approvedEnd']);
      expect((await path(refusedId)).slice(-2)).toEqual(['leaderDecided', 'rejectedEnd']);
    });

    it('should end a request the department head refuses without asking a leader', async () => {
      const id = await start('staff', 'request-approval', { days: 7, reason: '休假' });
      await act('head', id, 'deptHeadApproval', { approved: false });
      expect((await path(id)).slice(-1)).toEqual(['rejectedEnd']);
      expect((await tasksOf(id)).map((t) => t.elementId)).toEqual(['deptHeadApproval']);
    });
  });
});
