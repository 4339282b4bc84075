import { Injectable } from '@nestjs/common';
import type {
  CcCopy,
  CcList,
  CcQuery,
  CcTask,
  CreatePhrase,
  CreateProxy,
  Phrase,
  PhraseList,
  Proxy,
  ProxyList,
  SessionUser,
  Task,
  UrgeTask,
} from '@liuzhuan/contracts';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { DomainError } from '../../platform/errors/domain-error';
import { newId } from '../../platform/ids/ids';
import { NotificationsService } from '../notifications/notifications.api';
import { CcCopyEntity, CommandExecutor, InstanceAccess, TaskProxyEntity, TaskRepository } from '../runtime/runtime.api';
import { PhraseEntity, UrgeEntity } from './approvals.entity';
import { TaskGuard } from './task-guard';
import { TasksService } from './tasks.service';
import { toTask } from './task-view';

/** 催办 urge, 抄送 cc, 代理 proxies and 常用语 phrases. */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly dataSource: DataSource,
    private readonly guard: TaskGuard,
    private readonly tasks: TaskRepository,
    private readonly taskService: TasksService,
    private readonly executor: CommandExecutor,
    private readonly access: InstanceAccess,
    private readonly notifications: NotificationsService,
  ) {}

  /** 催办: a reminder to whoever holds the task, by the initiator, an earlier handler or an admin. */
  urge(id: string, input: UrgeTask, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const { row, candidates, instance } = await this.guard.lockAny(tx, id, user);
      if (instance.status !== 'active' || (row.status !== 'open' && row.status !== 'waiting'))
        throw new DomainError('TASK_NOT_OPEN', `Task ${id} is ${row.status}`);
      if (!(await this.taskService.mayUrge(user, instance.initiator, row.instanceId)))
        throw new DomainError('OPERATION_NOT_ALLOWED', 'Only the initiator, an earlier handler or an admin urges');
      const now = new Date();
      await tx.manager.insert(UrgeEntity, {
        id: newId(),
        instanceId: row.instanceId,
        taskId: id,
        urgedBy: user.username,
        message: input.message,
        createdAt: now,
      });
      // a task waiting for its signers (加签) is urged at the signers
      const holders =
        row.status === 'waiting'
          ? (await this.tasks.signersOf(id, tx.manager)).filter((t) => t.status === 'open').map((t) => t.assignee)
          : [row.assignee];
      const recipients = [
        ...new Set(
          (holders.some(Boolean) ? holders : candidates.filter((c) => c.kind === 'user').map((c) => c.value)).filter(
            (u): u is string => !!u,
          ),
        ),
      ];
      await this.executor.appendHistory(
        tx,
        instance,
        [{ type: 'task.urged', elementId: row.elementId, details: { elementInstanceId: id, message: input.message, recipients } }],
        user.username,
      );
      await this.notifications.send(
        tx,
        recipients.map((recipient) => ({
          recipient,
          kind: 'task.urged',
          title: `催办：${row.name ?? row.elementId}`,
          body: input.message,
          instanceId: row.instanceId,
          taskId: id,
          actor: user.username,
        })),
      );
      return toTask(row, candidates);
    });
  }

  /** 抄送: read-only copies for information; the recipients can then read the instance. */
  cc(id: string, input: CcTask, user: SessionUser): Promise<CcList> {
    return this.tx.run(async (tx) => {
      const { row, relation, instance } = await this.guard.lockAny(tx, id, user);
      if (relation !== 'assignee' && relation !== 'admin') throw new DomainError('TASK_NOT_YOURS', `Task ${id} is not yours to copy`);
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
      await tx.manager.insert(CcCopyEntity, rows);
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
      await this.notifications.send(
        tx,
        rows.map((r) => ({
          recipient: r.recipient,
          kind: 'cc',
          title: `抄送：${row.name ?? row.elementId}`,
          body: input.note ?? '',
          instanceId: row.instanceId,
          link: `/cc?id=${r.id}`,
          actor: user.username,
        })),
      );
      return { items: rows.map(toCc), total: rows.length };
    });
  }

  async ccList(query: CcQuery, user: SessionUser): Promise<CcList> {
    const qb = this.dataSource.manager.createQueryBuilder(CcCopyEntity, 'c');
    if (query.instanceId) {
      await this.access.readable(user, query.instanceId);
      qb.andWhere('c.instance_id = :instanceId', { instanceId: query.instanceId });
    }
    // without an instance, a user sees only the copies sent to them
    if (query.mine === 'true' || !query.instanceId) qb.andWhere('c.recipient = :me', { me: user.username });
    if (query.unread === 'true') qb.andWhere('c.read_at IS NULL');
    if (query.unread === 'false') qb.andWhere('c.read_at IS NOT NULL');
    const [items, total] = await qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC').take(200).getManyAndCount();
    return { items: items.map(toCc), total };
  }

  /** The read receipt: the first read sets the time. */
  async ccRead(id: string, user: SessionUser): Promise<CcCopy> {
    const m = this.dataSource.manager;
    const row = await m.findOneBy(CcCopyEntity, { id });
    if (!row || row.recipient !== user.username) throw new DomainError('CC_NOT_FOUND', `No copy ${id}`);
    if (!row.readAt) {
      await m.createQueryBuilder().update(CcCopyEntity).set({ readAt: new Date() }).where('id = :id AND read_at IS NULL', { id }).execute();
    }
    return toCc((await m.findOneBy(CcCopyEntity, { id })) ?? row);
  }

  /** 代理: the principal (or a system admin for them) names a deputy for a time window. */
  createProxy(input: CreateProxy, user: SessionUser): Promise<Proxy> {
    return this.tx.run(async (tx) => {
      const principal = input.principal ?? user.username;
      if (principal !== user.username && !user.roles.includes('system_admin'))
        throw new DomainError('OPERATION_NOT_ALLOWED', 'Only a system admin sets a proxy for someone else');
      const from = new Date(input.from);
      const to = new Date(input.to);
      if (!(from < to) || input.deputy === principal)
        throw new DomainError('PROXY_INVALID_WINDOW', 'The window must end after it starts and the deputy differ from the principal');
      await this.guard.requireUsers([principal, input.deputy], tx.manager);
      const row = Object.assign(new TaskProxyEntity(), {
        id: newId(),
        principal,
        deputy: input.deputy,
        validFrom: from,
        validTo: to,
        definitionKeys: input.definitionKeys?.length ? JSON.stringify(input.definitionKeys) : null,
        createdBy: user.username,
        createdAt: new Date(),
        revokedAt: null,
      });
      await tx.manager.insert(TaskProxyEntity, row);
      return toProxy(row);
    });
  }

  async myProxies(user: SessionUser): Promise<ProxyList> {
    const now = new Date();
    const m = this.dataSource.manager;
    const rows = await m.find(TaskProxyEntity, {
      where: [
        { principal: user.username, revokedAt: IsNull(), validTo: MoreThan(now) },
        { deputy: user.username, revokedAt: IsNull(), validTo: MoreThan(now) },
      ],
      order: { validFrom: 'ASC' },
    });
    return { items: rows.map(toProxy) };
  }

  /** Ends every proxy the caller set as principal; tasks already with a deputy stay there. */
  async endMyProxies(user: SessionUser): Promise<void> {
    const r = await this.dataSource.manager.update(
      TaskProxyEntity,
      { principal: user.username, revokedAt: IsNull(), validTo: MoreThan(new Date()) },
      { revokedAt: new Date() },
    );
    if (!r.affected) throw new DomainError('PROXY_NOT_FOUND', 'No proxy in force');
  }

  async phrases(user: SessionUser): Promise<PhraseList> {
    const rows = await this.dataSource.manager.find(PhraseEntity, {
      where: [{ owner: user.username, scope: 'personal' }, { scope: 'organization' }],
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    return { items: rows.map(toPhrase) };
  }

  async addPhrase(input: CreatePhrase, user: SessionUser): Promise<Phrase> {
    if (input.scope === 'organization' && !isPhraseAdmin(user))
      throw new DomainError('OPERATION_NOT_ALLOWED', 'Organization-wide phrases are kept by a workflow or system admin');
    const row = Object.assign(new PhraseEntity(), {
      id: newId(),
      text: input.text,
      scope: input.scope,
      owner: input.scope === 'personal' ? user.username : null,
      createdAt: new Date(),
    });
    await this.dataSource.manager.insert(PhraseEntity, row);
    return toPhrase(row);
  }

  async deletePhrase(id: string, user: SessionUser): Promise<void> {
    const m = this.dataSource.manager;
    const row = await m.findOneBy(PhraseEntity, { id });
    const mayDelete = row && (row.scope === 'personal' ? row.owner === user.username : isPhraseAdmin(user));
    if (!row || !mayDelete) throw new DomainError('PHRASE_NOT_FOUND', `No phrase ${id}`);
    await m.delete(PhraseEntity, { id });
  }
}

const isPhraseAdmin = (user: SessionUser) => user.roles.includes('workflow_admin') || user.roles.includes('system_admin');

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

function toProxy(r: TaskProxyEntity): Proxy {
  return {
    id: r.id,
    principal: r.principal,
    deputy: r.deputy,
    from: r.validFrom.toISOString(),
    to: r.validTo.toISOString(),
    definitionKeys: r.definitionKeys ? (JSON.parse(r.definitionKeys) as string[]) : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}

const toPhrase = (r: PhraseEntity): Phrase => ({
  id: r.id,
  text: r.text,
  scope: r.scope,
  owner: r.owner,
  createdAt: r.createdAt.toISOString(),
});
