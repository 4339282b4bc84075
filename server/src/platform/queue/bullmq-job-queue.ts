import { Queue, Worker } from 'bullmq';
import IORedis, { type Redis } from 'ioredis';
import type { JobHandler, JobQueue, QueuedJob } from './job-queue';

const QUEUE_NAME = 'jobs';

/**
 * Redis driver for production: several API and worker processes share one BullMQ queue.
 * The BullMQ job id is the job row id, so a repeated push of a pending job is a no-op.
 */
export class BullmqJobQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly connection: Redis;
  private readonly queue: Queue;
  private worker: Worker | null = null;
  private workerConnection: Redis | null = null;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    // BullMQ requires maxRetriesPerRequest: null on connections used by workers
    this.connection = new IORedis(url, { maxRetriesPerRequest: null, lazyConnect: false });
    this.queue = new Queue(QUEUE_NAME, { connection: this.connection, prefix });
  }

  async push(jobs: readonly QueuedJob[]): Promise<void> {
    if (!jobs.length) return;
    const now = Date.now();
    await this.queue.addBulk(
      jobs.map((job) => ({
        name: job.name,
        data: {},
        opts: {
          jobId: job.id,
          delay: Math.max(0, job.runAt.getTime() - now),
          removeOnComplete: true,
          removeOnFail: true,
          attempts: 1,
        },
      })),
    );
  }

  async consume(handler: JobHandler): Promise<void> {
    if (this.worker) throw new Error('consume() called twice');
    this.workerConnection = this.connection.duplicate();
    this.worker = new Worker(QUEUE_NAME, async (job) => handler({ id: String(job.id), name: job.name }), {
      connection: this.workerConnection,
      prefix: this.prefix,
      concurrency: 8,
    });
    await this.worker.waitUntilReady();
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.connection.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
    // connections passed in are ours to end; BullMQ closes only those it created itself
    this.workerConnection?.disconnect();
    this.connection.disconnect();
  }

  /** Test support: remove every key of this prefix. */
  async obliterate(): Promise<void> {
    await this.queue.obliterate({ force: true });
  }
}
