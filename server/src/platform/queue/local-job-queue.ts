import type { JobHandler, JobQueue, QueuedJob } from './job-queue';

/** Node timers overflow past 2^31-1 ms; longer delays are re-armed in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * In-process driver for embedded mode: one process serves the API and runs the jobs.
 * Nothing survives a restart here — the sweeper re-pushes due jobs from the job table.
 */
export class LocalJobQueue implements JobQueue {
  readonly kind = 'local' as const;
  private readonly pending = new Map<string, { job: QueuedJob; timer?: NodeJS.Timeout }>();
  private handler: JobHandler | null = null;
  private closed = false;

  constructor(private readonly now: () => number = Date.now) {}

  async push(jobs: readonly QueuedJob[]): Promise<void> {
    for (const job of jobs) {
      if (this.closed || this.pending.has(job.id)) continue;
      this.pending.set(job.id, { job });
      if (this.handler) this.arm(job.id);
    }
  }

  async consume(handler: JobHandler): Promise<void> {
    this.handler = handler;
    for (const id of this.pending.keys()) this.arm(id);
  }

  async ping(): Promise<boolean> {
    return !this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }

  /** Test support: forget every pending job, as a restart of the process would. */
  async obliterate(): Promise<void> {
    for (const entry of this.pending.values()) clearTimeout(entry.timer);
    this.pending.clear();
  }

  private arm(id: string): void {
    const entry = this.pending.get(id);
    if (!entry || entry.timer) return;
    const delay = Math.max(0, entry.job.runAt.getTime() - this.now());
    entry.timer = setTimeout(
      () => {
        entry.timer = undefined;
        if (delay > MAX_TIMER_MS) return this.arm(id);
        void this.deliver(entry.job);
      },
      Math.min(delay, MAX_TIMER_MS),
    );
  }

  private async deliver(job: QueuedJob): Promise<void> {
    this.pending.delete(job.id);
    if (this.closed || !this.handler) return;
    try {
      await this.handler({ id: job.id, name: job.name });
    } catch {
      // the handler records its own failure on the job row; the sweeper decides on retries
    }
  }
}
