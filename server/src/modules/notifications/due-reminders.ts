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

/**
 * Schedules the two automatic reminders of a task with a deadline, through the job outbox in the
 * caller's transaction, on the working-day calendar: `before` (到期前催办) at 09:00 on the working
 * day before the deadline's day, `due` (超期催办) at 09:00 on the first working day after it — a
 * 调休 Saturday when that is the next working day. Rescheduling replaces the pending pair.
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
    const dueAt = task.dueAt;
    const { before, overdue } = this.calendar.reminders(dueAt);
    const job = (stage: DueReminderStage, at: string) => {
      const payload: DueReminderPayload = { taskId: task.id, stage, dueAt: dueAt.toISOString() };
      return {
        type: TASK_DUE_REMINDER_JOB,
        dueAt: new Date(at),
        instanceId: task.instanceId,
        ref: `${task.id}:${stage}`,
        payload: { ...payload },
      };
    };
    // an early notice already due gets none: the new-task notice is the early notice (sending one
    // at creation would read as an urge nobody gave)
    const jobs = Date.parse(before) > Date.now() ? [job('before', before), job('due', overdue)] : [job('due', overdue)];
    await this.outbox.add(tx, jobs);
  }

  /** Moves the pending reminders of an open task whose deadline changed (a recounted 办理期限). */
  async rescheduleDueReminders(tx: Tx, task: { id: string; instanceId: string; dueAt: Date | null }): Promise<void> {
    await this.cancelDueReminders(tx, task.instanceId, [task.id]);
    await this.scheduleDueReminders(tx, task);
  }
}
