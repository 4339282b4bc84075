import { Injectable } from '@nestjs/common';
import type { Tx } from '../../platform/database/transaction-runner';
import { HandlesJob, type JobEntity, type JobHandler } from '../jobs/jobs.api';
import { CommandExecutor, InstanceRepository, TaskRepository } from '../runtime/runtime.api';
import { type DueReminderPayload, TASK_DUE_REMINDER_JOB } from './due-reminders';
import { notificationTitle } from './notification-title';
import { NotificationRepository } from './notification.repository';
import { NotificationsService } from './notifications.service';

const TEXT = {
  before: {
    kind: 'task.due-soon',
    action: '待办即将到期',
    body: (due: string) => `办理期限为 ${due}，请及时办理。`,
  },
  due: {
    kind: 'task.overdue',
    action: '待办已超期',
    body: (due: string) => `办理期限 ${due} 已过，请尽快办理。`,
  },
} as const;

/** Deadlines read in Beijing time, as the offices do. */
const beijing = (d: Date) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * A due-date reminder (自动催办): while the task is open, its assignee — or, unclaimed, its
 * candidates — get a notification and the instance history gets an urge entry. Once per task,
 * deadline, stage and person: the notifications' dedupe keys make a re-run (or a second job) write nothing.
 */
@Injectable()
@HandlesJob(TASK_DUE_REMINDER_JOB)
export class TaskDueReminderJob implements JobHandler {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly instances: InstanceRepository,
    private readonly executor: CommandExecutor,
    private readonly notifications: NotificationsService,
    private readonly repository: NotificationRepository,
  ) {}

  async handle(job: JobEntity, tx: Tx): Promise<void> {
    const { taskId, stage, dueAt } = JSON.parse(job.payload) as DueReminderPayload;
    const task = await this.tasks.findById(taskId, tx.manager);
    // done, cancelled, or its deadline changed since (a later schedule covers the new one)
    if (!task || task.status !== 'open' || !task.dueAt || task.dueAt.getTime() !== new Date(dueAt).getTime()) return;
    const instance = await this.instances.lock(task.instanceId, tx);
    const recipients = task.assignee ? [task.assignee] : await this.candidatesOf(task.id, tx);
    if (!recipients.length) return;
    const text = TEXT[stage];
    const title = notificationTitle(text.action, await this.instances.matterName(task.instanceId, tx.manager), task.name ?? task.elementId);
    const sent = await this.notifications.send(
      tx,
      recipients.map((recipient) => ({
        recipient,
        kind: text.kind,
        title,
        body: text.body(beijing(task.dueAt as Date)),
        instanceId: task.instanceId,
        taskId: task.id,
        actor: null,
        // per deadline: a task whose 办理期限 was recounted is reminded of the new one too
        dedupeKey: `due:${task.id}:${stage}:${(task.dueAt as Date).getTime()}:${recipient}`,
      })),
    );
    if (!sent.length) return;
    await this.executor.appendHistory(
      tx,
      instance,
      [
        {
          type: 'task.urged',
          elementId: task.elementId,
          details: { auto: true, stage, taskId: task.id, recipients: sent.map((n) => n.recipient) },
        },
      ],
      null,
    );
  }

  private async candidatesOf(taskId: string, tx: Tx): Promise<string[]> {
    const candidates = (await this.tasks.candidatesOf([taskId], tx.manager)).get(taskId) ?? [];
    const users = candidates.filter((c) => c.kind === 'user').map((c) => c.value);
    const groups = candidates.filter((c) => c.kind === 'group').map((c) => c.value);
    return [...new Set([...users, ...(await this.repository.membersOf(groups, tx.manager))])].sort();
  }
}
