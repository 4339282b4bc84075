/**
 * The queue only wakes things up: the job table in the database is the truth. A pushed id is
 * delivered to the handler at or after `runAt`; pushing the same id twice while it is pending
 * is harmless (deterministic ids), and a handler must re-check its job row (idempotent).
 */
export interface QueuedJob {
  id: string;
  name: string;
  runAt: Date;
}

export type JobHandler = (job: { id: string; name: string }) => Promise<void>;

export interface JobQueue {
  readonly kind: 'local' | 'bullmq';
  push(jobs: readonly QueuedJob[]): Promise<void>;
  /** Starts delivering jobs to the handler; call once per process that runs jobs. */
  consume(handler: JobHandler): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export const JOB_QUEUE = Symbol('JOB_QUEUE');
