import { bpmn } from '../support/bpmn-fixtures';
import { eventually } from '../support/eventually';
import { TestServer } from '../support/test-server';

/** External workers: API keys, fetch-and-lock, complete, failure → incident, expired locks. */
describe('external tasks (e2e)', () => {
  let server: TestServer;
  let admin: string;
  let clerk: string;
  let key: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [admin, clerk] = await Promise.all([server.login('admin'), server.login('clerk')]);
    const sysadmin = await server.login('sysadmin');
    const issued = await server.call('POST', '/api/api-keys', { token: sysadmin, body: { name: '档案系统' } });
    expect(issued.status).toBe(201);
    key = issued.body.key;
    const xml =
      bpmn(`<process id="archiving" isExecutable="true"><startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="archive"/>
      <serviceTask id="archive" camunda:type="external" camunda:topic="archive"/><sequenceFlow id="f2" sourceRef="archive" targetRef="e"/><endEvent id="e"/></process>`);
    expect((await server.call('POST', '/api/definitions', { token: admin, raw: xml, contentType: 'application/xml' })).status).toBe(201);
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
  const start = async () =>
    (
      await server.call('POST', '/api/instances', {
        token: clerk,
        body: { definitionKey: 'archiving', variables: { docNo: '安政发〔2026〕1号' } },
      })
    ).body.id as string;
  // the initiator reads the variables; the workflow admin with no part sees metadata only (issue #15)
  const instance = async (id: string) => (await server.call('GET', `/api/instances/${id}`, { token: clerk })).body;
  /** Waits until the instance's async job has turned into a fetchable external task. */
  const fetchFor = async (instanceId: string, workerId: string, lockSeconds = 60) =>
    eventually(async () =>
      (await worker('/fetch-and-lock', { workerId, topics: ['archive'], lockSeconds, maxTasks: 100 })).body.items.find(
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
});
