import { bpmn, groupTask, parallelJoin, singleTask, timerThenTask } from '../support/bpmn-fixtures';
import { eventually } from '../support/eventually';
import { TestServer } from '../support/test-server';

describe('runtime: definitions, instances, tasks and jobs (e2e)', () => {
  let server: TestServer;
  let admin: string;
  let clerk: string;
  let head: string;
  let staff: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [admin, clerk, head, staff] = await Promise.all(['admin', 'clerk', 'head', 'staff'].map((u) => server.login(u)));
  });
  afterAll(() => server.stop());

  const deploy = async (xml: string) => {
    const r = await server.call('POST', '/api/definitions', { token: admin, raw: xml, contentType: 'application/xml' });
    if (r.status !== 201) throw new Error(`deploy: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const start = async (token: string, definitionKey: string, extra: Record<string, unknown> = {}) => {
    const r = await server.call('POST', '/api/instances', { token, body: { definitionKey, ...extra } });
    if (r.status !== 201) throw new Error(`start: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const tasksOf = async (instanceId: string) =>
    (await server.call('GET', `/api/tasks?instanceId=${instanceId}`, { token: admin })).body.items as any[];

  it('should deploy a new version when the same key is deployed again', async () => {
    // given / when
    const v1 = await deploy(singleTask('versioned'));
    const v2 = await deploy(singleTask('versioned'));
    // then
    expect([v1.key, v1.version, v2.version]).toEqual(['versioned', 1, 2]);
    const latest = await server.call('GET', '/api/definitions', { token: clerk });
    expect(latest.body.items.filter((d: any) => d.key === 'versioned').map((d: any) => d.version)).toEqual([2]);
    const all = await server.call('GET', '/api/definitions?all=true', { token: clerk });
    expect(all.body.items.filter((d: any) => d.key === 'versioned').map((d: any) => d.version)).toEqual([2, 1]);
    const xml = await server.call('GET', `/api/definitions/${v1.id}/xml`, { token: clerk });
    expect(xml.headers.get('content-type')).toContain('application/xml');
    expect(xml.body).toContain('id="versioned"');
  });

  it('should accept a multipart upload in the field file', async () => {
    // given
    const form = new FormData();
    form.append('file', new Blob([singleTask('uploaded')], { type: 'application/xml' }), 'uploaded.bpmn');
    // when
    const r = await fetch(`${server.baseUrl}/api/definitions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    // then
    expect(r.status).toBe(201);
    expect((await r.json()).key).toBe('uploaded');
  });

  it('should refuse a deploy from someone who is not a workflow admin', async () => {
    const r = await server.call('POST', '/api/definitions', { token: clerk, raw: singleTask('nope'), contentType: 'application/xml' });
    expect(r.status).toBe(403);
  });

  it('should refuse to start a non-executable process with PROCESS_NOT_EXECUTABLE', async () => {
    // given
    await deploy(singleTask('drawing').replace('isExecutable="true"', 'isExecutable="false"'));
    // when
    const r = await server.call('POST', '/api/instances', { token: clerk, body: { definitionKey: 'drawing' } });
    // then
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('PROCESS_NOT_EXECUTABLE');
  });

  it('should run a task from start to completion and keep running instances on their version', async () => {
    // given
    const v1 = await deploy(singleTask('simple'));
    const instance = await start(clerk, 'simple', { businessKey: 'S-1', variables: { amount: 3 } });
    await deploy(singleTask('simple', 'head'));
    // when
    const [task] = await tasksOf(instance.id);
    const done = await server.call('POST', `/api/tasks/${task.id}/complete`, {
      token: clerk,
      body: { variables: { ok: true }, opinion: '同意' },
    });
    // then
    expect(done.status).toBe(200);
    const after = await server.call('GET', `/api/instances/${instance.id}`, { token: clerk });
    expect(after.body).toMatchObject({
      status: 'completed',
      definitionId: v1.id,
      version: 1,
      businessKey: 'S-1',
      variables: { amount: 3, ok: true },
    });
    const history = await server.call('GET', `/api/instances/${instance.id}/history`, { token: clerk });
    const completed = history.body.items.find((e: any) => e.type === 'task.completed');
    expect(completed).toMatchObject({ elementId: 'task', actor: 'clerk', details: { opinion: '同意' } });
    expect(history.body.items.map((e: any) => e.seq)).toEqual(history.body.items.map((_: unknown, i: number) => i + 1));
  });

  it('should name the tasks a start or a completion opened in its answer, and none when the instance ended', async () => {
    // given: clerk's step, then a fork into head's step and a group step
    await deploy(
      bpmn(`<process id="nexting" isExecutable="true">
        <startEvent id="start"/><sequenceFlow id="f0" sourceRef="start" targetRef="draft"/>
        <userTask id="draft" name="拟稿" camunda:assignee="clerk"/><sequenceFlow id="f1" sourceRef="draft" targetRef="fork"/>
        <parallelGateway id="fork"/><sequenceFlow id="fa" sourceRef="fork" targetRef="review"/><sequenceFlow id="fb" sourceRef="fork" targetRef="file"/>
        <userTask id="review" name="审核" camunda:assignee="head"/><userTask id="file" name="归档" camunda:candidateGroups="office-clerks"/>
        <sequenceFlow id="ja" sourceRef="review" targetRef="join"/><sequenceFlow id="jb" sourceRef="file" targetRef="join"/>
        <parallelGateway id="join"/><sequenceFlow id="fe" sourceRef="join" targetRef="end"/><endEvent id="end"/></process>`),
    );
    const instance = await start(clerk, 'nexting');
    const [draft] = await tasksOf(instance.id);
    // then: the start names the task it opened
    expect(instance.tasks).toEqual([
      { id: draft.id, elementId: 'draft', name: '拟稿', assignee: 'clerk', candidateGroups: [], dueAt: null },
    ]);
    // when
    const done = await server.call('POST', `/api/tasks/${draft.id}/complete`, { token: clerk, body: {} });
    // then: exactly the open tasks the instance now has, with who gets them
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: draft.id, status: 'completed', completedBy: 'clerk' });
    const open = (await tasksOf(instance.id)).filter((t) => t.status === 'open');
    const byElement = (xs: any[]) => [...xs].sort((a, b) => a.elementId.localeCompare(b.elementId));
    expect(byElement(done.body.next)).toEqual(
      byElement(open).map((t) => ({
        id: t.id,
        elementId: t.elementId,
        name: t.name,
        assignee: t.assignee,
        candidateGroups: t.candidateGroups,
        dueAt: t.dueAt,
      })),
    );
    expect(byElement(done.body.next).map((t: any) => [t.elementId, t.assignee, t.candidateGroups])).toEqual([
      ['file', null, ['office-clerks']],
      ['review', 'head', []],
    ]);
    // when: the last step ends the instance
    const review = done.body.next.find((t: any) => t.elementId === 'review');
    const half = await server.call('POST', `/api/tasks/${review.id}/complete`, { token: head, body: {} });
    const file = done.body.next.find((t: any) => t.elementId === 'file');
    await server.call('POST', `/api/tasks/${file.id}/claim`, { token: clerk, body: {} });
    const last = await server.call('POST', `/api/tasks/${file.id}/complete`, { token: clerk, body: {} });
    // then: a join that waits opens nothing; an ended instance opens nothing
    expect(half.body.next).toEqual([]);
    expect(last.status).toBe(200);
    expect(last.body.next).toEqual([]);
    expect((await server.call('GET', `/api/instances/${instance.id}`, { token: clerk })).body.status).toBe('completed');
  });

  it('should mark a task opened when its assignee reads it, not when an admin does', async () => {
    // given
    await deploy(singleTask('reading'));
    const instance = await start(clerk, 'reading');
    const [task] = await tasksOf(instance.id);
    // when
    const byAdmin = await server.call('GET', `/api/tasks/${task.id}`, { token: admin });
    const byAssignee = await server.call('GET', `/api/tasks/${task.id}`, { token: clerk });
    // then
    expect(byAdmin.body.openedAt).toBeNull();
    expect(byAssignee.body.openedAt).toEqual(expect.any(String));
  });

  it('should let one candidate claim a group task and refuse the others with 409', async () => {
    // given: office-clerks has clerk; head joins only as an admin would not
    await deploy(groupTask('claiming'));
    const instance = await start(staff, 'claiming');
    const [task] = await tasksOf(instance.id);
    const inbox = await server.call('GET', '/api/tasks?candidate=me', { token: clerk });
    expect(inbox.body.items.map((t: any) => t.id)).toContain(task.id);
    // when
    const early = await server.call('POST', `/api/tasks/${task.id}/complete`, { token: clerk, body: {} });
    const claim = await server.call('POST', `/api/tasks/${task.id}/claim`, { token: clerk });
    const second = await server.call('POST', `/api/tasks/${task.id}/claim`, { token: admin });
    // then
    expect(early.status).toBe(403);
    expect(early.body.code).toBe('TASK_NOT_YOURS');
    expect(claim.status).toBe(200);
    expect(claim.body.assignee).toBe('clerk');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('TASK_ALREADY_CLAIMED');
    expect((await server.call('POST', `/api/tasks/${task.id}/unclaim`, { token: clerk })).body.assignee).toBeNull();
  });

  it("should record an admin completing someone else's task as an intervention", async () => {
    // given
    await deploy(singleTask('intervene'));
    const instance = await start(clerk, 'intervene');
    const [task] = await tasksOf(instance.id);
    // when
    const r = await server.call('POST', `/api/tasks/${task.id}/complete`, { token: admin, body: {} });
    // then
    expect(r.status).toBe(200);
    const history = await server.call('GET', `/api/instances/${instance.id}/history`, { token: admin });
    expect(history.body.items.find((e: any) => e.type === 'task.completed')).toMatchObject({
      actor: 'admin',
      details: { intervention: { by: '王建国', username: 'admin' } },
    });
  });

  it('should fire the join once when three branches are completed at the same moment', async () => {
    // given
    await deploy(parallelJoin('joining'));
    const instance = await start(clerk, 'joining');
    const tasks = await tasksOf(instance.id);
    const tokenFor: Record<string, string> = { a: clerk, b: head, c: staff };
    // when
    const results = await Promise.all(
      tasks.map((t) => server.call('POST', `/api/tasks/${t.id}/complete`, { token: tokenFor[t.elementId], body: {} })),
    );
    // then
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const open = (await tasksOf(instance.id)).filter((t) => t.status === 'open');
    expect(open.map((t) => t.elementId)).toEqual(['after']);
  });

  it('should fire a timer when an admin executes its job', async () => {
    // given
    await deploy(timerThenTask('timed'));
    const instance = await start(clerk, 'timed');
    const jobs = await server.call('GET', `/api/jobs?instanceId=${instance.id}`, { token: admin });
    const timer = jobs.body.items.find((j: any) => j.elementId === 'wait');
    expect(timer).toMatchObject({ type: 'timer', status: 'pending', attempts: 0 });
    // when
    const r = await server.call('POST', `/api/jobs/${timer.id}/execute`, { token: admin });
    // then
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('done');
    expect((await tasksOf(instance.id)).map((t) => t.elementId)).toEqual(['task']);
    const again = await server.call('POST', `/api/jobs/${timer.id}/execute`, { token: admin });
    expect(again.body.status).toBe('done');
    expect((await tasksOf(instance.id)).length).toBe(1);
  });

  it('should fire a due timer by itself through the queue', async () => {
    // given
    await deploy(timerThenTask('soon', 'PT0.3S'));
    // when
    const instance = await start(clerk, 'soon');
    // then
    await eventually(async () => (await tasksOf(instance.id)).length === 1 || undefined);
  });

  it('should correlate a message on the business key', async () => {
    // given
    await deploy(
      bpmn(`<message id="m" name="paid"/><process id="paying" isExecutable="true">
        <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="w"/>
        <intermediateCatchEvent id="w"><messageEventDefinition messageRef="m"/></intermediateCatchEvent>
        <sequenceFlow id="f2" sourceRef="w" targetRef="e"/><endEvent id="e"/></process>`),
    );
    const one = await start(clerk, 'paying', { businessKey: 'P-1' });
    const two = await start(clerk, 'paying', { businessKey: 'P-2' });
    // when
    const r = await server.call('POST', '/api/messages', {
      token: admin,
      body: { name: 'paid', correlationKey: 'P-2', variables: { paid: 1 } },
    });
    // then
    expect(r.body).toEqual({ instanceId: two.id, started: false });
    expect((await server.call('GET', `/api/instances/${two.id}`, { token: admin })).body.status).toBe('completed');
    expect((await server.call('GET', `/api/instances/${one.id}`, { token: admin })).body.status).toBe('active');
    const none = await server.call('POST', '/api/messages', { token: admin, body: { name: 'paid', correlationKey: 'P-2' } });
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('MESSAGE_NOT_CORRELATED');
  });
});
