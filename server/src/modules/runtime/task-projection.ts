import { Injectable } from '@nestjs/common';
import type { EngineEvent, EventOf } from '@liuzhuan/engine';
import type { Tx } from '../../platform/database/transaction-runner';
import { UserRepository } from '../org/user.repository';
import type { InstanceEntity } from './instance.entity';
import { TaskCandidateEntity, TaskEntity } from './task.entity';
import { TaskRepository } from './task.repository';

/** oa:orgRole values naming the head (role `leader`) of the initiator's organization. */
const HEAD_OF_INITIATOR_ORG = new Set(['head-of-initiator-department', 'head of the initiator\'s department', 'initiator-department-head', '发起人部门负责人']);

/**
 * Keeps the task rows in step with the engine's task events, in the command's transaction.
 * Returns, per created task, what the assignment resolved to (recorded in the history).
 */
@Injectable()
export class TaskProjection {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly users: UserRepository,
  ) {}

  async apply(tx: Tx, instance: InstanceEntity, events: readonly EngineEvent[], actor: string | null): Promise<Map<string, Record<string, unknown>>> {
    const notes = new Map<string, Record<string, unknown>>();
    for (const event of events) {
      if (event.type === 'task.created') notes.set(event.elementInstanceId, await this.create(tx, instance, event));
      else if (event.type === 'task.completed') {
        await this.tasks.close(event.elementInstanceId, { status: 'completed', completedAt: new Date(event.at), completedBy: actor }, tx.manager);
      } else if (event.type === 'task.cancelled') {
        await this.tasks.close(event.elementInstanceId, { status: 'cancelled', completedAt: new Date(event.at), completedBy: null }, tx.manager);
      }
    }
    return notes;
  }

  private async create(tx: Tx, instance: InstanceEntity, event: EventOf<'task.created'>): Promise<Record<string, unknown>> {
    let assignee = event.assignee;
    const note: Record<string, unknown> = {};
    if (!assignee && event.orgRole) {
      assignee = await this.resolveOrgRole(tx, event.orgRole, instance);
      // no head found: the task stays with its candidate groups, and the history says why
      note.orgRoleResolved = assignee;
      if (!assignee) note.orgRoleNote = `no user with role leader in the initiator's organization for ${event.orgRole}`;
    }
    const task = Object.assign(new TaskEntity(), {
      id: event.elementInstanceId,
      instanceId: instance.id,
      definitionKey: instance.definitionKey,
      elementId: event.elementId,
      name: event.name,
      assignee: assignee ? assignee.slice(0, 32) : null,
      status: 'open' as const,
      formKey: event.formKey,
      dueAt: event.dueAt ? new Date(event.dueAt) : null,
      createdAt: new Date(event.at),
      openedAt: null,
      completedAt: null,
      completedBy: null,
    });
    const candidates = [
      ...new Set(event.candidateUsers.map((v) => `user|${v.slice(0, 64)}`)),
      ...new Set(event.candidateGroups.map((v) => `group|${v.slice(0, 64)}`)),
    ].map((key) => {
      const [kind, value] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
      return Object.assign(new TaskCandidateEntity(), { taskId: task.id, kind: kind as 'user' | 'group', value });
    });
    await this.tasks.insert(task, candidates, tx.manager);
    return note;
  }

  private async resolveOrgRole(tx: Tx, orgRole: string, instance: InstanceEntity): Promise<string | null> {
    if (!HEAD_OF_INITIATOR_ORG.has(orgRole) || !instance.initiatorOrgId) return null;
    // read on the transaction's connection: a second pool connection per command could exhaust the pool
    const [head] = await this.users.withRoleIn(instance.initiatorOrgId, 'leader', tx.manager);
    return head?.username ?? null;
  }
}
