import { randomBytes } from 'node:crypto';
import { BullmqJobQueue } from '../../src/platform/queue/bullmq-job-queue';
import type { JobQueue } from '../../src/platform/queue/job-queue';
import { LocalJobQueue } from '../../src/platform/queue/local-job-queue';
import { TEST_TARGET } from '../support/test-env';

const REDIS_URL = process.env.LIUZHUAN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

// the local driver always runs; BullMQ runs on Redis when the suite targets production
const drivers: [string, () => JobQueue][] = [['local', () => new LocalJobQueue()]];
if (TEST_TARGET === 'production')
  drivers.push(['bullmq', () => new BullmqJobQueue(REDIS_URL, `lz_test_${randomBytes(4).toString('hex')}`)]);

describe.each(drivers)('%s job queue (medium)', (_, create) => {
  let queue: JobQueue;

  beforeEach(() => {
    queue = create();
  });
  afterEach(async () => {
    if (queue instanceof BullmqJobQueue) await queue.obliterate();
    await queue.close();
  });

  it('should deliver a due job once when the same id is pushed twice', async () => {
    // given
    const seen: string[] = [];
    await queue.consume(async (job) => {
      seen.push(`${job.name}:${job.id}`);
    });
    // when
    await queue.push([{ id: 'job1', name: 'timer', runAt: new Date() }]);
    await queue.push([{ id: 'job1', name: 'timer', runAt: new Date() }]);
    // then
    await eventually(() => seen.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(seen).toEqual(['timer:job1']);
  });

  it('should hold a delayed job until it is due', async () => {
    const seen: number[] = [];
    await queue.consume(async () => {
      seen.push(Date.now());
    });
    const start = Date.now();
    await queue.push([{ id: 'later', name: 'timer', runAt: new Date(start + 400) }]);
    await eventually(() => seen.length === 1);
    expect(seen[0] - start).toBeGreaterThanOrEqual(350);
  });

  it('should deliver jobs pushed before a consumer started', async () => {
    const seen: string[] = [];
    await queue.push([
      { id: 'a', name: 'x', runAt: new Date() },
      { id: 'b', name: 'x', runAt: new Date() },
    ]);
    await queue.consume(async (job) => {
      seen.push(job.id);
    });
    await eventually(() => seen.length === 2);
    expect(seen.sort()).toEqual(['a', 'b']);
  });

  it('should answer ping while open', async () => {
    expect(await queue.ping()).toBe(true);
  });
});
