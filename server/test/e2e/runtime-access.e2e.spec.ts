import { bpmn, singleTask } from '../support/bpmn-fixtures';
import { newAccount } from '../support/new-account';
import { TestServer } from '../support/test-server';

/** Who sees and acts on instances and tasks; everyone else learns nothing (404, or 401/403). */
describe('runtime access (e2e)', () => {
  let server: TestServer;
  const t: Record<string, string> = {};
  let instanceId: string;
  let taskId: string;
  let jobId: string;

  beforeAll(async () => {
    server = await TestServer.start();
    for (const u of ['admin', 'clerk', 'staff', 'head', 'fgw_clerk', 'fgw_head', 'sysadmin']) t[u] = await server.login(u);
    // given a process started by staff (市政府办公室) whose task is for clerk, with a timer job
    const xml = singleTask('private').replace(
      '<sequenceFlow id="f2"',
      '<boundaryEvent id="late" attachedToRef="task" cancelActivity="false"><timerEventDefinition><timeDuration xsi:type="tFormalExpression">P1D</timeDuration></timerEventDefinition></boundaryEvent><sequenceFlow id="f3" sourceRef="late" targetRef="end2"/><endEvent id="end2"/><sequenceFlow id="f2"',
    );
    expect((await server.call('POST', '/api/definitions', { token: t.admin, raw: xml, contentType: 'application/xml' })).status).toBe(201);
    instanceId = (await server.call('POST', '/api/instances', { token: t.staff, body: { definitionKey: 'private' } })).body.id;
    taskId = (await server.call('GET', '/api/tasks?assignee=me', { token: t.clerk })).body.items.find(
      (x: any) => x.instanceId === instanceId,
    ).id;
    jobId = (await server.call('GET', `/api/jobs?instanceId=${instanceId}`, { token: t.admin })).body.items[0].id;
  });
  afterAll(() => server.stop());

  const reads = () => [
    ['GET', `/api/instances/${instanceId}`],
    ['GET', `/api/instances/${instanceId}/history`],
    ['GET', `/api/tasks?instanceId=${instanceId}`],
  ];
  const taskActions = () => [
    ['GET', `/api/tasks/${taskId}`],
    ['POST', `/api/tasks/${taskId}/complete`],
    ['POST', `/api/tasks/${taskId}/claim`],
    ['POST', `/api/tasks/${taskId}/unclaim`],
  ];

  it("should answer 404 to another department's user on every instance and task route", async () => {
    for (const [method, path] of [...reads(), ...taskActions()]) {
      const r = await server.call(method, path, { token: t.fgw_clerk, ...(method === 'POST' ? { body: {} } : {}) });
      expect([method, path, r.status]).toEqual([method, path, 404]);
      expect(JSON.stringify(r.body)).not.toContain('private');
    }
    const list = await server.call('GET', '/api/instances', { token: t.fgw_clerk });
    expect(list.body.items.map((i: any) => i.id)).not.toContain(instanceId);
    const inbox = await server.call('GET', '/api/tasks', { token: t.fgw_clerk });
    expect(inbox.body.items.map((x: any) => x.id)).not.toContain(taskId);
  });

  it('should answer 401 to anonymous callers', async () => {
    for (const [method, path] of [
      ...reads(),
      ...taskActions(),
      ['GET', '/api/jobs'],
      ['GET', '/api/definitions'],
      ['POST', '/api/instances'],
    ]) {
      expect([path, (await server.call(method, path)).status]).toEqual([path, 401]);
    }
  });

  it('should let the initiator and the task holder read the instance but only the holder act', async () => {
    for (const user of ['staff', 'clerk']) {
      for (const [method, path] of reads())
        expect([user, path, (await server.call(method, path, { token: t[user] })).status]).toEqual([user, path, 200]);
    }
    expect((await server.call('GET', '/api/instances', { token: t.staff })).body.items.map((i: any) => i.id)).toContain(instanceId);
    const byInitiator = await server.call('POST', `/api/tasks/${taskId}/complete`, { token: t.staff, body: {} });
    expect(byInitiator.status).toBe(404);
    // a colleague in the same office who has nothing to do with it sees nothing either
    expect((await server.call('GET', `/api/instances/${instanceId}`, { token: t.head })).status).toBe(404);
  });

  it('should keep admin routes to workflow admins', async () => {
    const attempts: [string, string, unknown][] = [
      ['GET', '/api/jobs', undefined],
      ['POST', `/api/jobs/${jobId}/execute`, {}],
      ['POST', `/api/instances/${instanceId}/cancel`, { reason: 'x' }],
      ['POST', '/api/messages', { name: 'm' }],
      ['POST', '/api/signals', { name: 's' }],
      ['POST', '/api/definitions', undefined],
    ];
    for (const [method, path, body] of attempts) {
      const r = await server.call(method, path, { token: t.clerk, ...(body !== undefined ? { body } : {}) });
      expect([path, r.status, r.body.code]).toEqual([path, 403, 'FORBIDDEN_ROLE']);
    }
    const all = await server.call('GET', '/api/instances', { token: t.admin });
    expect(all.body.items.map((i: any) => i.id)).toContain(instanceId);
  });

  it("should assign an org-role task to the head of the initiator's department, or leave it to the group when there is none", async () => {
    // given
    const xml = bpmn(`<process id="headed" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
      <userTask id="t" oa:orgRole="head-of-initiator-department" oa:candidateGroups="dept-heads"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/><endEvent id="e"/></process>`);
    expect((await server.call('POST', '/api/definitions', { token: t.admin, raw: xml, contentType: 'application/xml' })).status).toBe(201);
    const orgs = (await server.call('GET', '/api/orgs', { token: t.admin })).body.items as any[];
    // a new account signs in with its one-time password and sets its own first
    const { token: hbStaff } = await newAccount(server, t.sysadmin, {
      username: 'hb_staff',
      displayName: '汉滨科员',
      orgId: orgs.find((o) => o.code === 'hanbin').id,
    });
    // when 发改委's clerk starts one, and someone from an organization without a leader another
    const headed = (await server.call('POST', '/api/instances', { token: t.fgw_clerk, body: { definitionKey: 'headed' } })).body.id;
    const headless = (await server.call('POST', '/api/instances', { token: hbStaff, body: { definitionKey: 'headed' } })).body.id;
    // then
    const [first] = (await server.call('GET', `/api/tasks?instanceId=${headed}`, { token: t.admin })).body.items;
    expect(first).toMatchObject({ assignee: 'fgw_head', candidateGroups: ['dept-heads'] });
    const [second] = (await server.call('GET', `/api/tasks?instanceId=${headless}`, { token: t.admin })).body.items;
    expect(second).toMatchObject({ assignee: null, candidateGroups: ['dept-heads'] });
    const history = (await server.call('GET', `/api/instances/${headless}/history`, { token: t.admin })).body.items;
    expect(history.find((e: any) => e.type === 'task.created').details).toMatchObject({
      orgRoleResolved: null,
      orgRoleNote: expect.stringContaining('leader'),
    });
    expect((await server.call('GET', '/api/tasks?assignee=me', { token: t.fgw_head })).body.items.map((x: any) => x.id)).toContain(
      first.id,
    );
  });
});
