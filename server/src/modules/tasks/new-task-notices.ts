import { Injectable } from '@nestjs/common';
import { clearanceAllows, SECRET_LEVELS } from '@liuzhuan/contracts';
import { processVariables, readState } from '@liuzhuan/engine';
import type { Tx } from '../../platform/database/transaction-runner';
import {
  type MatterName,
  type NewNotification,
  NO_MATTER,
  NotificationsService,
  notificationTitle,
} from '../notifications/notifications.api';
import { UserRepository } from '../org/org.api';
import {
  InstanceClassification,
  type InstanceEntity,
  InstanceRepository,
  type TaskCandidateEntity,
  type TaskEntity,
  TaskRepository,
} from '../runtime/runtime.api';

/**
 * 待办提醒: every new task is announced to whoever can act on it — its assignee (the deputy, when
 * 代理 gave the task to one), or else every candidate: the users it names and the enabled members
 * of its groups, as TaskGuard offers it to them. A classified 公文's task is offered only to those
 * whose clearance allows its 密级 (the claim check), so only they are told; an assignee without
 * that clearance is told of the step without the document's title.
 */
@Injectable()
export class NewTaskNotices {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly instances: InstanceRepository,
    private readonly classification: InstanceClassification,
    private readonly tasks: TaskRepository,
    private readonly users: UserRepository,
  ) {}

  async send(
    tx: Tx,
    instance: InstanceEntity,
    created: TaskEntity[],
    actor: string | null,
    known: Map<string, TaskCandidateEntity[]>,
  ): Promise<void> {
    const holders = new Map<string, { task: TaskEntity; people: string[]; candidates: boolean }>();
    for (const t of created) {
      if (t.assignee) holders.set(t.id, { task: t, people: [t.assignee], candidates: false });
      else holders.set(t.id, { task: t, people: await this.candidatesOf(tx, t.id, known.get(t.id)), candidates: true });
    }
    const everyone = [...new Set([...holders.values()].flatMap((h) => h.people))];
    if (!everyone.length) return;
    const { matter, level } = await this.matterOf(tx, instance);
    const cleared = await this.clearedAmong(tx, everyone, level);
    const items: NewNotification[] = [];
    for (const { task, people, candidates } of holders.values()) {
      const step = task.name ?? task.elementId;
      for (const recipient of people) {
        const allowed = cleared.has(recipient);
        // a candidate who may not claim it is not told of it
        if (candidates && !allowed) continue;
        // no dedupe key: the task row was inserted in this transaction under its new id, so no
        // earlier notification can name it (a key would cost a SELECT per command in send())
        items.push({
          recipient,
          kind: 'task.assigned',
          title: notificationTitle('待办', allowed ? matter : NO_MATTER, step),
          instanceId: instance.id,
          taskId: task.id,
          actor,
        });
      }
    }
    if (items.length) await this.notifications.send(tx, items);
  }

  /**
   * The title, 文号 and 密级 of the instance's matter. When a 公文 starts its process, the document
   * row is not linked to the instance yet: its title and 密级 are then the variables the document
   * set (a 密级 read either way is kept: a stale variable errs on the side of telling fewer people).
   */
  private async matterOf(tx: Tx, instance: InstanceEntity): Promise<{ matter: MatterName; level: string }> {
    const variables = processVariables(readState(instance.state));
    const found = await this.instances.matterName(instance.id, tx.manager);
    const title = typeof variables.title === 'string' && variables.title.trim() ? variables.title : null;
    const matter = found.title ? { title: found.title, docNumber: found.docNumber } : { title, docNumber: null };
    // the instance's own 公文 was read with its name; a top-level instance without one is unclassified (no query)
    const level = found.secretLevel ?? (instance.parentId ? await this.classification.levelOf(instance, tx.manager) : 'NONE');
    const declared = SECRET_LEVELS.find((l) => l === variables.secretLevel);
    return { matter, level: level === 'NONE' && declared ? declared : level };
  }

  /** The candidate users and the enabled members of the candidate groups (the projection passes the candidates it wrote). */
  private async candidatesOf(tx: Tx, taskId: string, known: TaskCandidateEntity[] | undefined): Promise<string[]> {
    const candidates = known ?? (await this.tasks.candidatesOf([taskId], tx.manager)).get(taskId) ?? [];
    const named = candidates.filter((c) => c.kind === 'user').map((c) => c.value);
    const groups = candidates.filter((c) => c.kind === 'group').map((c) => c.value);
    return [...new Set([...named, ...(await this.notifications.membersOf(groups, tx.manager))])].sort();
  }

  /** Who among these users may know a 公文 of this 密级 (everyone, for an unclassified one: no query). */
  private async clearedAmong(tx: Tx, usernames: string[], level: string): Promise<Set<string>> {
    if (level === 'NONE') return new Set(usernames);
    const users = await this.users.findByUsernames(usernames, tx.manager);
    return new Set(users.filter((u) => u.enabled && clearanceAllows(u.clearance, level)).map((u) => u.username));
  }
}
