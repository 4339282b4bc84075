import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Tx } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { JOB_QUEUE, type JobQueue } from '../../platform/queue/job-queue';
import { JobEntity } from './job.entity';
import { JobRepository } from './job.repository';

export interface NewJob {
  type: string;
  dueAt: Date;
  instanceId?: string | null;
  definitionId?: string | null;
  elementId?: string | null;
  ref?: string | null;
  payload?: Record<string, unknown>;
}

/**
 * Test-only hook between commit and queue push: a test sets it to throw, which is what a crash
 * (SIGKILL) at that moment looks like to the database — committed rows, nothing queued.
 */
export const outboxTestHooks: { beforePush: (() => void) | null } = { beforePush: null };

/**
 * The transactional outbox: job rows are inserted in the caller's transaction and their ids are
 * pushed to the queue after commit. A lost push is harmless — the sweeper pushes due rows again.
 */
@Injectable()
export class JobOutbox {
  private readonly logger = new Logger('JobOutbox');

  constructor(
    private readonly jobs: JobRepository,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  async add(tx: Tx, specs: NewJob[]): Promise<JobEntity[]> {
    if (!specs.length) return [];
    const now = new Date();
    const rows = specs.map((s) =>
      Object.assign(new JobEntity(), {
        id: newId(),
        type: s.type,
        instanceId: s.instanceId ?? null,
        definitionId: s.definitionId ?? null,
        elementId: s.elementId ?? null,
        ref: s.ref ?? null,
        dueAt: s.dueAt,
        status: 'pending' as const,
        attempts: 0,
        lastError: null,
        payload: JSON.stringify(s.payload ?? {}),
        createdAt: now,
        updatedAt: now,
      }),
    );
    await this.jobs.insert(rows, tx.manager);
    this.pushAfterCommit(tx, rows);
    return rows;
  }

  /** Pushes rows (new, or due again) once the transaction has committed. */
  pushAfterCommit(tx: Tx, rows: Pick<JobEntity, 'id' | 'type' | 'dueAt'>[]): void {
    tx.afterCommit(() => this.push(rows));
  }

  async push(rows: Pick<JobEntity, 'id' | 'type' | 'dueAt'>[]): Promise<void> {
    if (!rows.length) return;
    try {
      outboxTestHooks.beforePush?.();
      await this.queue.push(rows.map((r) => ({ id: r.id, name: r.type, runAt: r.dueAt })));
    } catch (error) {
      // the rows are committed; the sweeper pushes them again, so the command still succeeded
      this.logger.warn(`queue push failed, the sweeper will retry: ${String(error)}`);
    }
  }
}
