import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { jobRunnerTestHooks, JobRunner } from '../../src/modules/jobs/job-runner.service';
import { outboxTestHooks } from '../../src/modules/jobs/job-outbox';
import { JOB_QUEUE } from '../../src/platform/queue/job-queue';
import { LocalJobQueue } from '../../src/platform/queue/local-job-queue';
import { timerThenTask } from '../support/bpmn-fixtures';
import { eventually } from '../support/eventually';
import { createTestEnvironment } from '../support/test-env';
import { TestServer } from '../support/test-server';

/**
 * The job table is the truth: timers fire exactly once whatever happens to the queue, a job
 * that fails or dies mid-run has its effect once, and a push lost to a crash is swept up.
 */
describe('runtime jobs (medium)', () => {
  let server: TestServer;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    server = await TestServer.start();
    [admin, clerk] = await Promise.all([server.login('admin'), server.login('clerk')]);
  });
  afterAll(() => server.stop());
  afterEach(() => {
    jobRunnerTestHooks.afterHandle = null;
    outboxTestHooks.beforePush = null;
  });

  const deploy = async (s: TestServer, token: string, xml: string) =>
    expect((await s.call('POST', '/api/definitions', { token, raw: xml, contentType: 'application/xml' })).status).toBe(201);
  const start = async (s: TestServer, token: string, key: string): Promise<string> => {
    const r = await s.call('POST', '/api/instances', { token, body: { definitionKey: key } });
    expect(r.status).toBe(201);
    return r.body.id;
  };
  /** Per instance: tasks created and timers fired, from the database. */
  const effects = async (s: TestServer, key: string) => {
    const db = s.app.get(DataSource);
    const rows: { id: string; tasks: number; fired: number }[] = await db.query(
      `SELECT i.id AS id,
        (SELECT COUNT(*) FROM task t WHERE t.instance_id = i.id) AS tasks,
        (SELECT COUNT(*) FROM history_event h WHERE h.instance_id = i.id AND h.type = 'timer.fired') AS fired
       FROM process_instance i WHERE i.definition_key = ? ORDER BY i.id`,
      [key],
    );
    return rows.map((r) => ({ id: r.id, tasks: Number(r.tasks), fired: Number(r.fired) }));
  };

  /** What a flushed Redis or a restarted embedded process leaves of the queue: nothing. */
  async function dropQueue(s: TestServer): Promise<void> {
    const queue = s.app.get(JOB_QUEUE);
    if (queue instanceof LocalJobQueue) return queue.obliterate();
    const config = s.env.config.queue;
    if (config.kind !== 'bullmq') throw new Error('unknown queue');
    const redis = new IORedis(config.url);
    const keys = await redis.keys(`${config.prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  }

  it('should fire every pending timer exactly once when the queue is emptied while they wait', async () => {
    // given 10 instances waiting on a timer due in a second
    await deploy(server, admin, timerThenTask('flushed', 'PT1S'));
    for (let i = 0; i < 10; i++) await start(server, clerk, 'flushed');
    // when the queue loses every job before they are due
    await dropQueue(server);
    // then the sweeper pushes them again from the job table and each fires once
    await eventually(async () => (await effects(server, 'flushed')).every((e) => e.tasks === 1) || undefined, 15_000);
    const after = await effects(server, 'flushed');
    expect(after.map((e) => [e.tasks, e.fired])).toEqual(after.map(() => [1, 1]));
    // and a later sweep finds nothing left to do
    expect(await server.app.get(JobRunner).sweep()).toBe(0);
  });

  it('should apply a timer once when it is run many times at the same moment', async () => {
    // given
    await deploy(server, admin, timerThenTask('stampede', 'PT1H'));
    const instanceId = await start(server, clerk, 'stampede');
    const [job] = (await server.call('GET', `/api/jobs?instanceId=${instanceId}`, { token: admin })).body.items;
    // when five deliveries race (a worker restarted, the sweeper, an admin)
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => server.call('POST', `/api/jobs/${job.id}/execute`, { token: admin })));
    // then
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await effects(server, 'stampede')).toEqual([{ id: instanceId, tasks: 1, fired: 1 }]);
  });

  it('should roll back a job that dies mid-run and apply it once on the retry', async () => {
    // given a job whose first run dies after its effect, before it is marked done
    await deploy(server, admin, timerThenTask('dying', 'PT1H'));
    const instanceId = await start(server, clerk, 'dying');
    const [job] = (await server.call('GET', `/api/jobs?instanceId=${instanceId}`, { token: admin })).body.items;
    let deaths = 0;
    jobRunnerTestHooks.afterHandle = () => {
      if (deaths++ === 0) throw new Error('worker killed');
    };
    // when
    const first = await server.call('POST', `/api/jobs/${job.id}/execute`, { token: admin });
    // then nothing of the first run remains, the failure is recorded for a retry
    expect(first.body).toMatchObject({ status: 'pending', attempts: 1, lastError: 'worker killed' });
    expect(await effects(server, 'dying')).toEqual([{ id: instanceId, tasks: 0, fired: 0 }]);
    // when retried
    const retry = await server.call('POST', `/api/jobs/${job.id}/execute`, { token: admin });
    // then the effect happened exactly once
    expect(retry.body.status).toBe('done');
    expect(await effects(server, 'dying')).toEqual([{ id: instanceId, tasks: 1, fired: 1 }]);
  });

  it('should fire a timer once after a crash between commit and queue push, on the next start', async () => {
    // given a server whose queue push never happens (the process dies right after commit)
    const env = await createTestEnvironment({ LIUZHUAN_SWEEP_MS: '3600000' });
    const first = await TestServer.startOn(env);
    const [a, c] = [await first.login('admin'), await first.login('clerk')];
    await deploy(first, a, timerThenTask('crashed', 'PT0.5S'));
    outboxTestHooks.beforePush = () => {
      throw new Error('SIGKILL');
    };
    const instanceId = await start(first, c, 'crashed');
    outboxTestHooks.beforePush = null;
    expect(await effects(first, 'crashed')).toEqual([{ id: instanceId, tasks: 0, fired: 0 }]);
    await first.stopApp();
    // when the server starts again on the same database
    const second = await TestServer.startOn(env, { jobs: { runInApi: true, sweepMs: 200 } });
    try {
      // then its sweeper finds the committed timer and it fires once
      await eventually(async () => (await effects(second, 'crashed'))[0]?.tasks === 1 || undefined, 15_000);
      expect(await effects(second, 'crashed')).toEqual([{ id: instanceId, tasks: 1, fired: 1 }]);
    } finally {
      await second.stop();
    }
  });
});
