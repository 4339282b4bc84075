import { Injectable } from '@nestjs/common';
import type { Tx } from '../../platform/database/transaction-runner';
import { WorkdayCalendarService } from '../calendar/calendar.api';
import { JobOutbox, JobRepository } from '../jobs/jobs.api';

/** The job that reminds a task's people of its deadline (催办 by the system). */
export const TASK_DUE_REMINDER_JOB = 'task-due-reminder';

export type DueReminderStage = 'before' | 'due';

export interface DueReminderPayload {
  taskId: string;
  stage: DueReminderStage;
  /** the deadline the job was scheduled for: a task whose deadline moved since is not reminded by it */
  dueAt: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** China keeps UTC+8 all year (no daylight saving), so a calendar day is a fixed shift away. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const shanghaiDay = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Schedules the two automatic reminders of a task with a deadline, through the job outbox in the
 * caller's transaction: `before` at the same time of day on the working day before the deadline
 * (the working-day calendar: a Monday deadline is announced on Friday, a deadline after a
 * holiday on the last working day before it), `due` at the deadline.
 */
@Injectable()
export class DueReminderScheduler {
  constructor(
    private readonly outbox: JobOutbox,
    private readonly calendar: WorkdayCalendarService,
    private readonly jobs: JobRepository,
  ) {}

  /**
   * Cancels the reminders still pending for these closed tasks of an instance, or (null) for every
   * task of it: the job table then shows only reminders that can still be sent.
   */
  async cancelDueReminders(tx: Tx, instanceId: string, taskIds: string[] | null): Promise<void> {
    if (taskIds === null) await this.jobs.cancelPendingOfInstance(instanceId, [TASK_DUE_REMINDER_JOB], tx.manager);
    else
      await this.jobs.cancelByRefs(
        instanceId,
        taskIds.flatMap((id) => [`${id}:before`, `${id}:due`]),
        tx.manager,
      );
  }

  async scheduleDueReminders(tx: Tx, task: { id: string; instanceId: string; dueAt: Date | null }): Promise<void> {
    if (!task.dueAt) return;
    const due = task.dueAt.getTime();
    const now = Date.now();
    const before = this.previousWorkingDay(due);
    const payload = (stage: DueReminderStage): DueReminderPayload => ({ taskId: task.id, stage, dueAt: task.dueAt!.toISOString() });
    const jobs = [];
    // a deadline less than a working day away gets no early notice: the new-task notice is the
    // early notice (sending one at creation would read as an urge nobody gave)
    if (before > now)
      jobs.push({
        type: TASK_DUE_REMINDER_JOB,
        dueAt: new Date(before),
        instanceId: task.instanceId,
        ref: `${task.id}:before`,
        payload: { ...payload('before') },
      });
    jobs.push({
      type: TASK_DUE_REMINDER_JOB,
      dueAt: new Date(due),
      instanceId: task.instanceId,
      ref: `${task.id}:due`,
      payload: { ...payload('due') },
    });
    await this.outbox.add(tx, jobs);
  }

  /** The same instant on the closest earlier working day (at most 60 calendar days back). */
  private previousWorkingDay(due: number): number {
    let at = due - DAY_MS;
    for (let i = 0; i < 60 && !this.calendar.isWorkingDay(shanghaiDay(at)); i++) at -= DAY_MS;
    return at;
  }
}
