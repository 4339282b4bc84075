import { bpmn } from '../support/bpmn-fixtures';
import { eventually } from '../support/eventually';
import { TestServer } from '../support/test-server';

/**
 * External workers: fetch-and-lock, complete, failure → incident, expired locks; only the lock's
 * holder (its workerId, with the key that took it) acts on a task, and sets no reserved variable.
 */
describe('external tasks (e2e)', () => {
  let server: TestServer;
  let admin: string;
  let clerk: string;
  let key: string;
  /** a second key for the same topic: another system's worker */
  let otherKey: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [admin, clerk] = await Promise.all([server.login('admin'), server.login('clerk')]);
    const sysadmin = await server.login('sysadmin');
    const issue = (name: string) => server.call('POST', '/api/api-keys', { token: sysadmin, body: { name, topics: ['archive', 'check'] } });
    const [issued, other] = await Promise.all([issue('档案系统'), issue('另一系统')]);
    expect([issued.status, other.status]).toEqual([201, 201]);
    [key, otherKey] = [issued.body.key, other.body.key];
    const xml =
      bpmn(`<process id="archiving" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="archive"/>
      <serviceTask id="archive" camunda:type="external" camunda:topic="archive"/><sequenceFlow id="f2" sourceRef="archive" targetRef="e"/><endEvent id="e"/></process>`);
    expect((await server.call('POST', '/api/definitions', { token: admin, raw: xml, contentType: 'application/xml' })).status).toBe(201);
    const checking = bpmn(`<error id="err" errorCode="REJECTED"/><process id="checking" isExecutable="true">
      <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="check"/>
      <serviceTask id="check" camunda:type="external" camunda:topic="check"/><sequenceFlow id="f2" sourceRef="check" targetRef="e"/><endEvent id="e"/>
      <boundaryEvent id="rejected" attachedToRef="check"><errorEventDefinition errorRef="err"/></boundaryEvent>
      <sequenceFlow id="f3" sourceRef="rejected" targetRef="fix"/><userTask id="fix" camunda:assignee="clerk"/>
      <sequenceFlow id="f4" sourceRef="fix" targetRef="e2"/><endEvent id="e2"/></process>`);
    expect((await server.call('POST', '/api/definitions', { token: admin, raw: checking, contentType: 'application/xml' })).status).toBe(
      201,
    );
  });
  afterAll(() => server.stop());

  const worker = async (path: string, body: unknown, apiKey: string | null = key) => {
    const r = await fetch(`${server.baseUrl}/api/external-tasks${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) },
      body: JSON.stringify(body),
    });
    return { status: r.status, body: (await r.json()) as any };
  };
  const start = async (definitionKey = 'archiving') =>
    (
      await server.call('POST', '/api/instances', {
        token: clerk,
        body: { definitionKey, variables: { docNo: '安政发〔2026〕1号' } },
      })
    ).body.id as string;
  // the initiator reads the variables; the workflow admin with no part sees metadata only (issue #15)
  const instance = async (id: string) => (await server.call('GET', `/api/instances/${id}`, { token: clerk })).body;
  /** Waits until the instance's async job has turned into a fetchable external task. */
  const fetchFor = async (instanceId: string, workerId: string, lockSeconds = 60, topic = 'archive') =>
    eventually(async () =>
      (await worker('/fetch-and-lock', { workerId, topics: [topic], lockSeconds, maxTasks: 100 })).body.items.find(
        (t: any) => t.instanceId === instanceId,
      ),
    );

  it('should refuse workers without a valid API key', async () => {
    expect((await worker('/fetch-and-lock', { workerId: 'w', topics: ['archive'], lockSeconds: 10 }, null)).status).toBe(401);
    const wrong = await worker('/fetch-and-lock', { workerId: 'w', topics: ['archive'], lockSeconds: 10 }, 'lzk_' + 'x'.repeat(43));
    expect([wrong.status, wrong.body.code]).toEqual([401, 'API_KEY_INVALID']);
  });

  it('should let a worker fetch, lock and complete a task, continuing the instance', async () => {
    // given
    const id = await start();
    // when
    const task = await fetchFor(id, 'w1');
    const again = await worker('/fetch-and-lock', { workerId: 'w2', topics: ['archive'], lockSeconds: 60 });
    const done = await worker(`/${task.id}/complete`, { workerId: 'w1', variables: { archiveNo: 'A-1' } });
    // then
    expect(task).toMatchObject({ topic: 'archive', workerId: 'w1', variables: expect.any(Object) });
    expect(again.body.items.map((t: any) => t.id)).not.toContain(task.id);
    expect(done.status).toBe(200);
    expect(await instance(id)).toMatchObject({ status: 'completed', variables: { archiveNo: 'A-1' } });
    expect((await worker(`/${task.id}/complete`, { workerId: 'w1' })).body.code).toBe('EXTERNAL_TASK_NOT_LOCKED');
  });

  it('should make a task fetchable again when its lock expires', async () => {
    // given a task locked for one second
    const id = await start();
    const first = await fetchFor(id, 'slow', 1);
    // when the lock runs out another worker takes it
    const second = await fetchFor(id, 'fast');
    // then only the new holder can complete it
    expect(second.id).toBe(first.id);
    expect((await worker(`/${first.id}/complete`, { workerId: 'slow' })).status).toBe(409);
    expect((await worker(`/${first.id}/complete`, { workerId: 'fast' })).status).toBe(200);
  });

  it('should lock each task for one worker when several fetch at the same moment', async () => {
    // given
    const ids = [await start(), await start(), await start(), await start()];
    await eventually(async () => {
      const jobs = await Promise.all(
        ids.map(async (i) => (await server.call('GET', `/api/jobs?instanceId=${i}`, { token: admin })).body.items),
      );
      return jobs.every((j) => j.some((x: any) => x.type === 'async' && x.status === 'done')) || undefined;
    });
    // when
    const fetched = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((w) => worker('/fetch-and-lock', { workerId: w, topics: ['archive'], lockSeconds: 60, maxTasks: 10 })),
    );
    // then
    const locked = fetched.flatMap((r) => r.body.items.map((t: any) => t.id));
    expect(new Set(locked).size).toBe(locked.length);
    for (const i of ids) expect(fetched.flatMap((r) => r.body.items).filter((t: any) => t.instanceId === i)).toHaveLength(1);
  });

  it('should raise an incident when a worker reports a failure with no retries left, and retry it on request', async () => {
    // given
    const id = await start();
    const task = await fetchFor(id, 'w1');
    // when a failure with retries left releases it, and one without raises an incident
    expect((await worker(`/${task.id}/failure`, { workerId: 'w1', message: 'archive offline', retries: 1 })).body).toMatchObject({
      status: 'open',
      retries: 1,
    });
    const again = await fetchFor(id, 'w1');
    const failed = await worker(`/${again.id}/failure`, { workerId: 'w1', message: 'archive offline', retries: 0 });
    // then
    expect(failed.body.status).toBe('failed');
    const broken = await instance(id);
    expect(broken.incidents).toEqual([
      expect.objectContaining({ elementId: 'archive', message: expect.stringContaining('archive offline'), source: 'engine' }),
    ]);
    // when an admin retries, the task is offered to workers again
    const retried = await server.call('POST', `/api/instances/${id}/incidents/${broken.incidents[0].id}/retry`, { token: admin, body: {} });
    expect([retried.status, retried.body.incidents]).toEqual([200, []]);
    const offered = await fetchFor(id, 'w2');
    expect(offered.id).not.toBe(task.id);
  });

  it('should refuse a call about a task without a workerId (422), changing nothing', async () => {
    // given a task locked by w1
    const id = await start();
    const task = await fetchFor(id, 'w1');
    // when the worker names no workerId
    const calls = [
      await worker(`/${task.id}/complete`, { variables: { archiveNo: 'A-9' } }),
      await worker(`/${task.id}/failure`, { message: 'x', retries: 0 }),
      await worker(`/${task.id}/extend-lock`, { lockSeconds: 600 }),
      await worker(`/${task.id}/bpmn-error`, { errorCode: 'REJECTED' }),
    ];
    // then each is refused and the instance waits as before
    for (const r of calls) expect([r.status, r.body.code]).toEqual([422, 'EXTERNAL_TASK_WORKER_ID_REQUIRED']);
    const now = await instance(id);
    expect([now.status, now.variables.archiveNo, now.incidents]).toEqual(['active', undefined, []]);
    expect((await worker(`/${task.id}/complete`, { workerId: 'w1' })).status).toBe(200);
  });

  it('should let only the lock holder act: not another worker id, not the same id with another key', async () => {
    // given a task locked by w1 with the first key
    const id = await start();
    const task = await fetchFor(id, 'w1');
    // when another worker, or w1's name under another system's key, tries to act on it
    const refused = [
      await worker(`/${task.id}/complete`, { workerId: 'w2', variables: { archiveNo: 'FORGED' } }),
      await worker(`/${task.id}/complete`, { workerId: 'w1', variables: { archiveNo: 'FORGED' } }, otherKey),
      await worker(`/${task.id}/failure`, { workerId: 'w2', message: 'x', retries: 0 }),
      await worker(`/${task.id}/extend-lock`, { workerId: 'w2', lockSeconds: 600 }),
      await worker(`/${task.id}/bpmn-error`, { workerId: 'w2', errorCode: 'REJECTED' }),
    ];
    // then all are refused and nothing changed
    for (const r of refused) expect([r.status, r.body.code]).toEqual([409, 'EXTERNAL_TASK_LOCKED_BY_OTHER']);
    const now = await instance(id);
    expect([now.status, now.variables.archiveNo, now.incidents]).toEqual(['active', undefined, []]);
    expect((await worker(`/${task.id}/complete`, { workerId: 'w1', variables: { archiveNo: 'A-2' } })).status).toBe(200);
    expect((await instance(id)).variables.archiveNo).toBe('A-2');
  });

  it('should refuse reserved variables from a worker (422 naming them), writing nothing', async () => {
    // given
    const id = await start();
    const task = await fetchFor(id, 'w1');
    const before = await instance(id);
    // when
    const forged = await worker(`/${task.id}/complete`, { workerId: 'w1', variables: { archiveNo: 'A-3', initiator: 'mayor' } });
    const internal = await worker(`/${task.id}/bpmn-error`, { workerId: 'w1', errorCode: 'REJECTED', variables: { _state: 1 } });
    // then
    expect([forged.status, forged.body.code, forged.body.details]).toEqual([
      422,
      'EXTERNAL_TASK_VARIABLE_RESERVED',
      { variables: ['initiator'] },
    ]);
    expect([internal.status, internal.body.code]).toEqual([422, 'EXTERNAL_TASK_VARIABLE_RESERVED']);
    const after = await instance(id);
    expect([after.status, after.variables]).toEqual(['active', before.variables]);
  });

  it('should extend a lock for its holder only, past its first expiry', async () => {
    // given a task locked for two seconds
    const id = await start();
    const task = await fetchFor(id, 'w1', 2);
    // when its holder extends the lock
    const extended = await worker(`/${task.id}/extend-lock`, { workerId: 'w1', lockSeconds: 600 });
    await new Promise((r) => setTimeout(r, 2500));
    // then no other worker gets it once the first lock would have run out, and the holder completes it
    expect(extended.status).toBe(200);
    expect(Date.parse(extended.body.lockExpiresAt)).toBeGreaterThan(Date.now() + 500_000);
    const others = await worker('/fetch-and-lock', { workerId: 'w2', topics: ['archive'], lockSeconds: 60, maxTasks: 100 });
    expect(others.body.items.map((t: any) => t.id)).not.toContain(task.id);
    expect((await worker(`/${task.id}/complete`, { workerId: 'w1' })).status).toBe(200);
  });

  it('should throw the BPMN error a worker reports, to the boundary event that catches it', async () => {
    // given
    const id = await start('checking');
    const task = await fetchFor(id, 'w1', 60, 'check');
    // when
    const reported = await worker(`/${task.id}/bpmn-error`, { workerId: 'w1', errorCode: 'REJECTED', variables: { reason: '缺页' } });
    // then the instance took the error path
    expect(reported.status).toBe(200);
    expect(reported.body.status).not.toBe('open');
    const now = await instance(id);
    expect(now.variables.reason).toBe('缺页');
    expect((await worker(`/${task.id}/complete`, { workerId: 'w1' })).body.code).toBe('EXTERNAL_TASK_NOT_LOCKED');
    const tasks = (await server.call('GET', `/api/tasks?instanceId=${id}`, { token: admin })).body;
    expect(JSON.stringify(tasks)).toContain('"fix"');
  });
});
