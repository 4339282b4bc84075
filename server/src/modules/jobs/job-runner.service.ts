import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { DomainError } from '../../platform/errors/domain-error';
import { JobErrors } from './jobs.errors';
import { TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import { JOB_QUEUE, type JobQueue } from '../../platform/queue/job-queue';
import { JOB_HANDLER_TYPE, JOB_TYPES, type JobHandler } from './job-handler';
import type { JobEntity } from './job.entity';
import { JobOutbox } from './job-outbox';
import { JobRepository } from './job.repository';

/** After this many failed attempts a job stops retrying and becomes an incident. */
export const MAX_JOB_ATTEMPTS = 5;
const backoffMs = (attempts: number) => Math.min(60_000, 1000 * 2 ** (attempts - 1));

/**
 * Test-only hook inside a job's transaction, after its effect and before the row is marked done:
 * a test sets it to throw, which is what a worker dying mid-job looks like to the database.
 */
export const jobRunnerTestHooks: { afterHandle: ((job: JobEntity) => void) | null } = { afterHandle: null };

/** A handler that wants to turn a final failure into an engine incident. */
export interface GivesUpJob {
  onGaveUp(job: JobEntity, error: string, tx: import('../../platform/database/transaction-runner').Tx): Promise<void>;
}

/**
 * Runs jobs: re-checks the row inside the transaction that applies the effect (idempotent),
 * records failures with exponential backoff and gives up after {@link MAX_JOB_ATTEMPTS}.
 * Handlers are discovered at boot (`@HandlesJob`); a type with no handler or two stops the boot.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('JobRunner');
  private readonly handlers = new Map<string, JobHandler>();
  private sweeper: NodeJS.Timeout | null = null;
  private sweeping = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly tx: TransactionRunner,
    private readonly jobs: JobRepository,
    private readonly outbox: JobOutbox,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) continue;
      const type = this.reflector.get<string | undefined>(JOB_HANDLER_TYPE, wrapper.metatype as never);
      if (!type) continue;
      if (this.handlers.has(type)) throw new Error(`two handlers for job type ${type}`);
      this.handlers.set(type, wrapper.instance as JobHandler);
    }
    const missing = JOB_TYPES.filter((t) => !this.handlers.has(t));
    if (missing.length) throw new Error(`no handler for job types: ${missing.join(', ')}`);
  }

  /** Starts consuming the queue and sweeping: in the worker, and in the API in embedded mode. */
  async startProcessing(): Promise<void> {
    await this.queue.consume((job) => this.runDue(job.id));
    this.sweeper = setInterval(() => void this.sweep(), this.config.jobs.sweepMs);
    this.sweeper.unref();
    void this.sweep();
  }

  onModuleDestroy(): void {
    if (this.sweeper) clearInterval(this.sweeper);
    this.sweeper = null;
  }

  /**
   * Re-pushes pending jobs that are due (or due before the next sweep): a push lost to a crash
   * between commit and push, or to a flushed Redis, is made good here. Pushing a job that is
   * still queued is a no-op, and running one twice is harmless (handlers re-check the row).
   */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const due = await this.jobs.duePending(new Date(Date.now() + this.config.jobs.sweepMs), 500);
      await this.outbox.push(due);
      return due.length;
    } catch (error) {
      this.logger.warn(`sweep failed: ${String(error)}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  /** A queue delivery: runs the job when it is due; an early delivery is pushed back to its time. */
  async runDue(id: string): Promise<void> {
    const job = await this.jobs.findById(id);
    if (!job || job.status !== 'pending') return;
    if (job.dueAt.getTime() > Date.now() + 50) {
      await this.outbox.push([job]);
      return;
    }
    await this.run(job);
  }

  /** Runs a pending job now whatever its due time (an admin pushing a stuck timer; tests). */
  /** Runs a pending job now; `within` adds to the unit that runs it (the admin's audit event), if it runs. */
  async runNow(id: string, within?: (tx: Tx) => void): Promise<JobEntity> {
    const job = await this.jobs.findById(id);
    if (!job) throw JobErrors.notFound(id);
    if (job.status === 'pending') await this.run(job, within);
    return (await this.jobs.findById(id)) ?? job;
  }

  private async run(job: JobEntity, within?: (tx: Tx) => void): Promise<void> {
    const handler = this.handlers.get(job.type);
    // boot checked every type; a row of an unknown type was written by a newer version
    if (!handler) throw new Error(`no handler for job type ${job.type}`);
    try {
      await this.tx.run(async (tx) => {
        await this.jobs.lockInstanceOf(job, tx);
        const locked = await this.jobs.lockPending(job.id, tx);
        if (!locked) return;
        await handler.handle(locked, tx);
        jobRunnerTestHooks.afterHandle?.(locked);
        await this.jobs.finish(job.id, 'done', null, tx.manager);
        within?.(tx);
      });
    } catch (error) {
      if (error instanceof DomainError) {
        // the work no longer fits the instance (a timer already cancelled, an instance ended)
        await this.tx.run((tx) => this.jobs.finish(job.id, 'cancelled', `${error.code}: ${error.message}`, tx.manager));
        return;
      }
      await this.recordFailure(job, handler, error);
    }
  }

  private async recordFailure(job: JobEntity, handler: JobHandler, error: unknown): Promise<void> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1900);
    this.logger.warn(`job ${job.id} (${job.type}) failed: ${message}`);
    await this.tx.run(async (tx) => {
      await this.jobs.lockInstanceOf(job, tx);
      const current = await this.jobs.lockPending(job.id, tx);
      if (!current) return;
      const attempts = current.attempts + 1;
      const gaveUp = attempts >= MAX_JOB_ATTEMPTS;
      const dueAt = new Date(Date.now() + backoffMs(attempts));
      const givesUp = (handler as Partial<GivesUpJob>).onGaveUp?.bind(handler);
      const engineIncident = gaveUp && givesUp !== undefined;
      // a failed row is an incident of its own; when the engine raises the incident instead,
      // retrying it there creates a new job, so this row is closed
      const status = !gaveUp ? 'pending' : engineIncident ? 'cancelled' : 'failed';
      await this.jobs.recordFailure(job.id, { attempts, lastError: message, dueAt, status }, tx.manager);
      if (engineIncident) await givesUp(current, message, tx);
      else if (!gaveUp) this.outbox.pushAfterCommit(tx, [{ id: job.id, type: job.type, dueAt }]);
    });
  }
}
