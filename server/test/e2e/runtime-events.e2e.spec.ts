import { bpmn } from '../support/bpmn-fixtures';
import { eventually } from '../support/eventually';
import { TestServer } from '../support/test-server';

/** Call activities, signals, message and timer start events, incidents: work across instances. */
describe('runtime events and call activities (e2e)', () => {
  let server: TestServer;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [admin, clerk] = await Promise.all([server.login('admin'), server.login('clerk')]);
  });
  afterAll(() => server.stop());

  const deploy = async (xml: string) => {
    const r = await server.call('POST', '/api/definitions', { token: admin, raw: xml, contentType: 'application/xml' });
    expect([r.status, r.body.code]).toEqual([201, undefined]);
    return r.body;
  };
  const start = async (key: string, extra: Record<string, unknown> = {}) => {
    const r = await server.call('POST', '/api/instances', { token: clerk, body: { definitionKey: key, ...extra } });
    expect(r.status).toBe(201);
    return r.body.id as string;
  };
  const instance = async (id: string) => (await server.call('GET', `/api/instances/${id}`, { token: admin })).body;
  const openTasks = async (id: string): Promise<any[]> =>
    (await server.call('GET', `/api/tasks?instanceId=${id}&status=open`, { token: admin })).body.items as any[];
  const children = async (id: string) => (await server.call('GET', `/api/instances?parentId=${id}`, { token: admin })).body.items as any[];
  const complete = async (taskId: string) =>
    expect((await server.call('POST', `/api/tasks/${taskId}/complete`, { token: admin, body: {} })).status).toBe(200);

  const child = bpmn(`<error id="err" errorCode="REJECTED"/><process id="child" isExecutable="true">
    <startEvent id="cs"/><sequenceFlow id="c1" sourceRef="cs" targetRef="review"/>
    <userTask id="review" camunda:assignee="clerk"/><sequenceFlow id="c2" sourceRef="review" targetRef="gw"/>
    <exclusiveGateway id="gw" default="ok"/>
    <sequenceFlow id="ok" sourceRef="gw" targetRef="ce"/>
    <sequenceFlow id="bad" sourceRef="gw" targetRef="fail"><conditionExpression xsi:type="tFormalExpression">reject = true</conditionExpression></sequenceFlow>
    <endEvent id="ce"/><endEvent id="fail"><errorEventDefinition errorRef="err"/></endEvent></process>`);
  const parent = bpmn(`<error id="err" errorCode="REJECTED"/><process id="parent" isExecutable="true">
    <startEvent id="ps"/><sequenceFlow id="p1" sourceRef="ps" targetRef="call"/>
    <callActivity id="call" calledElement="child"/>
    <boundaryEvent id="rejected" attachedToRef="call"><errorEventDefinition errorRef="err"/></boundaryEvent>
    <sequenceFlow id="p2" sourceRef="call" targetRef="after"/><userTask id="after" camunda:assignee="clerk"/>
    <sequenceFlow id="p3" sourceRef="after" targetRef="pe"/><endEvent id="pe"/>
    <sequenceFlow id="p4" sourceRef="rejected" targetRef="redo"/><userTask id="redo" camunda:assignee="clerk"/>
    <sequenceFlow id="p5" sourceRef="redo" targetRef="pe2"/><endEvent id="pe2"/></process>`);

  it('should start a called process as a linked child and continue the parent when it completes', async () => {
    // given
    await deploy(child);
    await deploy(parent);
    // when
    const parentId = await start('parent', { businessKey: 'CALL-1' });
    // then
    const [kid] = await eventually(async () => (await children(parentId)).length === 1 && children(parentId));
    expect(kid).toMatchObject({ definitionKey: 'child', parentId, businessKey: 'CALL-1', status: 'active' });
    const [review] = await eventually(async () => ((await openTasks(kid.id)).length ? openTasks(kid.id) : undefined));
    await complete(review.id);
    await eventually(async () => (await openTasks(parentId)).some((x) => x.elementId === 'after') || undefined);
    expect((await instance(kid.id)).status).toBe('completed');
  });

  it('should let the parent catch a BPMN error thrown by the child', async () => {
    // given
    const parentId = await start('parent');
    const [kid] = await eventually(async () => (await children(parentId)).length === 1 && children(parentId));
    const [review] = await eventually(async () => ((await openTasks(kid.id)).length ? openTasks(kid.id) : undefined));
    // when
    expect(
      (await server.call('POST', `/api/tasks/${review.id}/complete`, { token: clerk, body: { variables: { reject: true } } })).status,
    ).toBe(200);
    // then
    await eventually(async () => (await openTasks(parentId)).some((x) => x.elementId === 'redo') || undefined);
    expect((await instance(kid.id)).status).toBe('terminated');
  });

  it('should cancel the child when the parent is cancelled', async () => {
    // given
    const parentId = await start('parent');
    const [kid] = await eventually(async () => (await children(parentId)).length === 1 && children(parentId));
    // when
    const r = await server.call('POST', `/api/instances/${parentId}/cancel`, { token: admin, body: { reason: '撤销' } });
    // then
    expect([r.status, r.body.status]).toEqual([200, 'terminated']);
    await eventually(async () => (await instance(kid.id)).status === 'terminated' || undefined);
    expect(await openTasks(kid.id)).toEqual([]);
  });

  it('should deliver a signal to every waiting instance and every signal start event', async () => {
    // given two instances waiting for the signal and a process started by it
    await deploy(
      bpmn(`<signal id="sig" name="deadline"/><process id="waiter" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="w"/>
        <intermediateCatchEvent id="w"><signalEventDefinition signalRef="sig"/></intermediateCatchEvent><sequenceFlow id="f2" sourceRef="w" targetRef="e"/><endEvent id="e"/></process>`),
    );
    await deploy(
      bpmn(`<signal id="sig" name="deadline"/><process id="onDeadline" isExecutable="true"><startEvent id="s"><signalEventDefinition signalRef="sig"/></startEvent>
        <sequenceFlow id="f1" sourceRef="s" targetRef="t"/><userTask id="t" camunda:assignee="clerk"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/><endEvent id="e"/></process>`),
    );
    const waiting = [await start('waiter'), await start('waiter')];
    // when
    const r = await server.call('POST', '/api/signals', { token: admin, body: { name: 'deadline', variables: { at: 'now' } } });
    // then
    expect(r.body).toEqual({ delivered: 3 });
    for (const id of waiting) expect((await instance(id)).status).toBe('completed');
    const started = (await server.call('GET', '/api/instances?definitionKey=onDeadline', { token: admin })).body;
    expect(started.total).toBe(1);
  });

  it('should carry a signal thrown inside one instance to the others', async () => {
    // given
    await deploy(
      bpmn(`<signal id="sig" name="go"/><process id="goWaiter" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="w"/>
        <intermediateCatchEvent id="w"><signalEventDefinition signalRef="sig"/></intermediateCatchEvent><sequenceFlow id="f2" sourceRef="w" targetRef="e"/><endEvent id="e"/></process>
        <process id="goThrower" isExecutable="true"><startEvent id="s2"/><sequenceFlow id="g1" sourceRef="s2" targetRef="th"/>
        <intermediateThrowEvent id="th"><signalEventDefinition signalRef="sig"/></intermediateThrowEvent><sequenceFlow id="g2" sourceRef="th" targetRef="e2"/><endEvent id="e2"/></process>`),
    );
    const waiterId = await start('goWaiter');
    // when
    await start('goThrower');
    // then
    await eventually(async () => (await instance(waiterId)).status === 'completed' || undefined);
  });

  it('should start an instance from a message start event with the correlation key as business key', async () => {
    // given
    await deploy(
      bpmn(`<message id="m" name="letterArrived"/><process id="letter" isExecutable="true"><startEvent id="s"><messageEventDefinition messageRef="m"/></startEvent>
        <sequenceFlow id="f1" sourceRef="s" targetRef="t"/><userTask id="t" camunda:assignee="clerk"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/><endEvent id="e"/></process>`),
    );
    // when
    const r = await server.call('POST', '/api/messages', {
      token: admin,
      body: { name: 'letterArrived', correlationKey: 'XF-2026-001', variables: { from: '市民' } },
    });
    // then
    expect(r.body.started).toBe(true);
    expect(await instance(r.body.instanceId)).toMatchObject({
      definitionKey: 'letter',
      businessKey: 'XF-2026-001',
      status: 'active',
      variables: { from: '市民' },
    });
  });

  it('should start instances from a timer start event and stop when a new version replaces it', async () => {
    // given
    const timerStart = (task: string) =>
      bpmn(`<process id="daily" isExecutable="true"><startEvent id="s"><timerEventDefinition><timeDuration xsi:type="tFormalExpression">PT0.3S</timeDuration></timerEventDefinition></startEvent>
        <sequenceFlow id="f1" sourceRef="s" targetRef="${task}"/><userTask id="${task}" camunda:assignee="clerk"/><sequenceFlow id="f2" sourceRef="${task}" targetRef="e"/><endEvent id="e"/></process>`);
    const v1 = await deploy(timerStart('check'));
    // then
    await eventually(
      async () => (await server.call('GET', '/api/instances?definitionKey=daily', { token: admin })).body.total === 1 || undefined,
    );
    // when a second version is deployed, the first one's pending start timers are cancelled
    const jobs = (await server.call('GET', '/api/jobs?status=pending', { token: admin })).body.items.filter(
      (j: any) => j.type === 'start-timer',
    );
    const v2 = await deploy(timerStart('check2'));
    expect(v2.version).toBe(v1.version + 1);
    for (const j of jobs)
      expect((await server.call('GET', '/api/jobs', { token: admin })).body.items.find((x: any) => x.id === j.id).status).not.toBe(
        'pending',
      );
  });

  it('should run built-in set-variables service tasks by themselves', async () => {
    // given
    await deploy(
      bpmn(`<process id="setter" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="set"/>
        <serviceTask id="set" camunda:type="external" camunda:topic="set-variables"/><sequenceFlow id="f2" sourceRef="set" targetRef="e"/><endEvent id="e"/></process>`),
    );
    // when
    const id = await start('setter');
    // then
    await eventually(async () => (await instance(id)).status === 'completed' || undefined);
  });
});
