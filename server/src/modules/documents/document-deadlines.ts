import { Injectable, type OnModuleInit } from '@nestjs/common';
import { In } from 'typeorm';
import { type Tx, TransactionRunner } from '../../platform/database/transaction-runner';
import { AuditTrail } from '../audit/audit.api';
import { type CalendarChange, CalendarService, WorkdayCalendarService } from '../calendar/calendar.api';
import { DueReminderScheduler, notificationTitle, NotificationsService } from '../notifications/notifications.api';
import { CommandExecutor, InstanceRepository, TaskEntity, TaskRepository } from '../runtime/runtime.api';
import { IncomingRegistrationEntity } from './document.entity';
import { DocumentRepository } from './document.repository';

/** "2025-10-10 17:30": a deadline as Beijing wall-clock time, as the offices read it. */
const beijingMinute = (at: Date) => new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The process variables of a document's 办理期限, set at registration and after each recount:
 * `dueAt` the deadline, `dueRemindAt` 09:00 of the working day before it, `overdueAt` 09:00 of the
 * working day after it. Models take their handling steps' deadlines and timers from them
 * (`oa:dueDate="=dueAt"`); all three are null for a document without a time limit.
 */
export interface DeadlineVariables {
  dueAt: string | null;
  dueRemindAt: string | null;
  overdueAt: string | null;
}

/** Reserved for the server (see `RESERVED_VARIABLES`): a caller that sets one is refused. */
export const DEADLINE_VARIABLES = ['dueAt', 'dueRemindAt', 'overdueAt'] as const;

type Counted = { dueAt: string; provisional: boolean; calendarVersion: number };

/**
 * 办理期限 that follow the calendar. The registration counts a 收文's deadline from its 签收 time;
 * when the admin imports or edits a calendar year, every open document whose deadline was
 * provisional or whose count runs through a changed day is counted again: the registration, the
 * process variables and the open tasks that carry the document's deadline move, their automatic
 * 催办 move with them, the people holding those tasks are told and the audit trail records it.
 */
@Injectable()
export class DocumentDeadlines implements OnModuleInit {
  constructor(
    private readonly calendarChanges: CalendarService,
    private readonly calendar: WorkdayCalendarService,
    private readonly tx: TransactionRunner,
    private readonly documents: DocumentRepository,
    private readonly instances: InstanceRepository,
    private readonly tasks: TaskRepository,
    private readonly executor: CommandExecutor,
    private readonly reminders: DueReminderScheduler,
    private readonly notifications: NotificationsService,
    private readonly trail: AuditTrail,
  ) {}

  onModuleInit(): void {
    this.calendarChanges.onChanged((change) => this.recount(change));
  }

  /** The deadline of a document signed for at `signedForAt` with `workdays` working days. */
  count(signedForAt: Date, workdays: number): Counted {
    return this.calendar.due(signedForAt.toISOString(), workdays);
  }

  variables(dueAt: string | null): DeadlineVariables {
    if (!dueAt) return { dueAt: null, dueRemindAt: null, overdueAt: null };
    const { before, overdue } = this.calendar.reminders(new Date(dueAt));
    return { dueAt, dueRemindAt: before, overdueAt: overdue };
  }

  /** Counts again the open documents a calendar change may have moved, each in its own transaction. */
  async recount(change: CalendarChange): Promise<void> {
    for (const { documentId, instanceId } of await this.documents.openTimeLimited()) {
      const [reg] = (await this.documents.registrations([documentId])).values();
      if (!reg || !affected(reg, change)) continue;
      await this.tx.run((tx) => this.recountOne(tx, documentId, instanceId, change));
    }
  }

  private async recountOne(tx: Tx, documentId: string, instanceId: string, change: CalendarChange): Promise<void> {
    // the document lock orders this against an edit or a second recount of the same document
    if (!(await this.documents.lock(tx, documentId))) return;
    const reg = (await this.documents.registrations([documentId], tx.manager)).get(documentId);
    if (!reg?.timeLimitWorkdays || !reg.dueAt) return;
    const due = this.count(reg.signedForAt, reg.timeLimitWorkdays);
    const before = reg.dueAt;
    const after = new Date(due.dueAt);
    if (after.getTime() === before.getTime() && due.provisional === reg.dueProvisional) return;
    await tx.manager.update(
      IncomingRegistrationEntity,
      { documentId },
      { dueAt: after, dueProvisional: due.provisional, calendarVersion: due.calendarVersion },
    );
    const moved = after.getTime() !== before.getTime();
    const taskIds = moved ? await this.moveTasks(tx, instanceId, before, after, change.version) : [];
    if (moved)
      await this.executor.executeIn(tx, instanceId, { type: 'setVariables', variables: { ...this.variables(due.dueAt) } }, { actor: null });
    this.trail.record(tx, change.audit, {
      type: 'document.deadline.recounted',
      targetType: 'document',
      targetId: documentId,
      details: {
        calendarVersion: change.version,
        from: before.toISOString(),
        to: due.dueAt,
        provisional: due.provisional,
        wasProvisional: reg.dueProvisional,
        tasks: taskIds,
      },
    });
  }

  /** Moves the open tasks that carry the document's deadline and their 催办; tells their holders. */
  private async moveTasks(tx: Tx, instanceId: string, before: Date, after: Date, version: number): Promise<string[]> {
    const moving = (await this.tasks.ofInstance(instanceId, tx.manager)).filter(
      (t) => t.status === 'open' && t.dueAt?.getTime() === before.getTime(),
    );
    if (!moving.length) return [];
    await tx.manager.update(TaskEntity, { id: In(moving.map((t) => t.id)) }, { dueAt: after });
    const matter = await this.instances.matterName(instanceId, tx.manager);
    const candidates = await this.tasks.candidatesOf(
      moving.map((t) => t.id),
      tx.manager,
    );
    const items = [];
    for (const task of moving) {
      await this.reminders.rescheduleDueReminders(tx, { id: task.id, instanceId, dueAt: after });
      const listed = candidates.get(task.id) ?? [];
      const holders = task.assignee
        ? [task.assignee]
        : [
            ...new Set([
              ...listed.filter((c) => c.kind === 'user').map((c) => c.value),
              ...(await this.notifications.membersOf(
                listed.filter((c) => c.kind === 'group').map((c) => c.value),
                tx.manager,
              )),
            ]),
          ];
      for (const recipient of holders)
        items.push({
          recipient,
          kind: 'task.due-changed',
          title: notificationTitle('办理期限已调整', matter, task.name ?? task.elementId),
          body: `工作日历已更新，办理期限由 ${beijingMinute(before)} 调整为 ${beijingMinute(after)}。`,
          instanceId,
          taskId: task.id,
          actor: null,
          dedupeKey: `due-changed:${task.id}:${version}:${recipient}`,
        });
    }
    if (items.length) await this.notifications.send(tx, items);
    return moving.map((t) => t.id);
  }
}

/** Whether a calendar change can move this deadline: it was provisional, or a changed day lies inside its count. */
function affected(reg: IncomingRegistrationEntity, change: CalendarChange): boolean {
  if (!reg.dueAt) return false;
  if (reg.dueProvisional) return true;
  const first = beijingMinute(reg.signedForAt).slice(0, 10);
  const last = beijingMinute(reg.dueAt).slice(0, 10);
  return change.from <= last && change.to >= first;
}
