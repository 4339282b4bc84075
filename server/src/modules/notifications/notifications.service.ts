import { Injectable } from '@nestjs/common';
import type { Notification, NotificationList, NotificationQuery, ReadAllResult } from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import { NotificationErrors } from './notifications.errors';
import type { Tx } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { NotificationEntity } from './notification.entity';
import { NotificationHub } from './notification-hub';
import { NotificationRepository } from './notification.repository';

/** A notification to write; other modules build these (urge, cc, task assignment, reminders). */
export interface NewNotification {
  /** a username */
  recipient: string;
  /** 'task.assigned' | 'task.urged' | 'task.due-soon' | 'task.overdue' | 'cc' | 'circulate' | 'withdrawn' | 'returned' | 'info' … */
  kind: string;
  /** Chinese, shown in the bell's list (cut at 200 characters) */
  title: string;
  body?: string;
  instanceId?: string | null;
  taskId?: string | null;
  /** a client route; a task's notification links to the task when this is left out */
  link?: string | null;
  /** who caused it; null or absent for the system */
  actor?: string | null;
  /** makes sending idempotent: a second notification with the same key is not written */
  dedupeKey?: string | null;
}

const isTx = (on: Tx | EntityManager): on is Tx => typeof (on as Tx).afterCommit === 'function';

const BASE32 = '0123456789abcdefghjkmnpqrstvwxyz';
let lastId = '';

/**
 * Ids that grow within this process even inside one millisecond (newId's random part does not),
 * so a client resuming after `Last-Event-ID` misses nothing this process wrote after it.
 */
function nextNotificationId(): string {
  let id = newId();
  if (id <= lastId) {
    const chars = lastId.split('');
    for (let i = chars.length - 1; i >= 0; i--) {
      const digit = BASE32.indexOf(chars[i]);
      if (digit < 31) {
        chars[i] = BASE32[digit + 1];
        break;
      }
      chars[i] = '0';
    }
    id = chars.join('');
  }
  lastId = id;
  return id;
}

/** The client route of a task: its page, with the approval panel. */
export const taskLink = (taskId: string) => `/tasks/${taskId}`;

@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly hub: NotificationHub,
  ) {}

  /**
   * Writes notifications in the caller's transaction; streams deliver them once it has committed
   * (a rollback notifies nobody). Pass the `Tx` when you have it: this process's streams are then
   * nudged right after commit; with only its `EntityManager` they see the rows at the next poll
   * (about a second). Items whose `dedupeKey` was used before are skipped. Returns what was written.
   */
  async send(on: Tx | EntityManager, items: NewNotification[]): Promise<NotificationEntity[]> {
    const m = isTx(on) ? on.manager : on;
    const keys = items.map((i) => i.dedupeKey).filter((k): k is string => !!k);
    // the keys are read as written so far in this unit, also by a send whose rows still wait in its batch
    if (keys.length && isTx(on)) await on.writes.flush();
    const used = await this.repository.existingKeys([...new Set(keys)], m);
    const now = new Date();
    const rows: NotificationEntity[] = [];
    for (const item of items) {
      if (item.dedupeKey) {
        if (used.has(item.dedupeKey)) continue;
        used.add(item.dedupeKey);
      }
      rows.push(
        Object.assign(new NotificationEntity(), {
          id: '',
          recipient: item.recipient,
          kind: item.kind.slice(0, 32),
          title: item.title.slice(0, 200),
          body: (item.body ?? '').slice(0, 2000),
          instanceId: item.instanceId ?? null,
          taskId: item.taskId ?? null,
          link: item.link ?? (item.taskId ? taskLink(item.taskId) : null),
          actor: item.actor ?? null,
          dedupeKey: item.dedupeKey ?? null,
          createdAt: now,
          readAt: null,
        }),
      );
    }
    if (!rows.length) return rows;
    for (const row of rows) row.id = nextNotificationId();
    // with the unit's other writes (its COMMIT on MySQL) when the Tx is given
    await this.repository.insert(rows, isTx(on) ? on.writes : m);
    if (isTx(on)) on.afterCommit(() => this.hub.nudge());
    return rows;
  }

  /** Usernames of the enabled members of these groups: a group-held task's people to notify. */
  membersOf(groups: string[], m: EntityManager): Promise<string[]> {
    return this.repository.membersOf(groups, m);
  }

  async list(username: string, query: NotificationQuery): Promise<NotificationList> {
    const { items, total } = await this.repository.page(
      username,
      query.unread === 'true',
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return { items: items.map(toNotification), total, unread: await this.repository.unreadCount(username) };
  }

  /** Marks one of the user's notifications read (again: no change); another user's is not found. */
  async markRead(username: string, id: string): Promise<Notification> {
    await this.repository.markRead(username, id, new Date());
    const row = await this.repository.findOf(username, id);
    if (!row) throw NotificationErrors.notFound(id);
    return toNotification(row);
  }

  async markAllRead(username: string): Promise<ReadAllResult> {
    const updated = await this.repository.markRead(username, null, new Date());
    return { updated, unread: await this.repository.unreadCount(username) };
  }
}

export function toNotification(row: NotificationEntity): Notification {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    instanceId: row.instanceId,
    taskId: row.taskId,
    link: row.link,
    actor: row.actor,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  };
}
