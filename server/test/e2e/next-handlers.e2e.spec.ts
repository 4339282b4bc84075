import { bpmn } from '../support/bpmn-fixtures';
import { TestServer } from '../support/test-server';

/** A step held by a group: the submitter of `apply` may choose who among the city leaders gets it. */
const groupStep = bpmn(`<process id="nextHandlersGroup" isExecutable="true">
  <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="apply"/>
  <userTask id="apply" name="申请" camunda:assignee="\${initiator}"/><sequenceFlow id="f2" sourceRef="apply" targetRef="gw"/>
  <exclusiveGateway id="gw" default="f3"/><sequenceFlow id="f3" sourceRef="gw" targetRef="approve"/>
  <sequenceFlow id="f4" sourceRef="gw" targetRef="archive"><conditionExpression xsi:type="tFormalExpression">=skip = true</conditionExpression></sequenceFlow>
  <userTask id="approve" name="领导审批" oa:candidateGroups="city-leaders"/><sequenceFlow id="f5" sourceRef="approve" targetRef="end"/>
  <userTask id="archive" name="归档" oa:candidateGroups="office-clerks"/><sequenceFlow id="f6" sourceRef="archive" targetRef="end"/>
  <endEvent id="end"/></process>`);

describe('选择下一步办理人 and the eligible lists (e2e)', () => {
  let server: TestServer;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    for (const u of ['admin', 'clerk', 'staff', 'head', 'mayor', 'deputy', 'zjj_head']) t[u] = await server.login(u);
    const r = await server.call('POST', '/api/definitions', { token: t.admin, raw: groupStep, contentType: 'application/xml' });
    expect(r.status).toBe(201);
  });
  afterAll(() => server.stop());

  const openTasks = async (id: string) =>
    ((await server.call('GET', `/api/tasks?instanceId=${id}`, { token: t.admin })).body.items as any[]).filter((x) => x.status === 'open');
  const history = async (id: string) => (await server.call('GET', `/api/instances/${id}/history`, { token: t.admin })).body.items as any[];
  const complete = (who: string, taskId: string, body: Record<string, unknown>) =>
    server.call('POST', `/api/tasks/${taskId}/complete`, { token: t[who], body });

  /** staff starts the group-step process; its 申请 task is open for staff */
  const applyTask = async () => {
    const r = await server.call('POST', '/api/instances', { token: t.staff, body: { definitionKey: 'nextHandlersGroup' } });
    expect(r.status).toBe(201);
    const [task] = await openTasks(r.body.id);
    return { instanceId: r.body.id as string, taskId: task.id as string };
  };

  /** the clerk drafts a 发文; its 拟稿 task is open for the clerk */
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
    return { documentId: r.body.id as string, instanceId: r.body.instanceId as string, taskId: task.id as string };
  };

  describe('the eligible lists', () => {
    it('should list the city leaders as 签发人 and the heads of organizations as 会签人, never the drafter', async () => {
      // given
      const { taskId } = await draft('关于可选签发人的通知');
      // when
      const issuer = await server.call('GET', `/api/tasks/${taskId}/eligible?field=issuer`, { token: t.clerk });
      const countersigners = await server.call('GET', `/api/tasks/${taskId}/eligible?field=countersigners`, { token: t.clerk });
      // then
      expect(issuer.status).toBe(200);
      expect(issuer.body).toMatchObject({ elementId: 'signOff', variable: 'issuer', multiple: false, sources: ['group:city-leaders'] });
      expect(issuer.body.people.map((p: any) => p.username).sort()).toEqual(['deputy', 'mayor']);
      expect(countersigners.body).toMatchObject({ elementId: 'countersign', multiple: true, sources: ['org-heads'] });
      const heads = countersigners.body.people.map((p: any) => p.username);
      expect(heads).toEqual(expect.arrayContaining(['zjj_head', 'fgw_head', 'head']));
      expect(heads).not.toContain('clerk');
      expect(heads).not.toContain('zjj_clerk');
      // the org tree carries the keys a picker matches 「住建」 and 「zjj」 on
      const zjj = countersigners.body.orgs.find((o: any) => o.code === 'zjj');
      expect(zjj).toMatchObject({ name: '安康市住房和城乡建设局', shortName: '市住建局' });
      expect(zjj.keys).toContain('szjj');
      expect(zjj.keys).toContain('shizhujianju');
    });

    it('should answer the same list before an instance exists, for the 发文 form', async () => {
      // when
      const r = await server.call('GET', '/api/eligible?definitionKey=outgoing-document&field=issuer', { token: t.clerk });
      // then
      expect(r.status).toBe(200);
      expect(r.body.people.map((p: any) => p.username).sort()).toEqual(['deputy', 'mayor']);
    });

    it('should answer 404 for a field the model does not name, and for a task the caller has no part in', async () => {
      // given
      const { taskId } = await draft('关于无权查看的通知');
      // when
      const unknown = await server.call('GET', `/api/tasks/${taskId}/eligible?field=nobody`, { token: t.clerk });
      const stranger = await server.call('GET', `/api/tasks/${taskId}/eligible?field=issuer`, { token: t.zjj_head });
      // then
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('ELIGIBLE_STEP_UNKNOWN');
      expect(stranger.status).toBe(404);
    });

    it('should list the group-held steps the completion can open, with their members', async () => {
      // given
      const { taskId } = await applyTask();
      // when
      const r = await server.call('GET', `/api/tasks/${taskId}/next-steps`, { token: t.staff });
      // then
      expect(r.status).toBe(200);
      expect(r.body.items.map((s: any) => [s.elementId, s.people.map((p: any) => p.username).sort()])).toEqual([
        ['approve', ['deputy', 'mayor']],
        ['archive', ['clerk']],
      ]);
    });
  });

  describe('choosing the next handler on completion', () => {
    it('should give the next task to the one person chosen, and say so in the history', async () => {
      // given
      const { instanceId, taskId } = await applyTask();
      // when
      const r = await complete('staff', taskId, { nextAssignees: { approve: ['deputy'] } });
      // then
      expect(r.status).toBe(200);
      const [next] = await openTasks(instanceId);
      expect(next).toMatchObject({ elementId: 'approve', assignee: 'deputy' });
      const inbox = (await server.call('GET', '/api/tasks?assignee=me', { token: t.deputy })).body.items as any[];
      expect(inbox.map((x) => x.id)).toContain(next.id);
      const created = (await history(instanceId)).find((e) => e.type === 'task.created' && e.elementId === 'approve');
      expect(JSON.stringify(created.details)).toContain('deputy');
    });

    it('should let several chosen people share the task in place of the group', async () => {
      // given
      const { instanceId, taskId } = await applyTask();
      // when
      const r = await complete('staff', taskId, { nextAssignees: { approve: ['deputy', 'mayor'] } });
      // then
      expect(r.status).toBe(200);
      const [next] = await openTasks(instanceId);
      expect(next.assignee).toBeNull();
      expect(next.candidateUsers.sort()).toEqual(['deputy', 'mayor']);
      expect(next.candidateGroups).toEqual([]);
    });

    it('should leave the task to its group when nobody is chosen', async () => {
      // given
      const { instanceId, taskId } = await applyTask();
      // when
      const r = await complete('staff', taskId, {});
      // then
      expect(r.status).toBe(200);
      const [next] = await openTasks(instanceId);
      expect(next).toMatchObject({ elementId: 'approve', assignee: null, candidateGroups: ['city-leaders'] });
    });

    it.each([
      ['someone outside the group', { approve: ['head'] }, 'TASK_ASSIGNEE_NOT_ELIGIBLE'],
      ['nobody who exists', { approve: ['ghost'] }, 'TASK_ASSIGNEE_NOT_ELIGIBLE'],
      ['the submitter themselves', { archive: ['staff'] }, 'TASK_SELF_APPROVAL'],
      ['a step the model routes to no group', { apply: ['deputy'] }, 'TASK_NEXT_STEP_NOT_PICKABLE'],
      ['a step this completion does not open', { archive: ['clerk'] }, 'TASK_NEXT_STEP_NOT_OPENED'],
    ])('should refuse %s with 422 and write nothing', async (_what, nextAssignees, code) => {
      // given
      const { instanceId, taskId } = await applyTask();
      const before = await history(instanceId);
      // when
      const r = await complete('staff', taskId, { nextAssignees });
      // then
      expect(r.status).toBe(422);
      expect(r.body.code).toBe(code);
      expect(await history(instanceId)).toEqual(before);
      expect((await openTasks(instanceId)).map((x) => x.id)).toEqual([taskId]);
    });
  });

  describe('the 发文 text after 签发', () => {
    it('should refuse a change of a signed 发文 with DOCUMENT_SIGNED_LOCKED, and allow it again after 退回 to 拟稿', async () => {
      // given: drafted, 核稿 by the head, 签发 by the mayor
      const { documentId, instanceId, taskId } = await draft('关于签发后锁定文稿的通知');
      expect((await complete('clerk', taskId, { variables: { issuer: 'mayor', countersigners: [] } })).status).toBe(200);
      const [review] = await openTasks(instanceId);
      expect(review).toMatchObject({ elementId: 'review', assignee: 'head' });
      expect((await complete('head', review.id, { variables: { reviewResult: 'pass' } })).status).toBe(200);
      const [signOff] = await openTasks(instanceId);
      expect(signOff).toMatchObject({ elementId: 'signOff', assignee: 'mayor' });
      // before signing, the drafter may still change the text
      const early = await server.call('PATCH', `/api/documents/${documentId}`, { token: t.clerk, body: { body: '修改后的正文。' } });
      expect(early.status).toBe(200);
      expect((await complete('mayor', signOff.id, { variables: { signOffOpinion: '同意', disclosure: 'ON_REQUEST' } })).status).toBe(200);
      // when
      const late = await server.call('PATCH', `/api/documents/${documentId}`, { token: t.clerk, body: { body: '签发后偷改的正文。' } });
      // then
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('DOCUMENT_SIGNED_LOCKED');
      const doc = await server.call('GET', `/api/documents/${documentId}`, { token: t.clerk });
      expect(doc.body.body).toBe('修改后的正文。');
      // and after 退回 to 拟稿 the drafter may change it again
      const [recheck] = await openTasks(instanceId);
      expect((await server.call('POST', `/api/tasks/${recheck.id}/claim`, { token: t.clerk, body: {} })).status).toBe(200);
      const back = await server.call('POST', `/api/tasks/${recheck.id}/return`, {
        token: t.clerk,
        body: { targetElementId: 'draft', reason: '标题需修改' },
      });
      expect(back.status).toBe(200);
      const again = await server.call('PATCH', `/api/documents/${documentId}`, { token: t.clerk, body: { body: '退回后修改的正文。' } });
      expect(again.status).toBe(200);
    });
  });
});
