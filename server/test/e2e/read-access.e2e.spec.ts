import { eventually } from '../support/eventually';
import { TestServer } from '../support/test-server';
import { TEST_CAPTCHA_ANSWER } from '../support/test-env';

/**
 * Read access by part, not by group (issue #15): a task's candidate groups give read access only
 * while it is open and unclaimed; afterwards the instance is for those who acted in it, its
 * initiator and those granted access. The workflow admin with no part gets metadata only.
 */
describe('read access by part (e2e)', () => {
  let server: TestServer;
  const t: Record<string, string> = {};

  beforeAll(async () => {
    server = await TestServer.start();
    for (const u of ['admin', 'staff', 'head', 'fgw_head', 'deputy', 'mayor', 'clerk']) t[u] = await server.login(u);
  });
  afterAll(() => server.stop());

  const get = (token: string, path: string) => server.call('GET', path, { token });
  const start = async (variables: Record<string, unknown>) => {
    const r = await server.call('POST', '/api/instances', { token: t.staff, body: { definitionKey: 'request-approval', variables } });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const openAt = (instanceId: string, elementId: string) =>
    eventually(async () => {
      const r = await get(t.staff, `/api/tasks?instanceId=${instanceId}`);
      return r.body.items.find((x: any) => x.elementId === elementId && x.status === 'open');
    });
  const reads = (instanceId: string, taskId: string) => [
    `/api/tasks/${taskId}`,
    `/api/instances/${instanceId}`,
    `/api/instances/${instanceId}/history`,
    `/api/tasks?instanceId=${instanceId}`,
    `/api/instances/${instanceId}/opinions`,
  ];

  it("should keep another department head out of a clerk's leave request once its task is assigned", async () => {
    // given a leave request whose 部门负责人审批 went to staff's own head (the group dept-heads stays its candidate)
    const id = await start({ days: 2, reason: '家中有事，需回老家处理' });
    const task = await openAt(id, 'deptHeadApproval');
    expect(task.assignee).toBe('head');
    expect(task.candidateGroups).toContain('dept-heads');
    // when another department's head, a member of dept-heads, reads the task, the instance, its form data
    for (const path of reads(id, task.id)) {
      const r = await get(t.fgw_head, path);
      // then they learn nothing
      expect([path, r.status]).toEqual([path, 404]);
    }
    expect((await get(t.fgw_head, '/api/tasks?candidate=me')).body.items.map((x: any) => x.id)).not.toContain(task.id);
    // and the assignee and the initiator read it, reason included
    expect((await get(t.head, `/api/instances/${id}`)).body.variables.reason).toBe('家中有事，需回老家处理');
    expect((await get(t.staff, `/api/instances/${id}`)).body.variables.reason).toBe('家中有事，需回老家处理');
  });

  it('should let a candidate group read a task while it is open and unclaimed, and only whoever claimed it afterwards', async () => {
    // given a request past the head, at 分管领导审批 for the group city-leaders
    const id = await start({ days: 5, reason: '探亲' });
    const first = await openAt(id, 'deptHeadApproval');
    expect(
      (await server.call('POST', `/api/tasks/${first.id}/complete`, { token: t.head, body: { variables: { approved: true } } })).status,
    ).toBe(200);
    const task = await openAt(id, 'leaderApproval');
    // while unclaimed, every city leader may look before claiming
    expect((await get(t.mayor, `/api/instances/${id}`)).status).toBe(200);
    expect((await get(t.mayor, `/api/tasks/${task.id}`)).status).toBe(200);
    // when deputy claims it
    expect((await server.call('POST', `/api/tasks/${task.id}/claim`, { token: t.deputy })).status).toBe(200);
    // then the mayor reads nothing of it any more, and a late claim is told it is taken
    for (const path of reads(id, task.id)) expect([path, (await get(t.mayor, path)).status]).toEqual([path, 404]);
    const late = await server.call('POST', `/api/tasks/${task.id}/claim`, { token: t.mayor });
    expect([late.status, late.body.code]).toEqual([409, 'TASK_ALREADY_CLAIMED']);
    // and whoever acted keeps reading: head completed a task, deputy holds one
    expect((await get(t.head, `/api/instances/${id}`)).body.variables.reason).toBe('探亲');
    expect((await get(t.deputy, `/api/instances/${id}`)).body.variables.reason).toBe('探亲');
    // the instance list of the mayor leaves it out
    expect((await get(t.mayor, '/api/instances?limit=200')).body.items.map((x: any) => x.id)).not.toContain(id);
  });

  it('should give the workflow admin with no part the metadata of an instance, without its variables or opinions', async () => {
    // given a request with a reason
    const id = await start({ days: 2, reason: '病假：住院治疗' });
    const task = await openAt(id, 'deptHeadApproval');
    // when the workflow admin reads the instance and its history
    const instance = await get(t.admin, `/api/instances/${id}`);
    const history = await get(t.admin, `/api/instances/${id}/history`);
    // then they see status, elements, tasks and dates, and nothing of the content
    expect(instance.status).toBe(200);
    expect(instance.body).toMatchObject({ status: 'active', activeElementIds: ['deptHeadApproval'], variables: {}, metadataOnly: true });
    expect(history.status).toBe(200);
    expect(history.body.items.length).toBeGreaterThan(1);
    expect(JSON.stringify(history.body)).not.toContain('住院');
    const tasks = await get(t.admin, `/api/tasks?instanceId=${id}`);
    expect(tasks.body.items.map((x: any) => [x.elementId, x.assignee])).toEqual([['deptHeadApproval', 'head']]);
    expect((await get(t.admin, `/api/instances/${id}/opinions`)).status).toBe(404);
    // and they still intervene: reassign the task
    const moved = await server.call('POST', `/api/tasks/${task.id}/reassign`, {
      token: t.admin,
      body: { username: 'deputy', reason: '主任出差' },
    });
    expect(moved.status).toBe(200);
    // while the head who no longer holds it keeps no part... unless they acted: they did not
    expect((await get(t.head, `/api/instances/${id}`)).status).toBe(404);
    expect((await get(t.deputy, `/api/instances/${id}`)).body.variables.reason).toBe('病假：住院治疗');
  });

  it("should keep a citizen's letter and personal data from the workflow admin, who has no part in it", async () => {
    // given a public letter, at 审查 for the office's clerks (written with a captcha, as the public form does)
    const captcha = (await server.call('GET', '/api/public/captcha')).body;
    const receipt = await server.call('POST', '/api/public/letters', {
      body: {
        category: 'complaint',
        subject: '小区供暖不热',
        content: '我家暖气一直不热，请协调处理。',
        name: '王秀英',
        phone: '13800001111',
        idNumber: '610902198805061234',
        address: '陕西省安康市汉滨区建设路1号',
        captchaId: captcha.id,
        captchaAnswer: TEST_CAPTCHA_ANSWER,
      },
    });
    expect(receipt.status).toBe(201);
    const clerkList = await get(t.clerk, '/api/letters?limit=200');
    const letter = clerkList.body.items.find((l: any) => l.submittedAt === receipt.body.submittedAt);
    expect(letter).toBeDefined();
    // when the workflow admin lists letters, reads the letter, its instance
    const list = await get(t.admin, '/api/letters?limit=200');
    const one = await get(t.admin, `/api/letters/${letter.id}`);
    const instance = await get(t.admin, `/api/instances/${letter.instanceId}`);
    // then no personal data comes back
    expect(JSON.stringify(list.body)).not.toContain('王秀英');
    expect(one.status).toBe(404);
    expect(instance.body.metadataOnly).toBe(true);
    for (const secret of ['王秀英', '13800001111', '610902198805061234', '暖气'])
      expect(
        JSON.stringify(instance.body) + JSON.stringify((await get(t.admin, `/api/instances/${letter.instanceId}/history`)).body),
      ).not.toContain(secret);
  });
});
