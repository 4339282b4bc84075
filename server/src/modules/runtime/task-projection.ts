import { Injectable } from '@nestjs/common';
import type { EngineEvent, EventOf } from '@liuzhuan/engine';
import type { Tx } from '../../platform/database/transaction-runner';
import { OrgRepository } from '../org/org.api';
import { UserRepository } from '../org/org.api';
import { ProxyResolver } from '../proxies/proxies.api';
import type { InstanceEntity } from './instance.entity';
import { TaskCandidateEntity, TaskEntity } from './task.entity';
import { TaskRepository } from './task.repository';

/** An assignee `head:<org>` names the head of that organization, resolved when the task is created. */
export const HEAD_OF_PREFIX = 'head:';

/** oa:orgRole values naming the head (role `leader`) of the initiator's organization. */
const HEAD_OF_INITIATOR_ORG = new Set([
  'head-of-initiator-department',
  "head of the initiator's department",
  'initiator-department-head',
  '发起人部门负责人',
]);

/** How the command that creates tasks wants them assigned and linked (approval operations). */
export interface ProjectionContext {
  /** the task whose completion, return or withdrawal created the new tasks (撤回 checks these) */
  sourceTaskId?: string;
  /** element id → username: the re-created task goes to whoever did it before (退回, 撤回) */
  assign?: Record<string, string>;
  /** usernames taken one per new task in creation order (并行加签: the added inner instances) */
  assignQueue?: string[];
  /** 撤回: the task re-opened for the completed task `taskId` goes to `assignee` */
  reopen?: { taskId: string; assignee: string };
  /**
   * 选择下一步办理人: element id → the people the completing user chose (checked beforehand by
   * EligiblePeople.checkPicks). One gets the task; several become its only candidates. Applied
   * to single tasks only; `picked` collects the elements it was applied to.
   */
  pick?: Record<string, string[]>;
  picked?: Set<string>;
}

export interface ProjectionResult {
  /** per created task, what the assignment resolved to (recorded in the history) */
  notes: Map<string, Record<string, unknown>>;
  created: TaskEntity[];
  /** the candidates of the created tasks, by task id */
  candidates: Map<string, TaskCandidateEntity[]>;
  /** what the command wrote to the tasks it completed or cancelled (callers need not read them again) */
  closed: Map<string, Pick<TaskEntity, 'status' | 'completedAt' | 'completedBy'>>;
}

/** Keeps the task rows in step with the engine's task events, in the command's transaction. */
@Injectable()
export class TaskProjection {
  constructor(
    private readonly tasks: TaskRepository,
    private readonly users: UserRepository,
    private readonly orgs: OrgRepository,
    private readonly proxies: ProxyResolver,
  ) {}

  /**
   * Statements: one UPDATE per closed task; for the created ones, one proxy query (only when one
   * of them has an assignee and a proxy is in force somewhere), one INSERT of the tasks and one of their candidates.
   */
  async apply(
    tx: Tx,
    instance: InstanceEntity,
    events: readonly EngineEvent[],
    actor: string | null,
    context: ProjectionContext = {},
  ): Promise<ProjectionResult> {
    const notes = new Map<string, Record<string, unknown>>();
    const created: TaskEntity[] = [];
    const pending = new Map<string, TaskEntity>();
    const candidates = new Map<string, TaskCandidateEntity[]>();
    const closed: ProjectionResult['closed'] = new Map();
    const queue = [...(context.assignQueue ?? [])];
    for (const event of events) {
      if (event.type === 'task.created') {
        const { task, note, taskCandidates } = await this.create(tx, instance, event, context, queue);
        notes.set(event.elementInstanceId, note);
        created.push(task);
        pending.set(task.id, task);
        candidates.set(task.id, taskCandidates);
      } else if (event.type === 'task.completed' || event.type === 'task.cancelled') {
        const patch =
          event.type === 'task.completed'
            ? { status: 'completed' as const, completedAt: new Date(event.at), completedBy: actor }
            : { status: 'cancelled' as const, completedAt: new Date(event.at), completedBy: null };
        closed.set(event.elementInstanceId, patch);
        // a task created by this same command is not written yet: close it in memory
        const fresh = pending.get(event.elementInstanceId);
        if (fresh) Object.assign(fresh, patch);
        else this.tasks.close(event.elementInstanceId, patch, tx.writes);
      }
    }
    if (created.length) {
      await this.applyProxies(tx, instance, created, notes);
      this.tasks.insert(created, [...candidates.values()].flat(), tx.writes);
    }
    return { notes, created, candidates, closed };
  }

  /** 代理: the deputy acts for the principal while the window lasts; one query for all new tasks. */
  private async applyProxies(
    tx: Tx,
    instance: InstanceEntity,
    created: TaskEntity[],
    notes: Map<string, Record<string, unknown>>,
  ): Promise<void> {
    // none in force anywhere (seen when the instance was locked): no query
    if (instance.proxiesMayApply === false) return;
    const deputies = await this.proxies.deputiesFor(created, instance.definitionKey, tx.manager);
    for (const task of created) {
      const proxy = deputies.get(task.id);
      if (!proxy) continue;
      task.onBehalfOf = task.assignee;
      task.assignee = proxy.deputy;
      const note = notes.get(task.id);
      if (note) note.proxy = { principal: proxy.principal, deputy: proxy.deputy };
    }
  }

  private async create(
    tx: Tx,
    instance: InstanceEntity,
    event: EventOf<'task.created'>,
    context: ProjectionContext,
    queue: string[],
  ): Promise<{ task: TaskEntity; note: Record<string, unknown>; taskCandidates: TaskCandidateEntity[] }> {
    let assignee = event.assignee;
    const note: Record<string, unknown> = {};
    // a re-run countersign keeps its own signers; a single task goes back to whoever did it before
    const reassigned = !event.multiInstance && context.assign && Object.prototype.hasOwnProperty.call(context.assign, event.elementId);
    const reopened = context.reopen && event.withdrawnFrom === context.reopen.taskId ? context.reopen.assignee : undefined;
    const override = reopened ?? (reassigned ? context.assign?.[event.elementId] : queue.shift());
    const picked = !event.multiInstance && !override ? context.pick?.[event.elementId] : undefined;
    if (override) {
      assignee = override;
      note.assignedTo = override;
    } else if (picked?.length) {
      assignee = picked.length === 1 ? picked[0] : null;
      note.picked = picked;
      context.picked?.add(event.elementId);
    } else if (!assignee && event.orgRole) {
      assignee = await this.resolveOrgRole(tx, event.orgRole, instance);
      // no head found: the task stays with its candidate groups, and the history says why
      note.orgRoleResolved = assignee;
      if (!assignee) note.orgRoleNote = `no user with role leader in the initiator's organization for ${event.orgRole}`;
    }
    if (assignee?.startsWith(HEAD_OF_PREFIX)) {
      // `head:<organization id or code>`: a model routes to a department (主办/协办) and the
      // department's head (role leader) gets the task; none found, the candidate groups keep it
      const org = assignee.slice(HEAD_OF_PREFIX.length);
      assignee = await this.headOf(tx, org);
      note.headOf = { org, resolved: assignee };
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
      owner: null,
      onBehalfOf: null as string | null,
      kind: 'user' as const,
      parentTaskId: null,
      sourceTaskId: context.sourceTaskId ?? null,
      signing: null,
    });
    // several chosen people share the task in place of its groups (the first to 签收 takes it)
    const [users, groups] = picked && picked.length > 1 ? [picked, []] : [event.candidateUsers, event.candidateGroups];
    const taskCandidates = [
      ...new Set(users.map((v) => `user|${v.slice(0, 64)}`)),
      ...new Set(groups.map((v) => `group|${v.slice(0, 64)}`)),
    ].map((key) => {
      const [kind, value] = [key.slice(0, key.indexOf('|')), key.slice(key.indexOf('|') + 1)];
      return Object.assign(new TaskCandidateEntity(), { taskId: task.id, kind: kind as 'user' | 'group', value });
    });
    return { task, note, taskCandidates };
  }

  private async headOf(tx: Tx, org: string): Promise<string | null> {
    const row = (await this.orgs.findById(org, tx.manager)) ?? (await this.orgs.findByCode(org, tx.manager));
    if (!row) return null;
    const [head] = await this.users.withRoleIn(row.id, 'leader', tx.manager);
    return head?.username ?? null;
  }

  private async resolveOrgRole(tx: Tx, orgRole: string, instance: InstanceEntity): Promise<string | null> {
    if (!HEAD_OF_INITIATOR_ORG.has(orgRole) || !instance.initiatorOrgId) return null;
    // read on the transaction's connection: a second pool connection per command could exhaust the pool
    const [head] = await this.users.withRoleIn(instance.initiatorOrgId, 'leader', tx.manager);
    return head?.username ?? null;
  }
}
