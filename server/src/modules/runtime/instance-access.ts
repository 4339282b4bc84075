import { Injectable } from '@nestjs/common';
import { clearanceAllows, type SessionUser } from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import { RuntimeErrors } from './runtime.errors';
import { UserRepository } from '../org/org.api';
import type { InstanceEntity } from './instance.entity';
import { InstanceClassification } from './instance-classification';
import { InstanceRepository } from './instance.repository';
import { TaskRepository } from './task.repository';

export const isWorkflowAdmin = (user: SessionUser) => user.roles.includes('workflow_admin');

/** How much of an instance a user sees: all of it, or the workflow admin's metadata (no variables, no content). */
export type InstanceView = 'full' | 'metadata';

/**
 * Who may read an instance — by part, not by group (issue #15):
 * - its initiator;
 * - whoever acted in it (completed a task, wrote an opinion, claimed, was assignee, owner or
 *   principal of a task: any history event with them as actor);
 * - a candidate (by name or group) of a task that is open and unclaimed — and only while it is;
 * - those granted access: 抄送 recipients and the readers of its 公文's 传阅 (知悉范围).
 * When the instance handles a classified 公文, the user's clearance must allow its 密级 too.
 * A workflow admin with no part gets the intervention view (metadata only). Everyone else gets
 * the same 404 as for an id that does not exist.
 */
@Injectable()
export class InstanceAccess {
  constructor(
    private readonly instances: InstanceRepository,
    private readonly tasks: TaskRepository,
    private readonly users: UserRepository,
    private readonly classification: InstanceClassification,
  ) {}

  async groupsOf(user: SessionUser, m?: EntityManager): Promise<string[]> {
    return (await this.users.groupsOf([user.id], m)).get(user.id) ?? [];
  }

  /** The instance for anyone who may see at least its metadata (a part, or a workflow admin). */
  async readable(user: SessionUser, id: string): Promise<InstanceEntity> {
    return (await this.readableView(user, id)).row;
  }

  /** The instance and how much of it the user sees; 404 for anyone with neither. */
  async readableView(user: SessionUser, id: string): Promise<{ row: InstanceEntity; view: InstanceView }> {
    const row = await this.instances.findById(id);
    if (!row) throw RuntimeErrors.instanceNotFound(id);
    if (await this.canRead(user, row)) return { row, view: 'full' };
    if (isWorkflowAdmin(user)) return { row, view: 'metadata' };
    throw RuntimeErrors.instanceNotFound(id);
  }

  /** The instance with its content (variables, opinions, 公文): a part and the clearance; 404 otherwise. */
  async readableInFull(user: SessionUser, id: string): Promise<InstanceEntity> {
    const row = await this.instances.findById(id);
    if (!row || !(await this.canRead(user, row))) throw RuntimeErrors.instanceNotFound(id);
    return row;
  }

  /** A part in the instance and a clearance that allows its 公文's 密级. */
  // `m`: the caller's transaction when it holds the instance's lock: a read through another pooled
  // connection while holding it can starve the pool (every connection waiting on that lock).
  async canRead(user: SessionUser, row: InstanceEntity, m?: EntityManager): Promise<boolean> {
    return (await this.hasPart(user, row, m)) && this.cleared(user, row, m);
  }

  async hasPart(user: SessionUser, row: InstanceEntity, m?: EntityManager): Promise<boolean> {
    if (row.initiator === user.username) return true;
    return this.tasks.involves(row.id, user.username, await this.groupsOf(user, m), m);
  }

  /** Whether the user's clearance allows the 密级 of the 公文 the instance handles (always, without one). */
  async cleared(user: SessionUser, row: Pick<InstanceEntity, 'id' | 'parentId'>, m?: EntityManager): Promise<boolean> {
    return clearanceAllows(user.clearance, await this.classification.levelOf(row, m));
  }

  /**
   * The instance ids among these whose matter (title, 文种) a list must not show the user: a
   * classified 公文 their clearance does not allow, or — for `all` lists a workflow admin reads —
   * any classified 公文 they have no part in.
   */
  async hiddenMatters(user: SessionUser, instanceIds: string[], checkPart: boolean): Promise<Set<string>> {
    const hidden = new Set<string>();
    const classified = await this.classification.classifiedOf(instanceIds);
    for (const [instanceId, level] of classified) {
      if (!clearanceAllows(user.clearance, level)) hidden.add(instanceId);
      else if (checkPart) {
        const row = await this.instances.findById(instanceId);
        if (!row || !(await this.hasPart(user, row))) hidden.add(instanceId);
      }
    }
    return hidden;
  }
}
