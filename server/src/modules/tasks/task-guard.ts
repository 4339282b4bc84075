import { Injectable } from '@nestjs/common';
import type { SessionUser } from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import type { Tx } from '../../platform/database/transaction-runner';
import { UserRepository } from '../org/org.api';
import {
  InstanceAccess,
  InstanceRepository,
  isWorkflowAdmin,
  TaskRepository,
  type TaskCandidateEntity,
  type TaskEntity,
} from '../runtime/runtime.api';
import type { Relation } from './task-view';
import { TaskErrors } from './tasks.errors';

/** Locks a task for an operation and says how the caller relates to it. */
@Injectable()
export class TaskGuard {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly instances: InstanceRepository,
    private readonly access: InstanceAccess,
    private readonly users: UserRepository,
  ) {}

  /**
   * Locks the task's instance, then reads the task as last committed: of two concurrent
   * operations on one task the second sees the first's result (TASK_NOT_OPEN, ALREADY_CLAIMED).
   * Someone with no part in the task gets 404.
   */
  async lockOpen(tx: Tx, id: string, user: SessionUser) {
    const locked = await this.lockAny(tx, id, user);
    const { row } = locked;
    // a reader of the instance with no part in the task learns nothing about it (as for an unknown id)
    if (!locked.relation) throw TaskErrors.notFound(id);
    if (row.status === 'waiting') throw TaskErrors.waiting(id);
    if (row.status !== 'open') throw TaskErrors.notOpen(id, row.status);
    return locked;
  }

  /**
   * As {@link lockOpen}, in whatever status the task is, and for anyone who can read the
   * instance (relation null): 催办 by the initiator, 撤回 by whoever completed the task.
   */
  async lockAny(tx: Tx, id: string, user: SessionUser) {
    // two statements, one round trip: lock + read the instance, then the task with its candidates as last committed
    const { instance, next: found } = await this.instances.lockOfTaskThen(id, tx, this.tasks.withCandidatesRead(id));
    if (!instance || !found) throw TaskErrors.notFound(id);
    const { task: row, candidates } = found;
    const relation = await this.relation(user, row, candidates, tx.manager);
    if (!relation && !(await this.access.canRead(user, instance, tx.manager))) {
      // a candidate who lost the race to claim is told so, and learns nothing more
      if (row.status === 'open' && row.assignee && (await this.offered(user, candidates, tx.manager))) throw TaskErrors.claimedByOther(id);
      throw TaskErrors.notFound(id);
    }
    return { row, candidates, relation, instance };
  }

  /**
   * How the user relates to the task. A candidate (by name or group) relates to it only while it
   * is open and unclaimed: once someone claimed it or it was assigned, the other candidates have
   * no part in it (read access by part, not by group).
   */
  async relation(user: SessionUser, row: TaskEntity, candidates: TaskCandidateEntity[], m?: EntityManager): Promise<Relation> {
    if (row.assignee === user.username) return 'assignee';
    if (row.owner === user.username) return 'owner';
    if (isWorkflowAdmin(user)) return 'admin';
    if (row.status !== 'open' || row.assignee) return null;
    return (await this.offered(user, candidates, m)) ? 'candidate' : null;
  }

  /** Whether the task's candidates name the user or one of their groups. */
  private async offered(user: SessionUser, candidates: TaskCandidateEntity[], m?: EntityManager): Promise<boolean> {
    if (candidates.some((c) => c.kind === 'user' && c.value === user.username)) return true;
    const groups = candidates.filter((c) => c.kind === 'group').map((c) => c.value);
    return groups.length > 0 && (await this.access.groupsOf(user, m)).some((g) => groups.includes(g));
  }

  /** Only the assignee acts (an admin intervenes through reassign instead). */
  requireAssignee(relation: Relation, id: string): void {
    if (relation !== 'assignee') throw TaskErrors.notYoursToAct(id);
  }

  /** The users named exist and are enabled: an unknown one is a 422 and nothing changes. */
  async requireUsers(usernames: string[], m: EntityManager): Promise<void> {
    for (const username of usernames) {
      const u = await this.users.findByUsername(username, m);
      if (!u || !u.enabled) throw TaskErrors.userUnknown(username);
    }
  }
}
