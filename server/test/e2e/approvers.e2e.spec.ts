import { bpmn } from '../support/bpmn-fixtures';
import { TestServer } from '../support/test-server';

/** The approver of a later step comes from the model; `initiator` from the server. */
const chosenApprover = bpmn(`<process id="approversChosen" isExecutable="true">
  <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="apply"/>
  <userTask id="apply" name="申请" camunda:assignee="\${initiator}"/><sequenceFlow id="f2" sourceRef="apply" targetRef="approve"/>
  <userTask id="approve" name="领导审批" oa:assignee="=approver" oa:assigneeFrom="group:city-leaders" oa:candidateGroups="city-leaders"/>
  <sequenceFlow id="f3" sourceRef="approve" targetRef="end"/><endEvent id="end"/></process>`);
/** Declares its starters the Camunda way. */
const leadersOnly =
  bpmn(`<process id="approversLeadersOnly" isExecutable="true" camunda:candidateStarterGroups="city-leaders" camunda:candidateStarterUsers="staff">
  <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
  <userTask id="task" camunda:assignee="\${initiator}"/><sequenceFlow id="f2" sourceRef="task" targetRef="end"/><endEvent id="end"/></process>`);
/** Declares nothing: any signed-in user starts it (as in Camunda). */
const open = bpmn(`<process id="approversOpen" isExecutable="true">
  <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
  <userTask id="task" camunda:assignee="\${initiator}"/><sequenceFlow id="f2" sourceRef="task" targetRef="end"/><endEvent id="end"/></process>`);

describe('approvers from the model, not from the caller (e2e)', () => {
  let server: TestServer;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    for (const u of ['admin', 'clerk', 'staff', 'head', 'mayor', 'deputy', 'fgw_clerk', 'fgw_head']) t[u] = await server.login(u);
    for (const xml of [chosenApprover, leadersOnly, open]) {
      const r = await server.call('POST', '/api/definitions', { token: t.admin, raw: xml, contentType: 'application/xml' });
      expect(r.status).toBe(201);
    }
  });
  afterAll(() => server.stop());

  const start = (who: string, definitionKey: string, variables?: Record<string, unknown>) =>
    server.call('POST', '/api/instances', { token: t[who], body: { definitionKey, ...(variables ? { variables } : {}) } });
  const history = async (id: string) => (await server.call('GET', `/api/instances/${id}/history`, { token: t.admin })).body.items as any[];
  // read as the drafter, who has a part: the workflow admin sees metadata only (docs/security.md)
  const instance = async (id: string, who = 'clerk') => (await server.call('GET', `/api/instances/${id}`, { token: t[who] })).body;
  const openTasks = async (id: string) =>
    ((await server.call('GET', `/api/tasks?instanceId=${id}`, { token: t.admin })).body.items as any[]).filter((x) => x.status === 'open');
  const inbox = async (who: string) => (await server.call('GET', '/api/tasks?assignee=me', { token: t[who] })).body.items as any[];

  /** the clerk drafts a 发文 through the documents API; its 拟稿 task is open for the clerk */
  const draft = async (title: string) => {
    const r = await server.call('POST', '/api/documents', {
      token: t.clerk,
      body: {
        direction: 'outgoing',
        docType: 'GW08',
        title,
        issuer: '安康市人民政府',
        orgCode: '安政发',
        mainRecipients: ['市政府各部门'],
      },
    });
    expect(r.status).toBe(201);
    const [task] = await openTasks(r.body.instanceId);
    expect(task).toMatchObject({ elementId: 'draft', assignee: 'clerk' });
    return { instanceId: r.body.instanceId as string, taskId: task.id as string };
  };
  const completeDraft = (taskId: string, variables: Record<string, unknown>, who = 'clerk') =>
    server.call('POST', `/api/tasks/${taskId}/complete`, { token: t[who], body: { variables, opinion: '请审核' } });

  describe('the shipped 发文: 签发人 (issuer) from city-leaders, 会签人 (countersigners) from the organizations’ heads', () => {
    it.each([
      ['the drafter as 签发人', { issuer: 'clerk', countersigners: ['fgw_head'] }, 'TASK_SELF_APPROVAL', '张晓明'],
      ['the drafter as 会签人', { issuer: 'mayor', countersigners: ['fgw_head', 'clerk'] }, 'TASK_SELF_APPROVAL', '会签'],
      ['a 科员 as 签发人', { issuer: 'staff', countersigners: ['fgw_head'] }, 'TASK_ASSIGNEE_NOT_ELIGIBLE', '陈静'],
      ['a department clerk as 会签人', { issuer: 'mayor', countersigners: ['fgw_clerk'] }, 'TASK_ASSIGNEE_NOT_ELIGIBLE', '何静怡'],
      ['a department head as 签发人', { issuer: 'fgw_head', countersigners: ['czj_head'] }, 'TASK_ASSIGNEE_NOT_ELIGIBLE', '签发'],
      ['nobody who exists', { issuer: 'ghost', countersigners: ['czj_head'] }, 'TASK_ASSIGNEE_NOT_ELIGIBLE', 'ghost'],
    ])('should refuse %s at 拟稿 with 422 and write nothing', async (_what, variables, code, named) => {
      // given
      const { instanceId, taskId } = await draft('关于拒绝越权指定签发人的通知');
      const before = await history(instanceId);
      // when
      const r = await completeDraft(taskId, variables);
      // then
      expect(r.status).toBe(422);
      expect(r.body.code).toBe(code);
      expect(r.body.message).toContain(named);
      expect(await history(instanceId)).toEqual(before);
      expect((await openTasks(instanceId)).map((x) => x.id)).toEqual([taskId]);
      expect((await instance(instanceId)).variables).not.toHaveProperty('issuer');
      const opinions = await server.call('GET', `/api/opinions?instanceId=${instanceId}`, { token: t.admin });
      if (opinions.status === 200) expect(opinions.body.items ?? []).toEqual([]);
    });

    it('should accept a city leader as 签发人 and department heads as 会签人, and route to them', async () => {
      // given
      const { instanceId, taskId } = await draft('关于合规指定签发人的通知');
      // when
      const r = await completeDraft(taskId, { issuer: 'mayor', countersigners: ['fgw_head', 'czj_head'] });
      // then
      expect(r.status).toBe(200);
      expect((await instance(instanceId)).variables).toMatchObject({ issuer: 'mayor', countersigners: ['fgw_head', 'czj_head'] });
    });

    it('should refuse a reserved variable at 拟稿 (initiator, documentId, _internal) and write nothing', async () => {
      // given
      const { instanceId, taskId } = await draft('关于保留变量的通知');
      const before = await instance(instanceId);
      for (const variables of [{ initiator: 'mayor' }, { documentId: 'x' }, { dueAt: null }, { _hidden: 1, issuer: 'mayor' }]) {
        // when
        const r = await completeDraft(taskId, variables);
        // then
        expect(r.status).toBe(422);
        expect(r.body.code).toBe('VARIABLE_RESERVED');
        expect(r.body.message).toContain(Object.keys(variables)[0]);
      }
      expect((await instance(instanceId)).variables).toEqual(before.variables);
    });

    it('should refuse a direct start of 发文 and 收文: they start only through the documents API', async () => {
      for (const key of ['outgoing-document', 'incoming-document']) {
        // when
        const r = await start('clerk', key, { title: '关于绕过公文登记的通知' });
        // then
        expect(r.status).toBe(403);
        expect(r.body.code).toBe('PROCESS_START_ELSEWHERE');
      }
    });

    it('should let the workflow admin complete any task, recorded as an intervention in the history', async () => {
      // given
      const { instanceId, taskId } = await draft('关于流程管理员干预的通知');
      // when
      const r = await completeDraft(taskId, { issuer: 'deputy', countersigners: ['fgw_head'] }, 'admin');
      // then
      expect(r.status).toBe(200);
      const completed = (await history(instanceId)).find((e) => e.type === 'task.completed' && e.elementId === 'draft');
      expect(completed.details.intervention).toMatchObject({ username: 'admin', by: '王建国' });
    });
  });

  describe('a variable named by a model with a source, set at start', () => {
    it('should refuse someone outside the source, and the initiator themselves, and accept a leader', async () => {
      // when
      const outside = await start('staff', 'approversChosen', { approver: 'head' });
      const self = await start('deputy', 'approversChosen', { approver: 'deputy' });
      const fine = await start('staff', 'approversChosen', { approver: 'mayor' });
      // then
      expect([outside.status, outside.body.code]).toEqual([422, 'TASK_ASSIGNEE_NOT_ELIGIBLE']);
      expect(outside.body.message).toContain('刘洋');
      expect(outside.body.message).toContain('领导审批');
      expect([self.status, self.body.code]).toEqual([422, 'TASK_SELF_APPROVAL']);
      expect(fine.status).toBe(201);
      const [apply] = await openTasks(fine.body.id);
      expect((await server.call('POST', `/api/tasks/${apply.id}/complete`, { token: t.staff, body: {} })).status).toBe(200);
      expect((await openTasks(fine.body.id)).map((x) => x.assignee)).toEqual(['mayor']);
    });
  });

  describe('reserved variables and starters at start', () => {
    it('should refuse a forged initiator at start, so no task reaches another user’s inbox', async () => {
      // given
      const mayorBefore = (await inbox('mayor')).length;
      // when
      const r = await start('staff', 'approversOpen', { initiator: 'mayor' });
      // then
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ code: 'VARIABLE_RESERVED', details: { variables: ['initiator'] } });
      expect((await inbox('mayor')).length).toBe(mayorBefore);
      expect(
        ((await server.call('GET', '/api/instances?definitionKey=approversOpen', { token: t.admin })).body.items as any[]).length,
      ).toBe(0);
    });

    it('should refuse reserved variables in a message correlation too', async () => {
      const r = await server.call('POST', '/api/messages', {
        token: t.admin,
        body: { name: 'nothing', variables: { initiator: 'mayor' } },
      });
      expect([r.status, r.body.code]).toEqual([422, 'VARIABLE_RESERVED']);
    });

    it('should let only the declared starters start a process that declares them', async () => {
      // when
      const clerk = await start('clerk', 'approversLeadersOnly');
      const mayor = await start('mayor', 'approversLeadersOnly');
      const staff = await start('staff', 'approversLeadersOnly');
      // then
      expect([clerk.status, clerk.body.code]).toEqual([403, 'PROCESS_START_FORBIDDEN']);
      expect(mayor.status).toBe(201);
      expect(staff.status).toBe(201);
    });

    it('should let any signed-in user start a process that declares no starters', async () => {
      for (const who of ['clerk', 'fgw_clerk', 'staff']) expect((await start(who, 'approversOpen')).status).toBe(201);
    });
  });

  describe('deploying', () => {
    it('should refuse a model naming an unknown source with 422 and the element id', async () => {
      // given
      const xml = bpmn(`<process id="approversBadSource" isExecutable="true">
        <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="sign"/>
        <userTask id="sign" oa:assignee="=issuer" oa:assigneeFrom="group:city-leaders,everyone"/>
        <sequenceFlow id="f2" sourceRef="sign" targetRef="end"/><endEvent id="end"/></process>`);
      // when
      const r = await server.call('POST', '/api/definitions', { token: t.admin, raw: xml, contentType: 'application/xml' });
      // then
      expect(r.status).toBe(422);
      expect(r.body.code).toBe('BPMN_INVALID');
      expect(r.body.details).toEqual([expect.objectContaining({ code: 'BPMN_ASSIGNEE_SOURCE', elementId: 'sign', severity: 'error' })]);
    });
  });
});
