import { SetMetadata } from '@nestjs/common';
import type { Tx } from '../../platform/database/transaction-runner';
import type { JobEntity } from './job.entity';

export const JOB_HANDLER_TYPE = 'liuzhuan:job-handler';

/** Declares a provider as the handler of one job type; the registry finds it at boot. */
export const HandlesJob = (type: string) => SetMetadata(JOB_HANDLER_TYPE, type);

/**
 * Applies a job's effect inside the transaction that also marks the row done, after the runner
 * has re-checked that the row is still pending: a second delivery is a no-op.
 */
export interface JobHandler {
  handle(job: JobEntity, tx: Tx): Promise<void>;
}

/** Every job type the system writes; boot fails when one has no handler or two. */
export const JOB_TYPES = [
  'timer',
  'start-timer',
  'async',
  'start-child',
  'cancel-child',
  'notify-parent',
  'signal',
  'deliver-signal',
  'message',
  'task-due-reminder',
] as const;
export type JobType = (typeof JOB_TYPES)[number];
