import { Injectable } from '@nestjs/common';
import type { CcCopy, CcList, CcQuery, CcTask, SessionUser } from '@liuzhuan/contracts';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { newId } from '../../platform/ids/ids';
import { NotificationsService, notificationTitle } from '../notifications/notifications.api';
import { CcCopyEntity, CommandExecutor, InstanceAccess, InstanceRepository } from '../runtime/runtime.api';
import { ApprovalsRepository } from './approvals.repository';
import { TaskGuard } from './task-guard';
import { TaskErrors } from './tasks.errors';

/** 抄送 (cc): read-only copies of an instance for information, with their read receipts. */
@Injectable()
export class CcService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly instances: InstanceRepository,
    private readonly rows: ApprovalsRepository,
    private readonly guard: TaskGuard,
    private readonly executor: CommandExecutor,
    private readonly access: InstanceAccess,
    private readonly notifications: NotificationsService,
  ) {}

  /** 抄送: read-only copies for information; the recipients can then read the instance. */
  send(id: string, input: CcTask, user: SessionUser): Promise<CcList> {
    return this.tx.run(async (tx) => {
      const { row, relation, instance } = await this.guard.lockAny(tx, id, user);
      if (relation !== 'assignee' && relation !== 'admin') throw TaskErrors.notYoursToCopy(id);
      const usernames = [...new Set(input.usernames)];
      await this.guard.requireUsers(usernames, tx.manager);
      const now = new Date();
      const rows = usernames.map((recipient) =>
        Object.assign(new CcCopyEntity(), {
          id: newId(),
          instanceId: row.instanceId,
          taskId: id,
          recipient,
          sender: user.username,
          note: input.note ?? null,
          createdAt: now,
          readAt: null,
        }),
      );
      await this.rows.insertCopies(rows, tx.manager);
      await this.executor.appendHistory(
        tx,
        instance,
        [
          {
            type: 'task.cc',
            elementId: row.elementId,
            details: { elementInstanceId: id, usernames, ...(input.note ? { note: input.note } : {}) },
          },
        ],
        user.username,
      );
      const title = notificationTitle('抄送', await this.instances.matterName(row.instanceId, tx.manager), row.name ?? row.elementId);
      await this.notifications.send(
        tx,
        rows.map((r) => ({
          recipient: r.recipient,
          kind: 'cc',
          title,
          body: input.note ?? '',
          instanceId: row.instanceId,
          link: `/cc?id=${r.id}`,
          actor: user.username,
        })),
      );
      return { items: rows.map(toCc), total: rows.length };
    });
  }

  async list(query: CcQuery, user: SessionUser): Promise<CcList> {
    if (query.instanceId) await this.access.readableInFull(user, query.instanceId);
    const { items, total, display } = await this.rows.copiesWhere({
      ...(query.instanceId ? { instanceId: query.instanceId } : {}),
      // without an instance, a user sees only the copies sent to them
      ...(query.mine === 'true' || !query.instanceId ? { recipient: user.username } : {}),
      ...(query.unread === 'true' ? { read: false } : query.unread === 'false' ? { read: true } : {}),
    });
    // no title of a classified 公文 the recipient's clearance does not allow
    const hidden = await this.access.hiddenMatters(
      user,
      items.filter((r) => display.get(r.id)?.title).map((r) => r.instanceId),
      false,
    );
    return {
      items: items.map((r) => ({
        ...toCc(r),
        ...display.get(r.id),
        ...(hidden.has(r.instanceId) ? { title: null, docType: null, urgency: null } : {}),
      })),
      total,
    };
  }

  /** The read receipt: the first read sets the time. */
  async read(id: string, user: SessionUser): Promise<CcCopy> {
    const row = await this.rows.copyById(id);
    if (!row || row.recipient !== user.username) throw TaskErrors.ccNotFound(id);
    if (!row.readAt) await this.rows.markCopyRead(id, new Date());
    return toCc((await this.rows.copyById(id)) ?? row);
  }
}

function toCc(r: CcCopyEntity): CcCopy {
  return {
    id: r.id,
    instanceId: r.instanceId,
    taskId: r.taskId,
    recipient: r.recipient,
    sender: r.sender,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
  };
}
