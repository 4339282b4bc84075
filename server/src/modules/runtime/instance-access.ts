import { Injectable } from '@nestjs/common';
import type { SessionUser } from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import { RuntimeErrors } from './runtime.errors';
import { UserRepository } from '../org/org.api';
import type { InstanceEntity } from './instance.entity';
import { InstanceRepository } from './instance.repository';
import { TaskRepository } from './task.repository';

export const isWorkflowAdmin = (user: SessionUser) => user.roles.includes('workflow_admin');

/**
 * Who may see an instance: a workflow admin, its initiator, and anyone who has or had a task
 * in it. Everyone else gets the same 404 as for an id that does not exist.
 */
@Injectable()
export class InstanceAccess {
  constructor(
    private readonly instances: InstanceRepository,
    private readonly tasks: TaskRepository,
    private readonly users: UserRepository,
  ) {}

  async groupsOf(user: SessionUser, m?: EntityManager): Promise<string[]> {
    return (await this.users.groupsOf([user.id], m)).get(user.id) ?? [];
  }

  async readable(user: SessionUser, id: string): Promise<InstanceEntity> {
    const row = await this.instances.findById(id);
    if (!row || !(await this.canRead(user, row))) throw RuntimeErrors.instanceNotFound(id);
    return row;
  }

  async canRead(user: SessionUser, row: InstanceEntity): Promise<boolean> {
    if (isWorkflowAdmin(user) || row.initiator === user.username) return true;
    return this.tasks.involves(row.id, user.username, await this.groupsOf(user));
  }
}
