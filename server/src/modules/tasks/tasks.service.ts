import { Injectable } from '@nestjs/common';
import type { CompletedTask, CompleteTask, SessionUser, Task, TaskAction, TaskActions, TaskList, TaskQuery } from '@liuzhuan/contracts';
import { isCountersignTask, readState, withdrawalPlan } from '@liuzhuan/engine';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import {
  CallerAuthority,
  CommandExecutor,
  hasFilters,
  InstanceAccess,
  InstanceRepository,
  isWorkflowAdmin,
  openedTasks,
  TaskRepository,
} from '../runtime/runtime.api';
import { ProcessCache } from '../definitions/definitions.api';
import { FormsService } from '../forms/forms.api';
import { CompletionHooks } from './completion-hooks';
import { ApprovalsRepository } from './approvals.repository';
import { CompletionVariables } from './completion-variables';
import { NextHandlers } from './next-handlers';
import { completionOpinions, normalizeOpinion, Opinions } from './opinions';
import { stepOpinionKind } from './step-rules';
import { SignersService } from './signers.service';
import { TaskRoutingService } from './task-routing.service';
import { TaskGuard } from './task-guard';
import { toTask } from './task-view';
import { TaskErrors } from './tasks.errors';

/**
 * Inbox queries and task operations. Who may act on a task: its assignee; a candidate once
 * they claimed it; a workflow admin (recorded as an intervention with the admin's name).
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tasks: TaskRepository,
    private readonly instances: InstanceRepository,
    private readonly executor: CommandExecutor,
    private readonly access: InstanceAccess,
    private readonly guard: TaskGuard,
    private readonly opinions: Opinions,
    private readonly signers: SignersService,
    private readonly routing: TaskRoutingService,
    private readonly authority: CallerAuthority,
    private readonly nextHandlers: NextHandlers,
    private readonly forms: FormsService,
    private readonly approvals: ApprovalsRepository,
    private readonly computed: CompletionVariables,
    private readonly processes: ProcessCache,
    private readonly hooks: CompletionHooks,
  ) {}

  async list(query: TaskQuery, user: SessionUser): Promise<TaskList> {
    if (query.instanceId && !query.assignee && !query.candidate && !hasFilters(query))
      return this.ofInstance(query.instanceId, query, user);
    if (query.instanceId) await this.access.readable(user, query.instanceId);
    // an admin and an instance's readers see every task; everyone else their own and claimable ones
    const needsMe = query.assignee || query.candidate || query.onBehalfOf || (!query.instanceId && !isWorkflowAdmin(user));
    const me = needsMe ? { username: user.username, groups: await this.access.groupsOf(user) } : null;
    const { items, total, display } = await this.tasks.query(query, me);
    const candidates = await this.tasks.candidatesOf(items.map((t) => t.id));
    const hidden = await this.hiddenMatters(user, items, display, !me);
    // 催办 marks (已催办) for the unfinished ones
    const urges = await this.approvals.urgesOf(items.filter((t) => t.status === 'open' || t.status === 'waiting').map((t) => t.id));
    return {
      items: items.map((t) => ({
        ...toTask(t, candidates.get(t.id) ?? []),
        ...withoutHidden(display.get(t.id), hidden.has(t.instanceId)),
        ...urgeMark(urges.get(t.id)),
      })),
      total,
    };
  }

  /** The instances among these tasks' whose classified 公文 the list must not name (see InstanceAccess.hiddenMatters). */
  private hiddenMatters(
    user: SessionUser,
    items: { id: string; instanceId: string }[],
    display: Map<string, { documentId: string | null }>,
    checkPart: boolean,
  ): Promise<Set<string>> {
    // only rows with a 公文 can be classified: a list without one sends no further statement
    const withDocument = items.filter((t) => display.get(t.id)?.documentId).map((t) => t.instanceId);
    return withDocument.length ? this.access.hiddenMatters(user, withDocument, checkPart) : Promise.resolve(new Set());
  }

  /**
   * Every task of one instance, for whoever may read the instance. The tasks are read first, with
   * the initiator: for the initiator and an admin that is the whole check; anyone else is checked
   * as before, and learns nothing unless they pass.
   */
  private async ofInstance(instanceId: string, query: TaskQuery, user: SessionUser): Promise<TaskList> {
    const page = await this.tasks.ofInstancePage(
      instanceId,
      query.status,
      query.sort === 'due' ? 'due' : undefined,
      query.offset,
      query.limit,
    );
    if (page.initiator === undefined || (page.initiator !== user.username && !isWorkflowAdmin(user)))
      await this.access.readable(user, instanceId);
    const hidden = await this.hiddenMatters(user, page.items, page.display, page.initiator !== user.username);
    return {
      items: page.items.map((t) => ({
        ...toTask(t, page.candidates.get(t.id) ?? []),
        ...withoutHidden(page.display.get(t.id), hidden.has(t.instanceId)),
      })),
      total: page.total,
    };
  }

  /** One task; the assignee's first read marks it opened (已阅). */
  async get(id: string, user: SessionUser): Promise<Task> {
    const row = await this.tasks.findById(id);
    if (!row) throw TaskErrors.notFound(id);
    const candidates = (await this.tasks.candidatesOf([id])).get(id) ?? [];
    const relation = await this.guard.relation(user, row, candidates);
    if (!relation) {
      const instance = await this.instances.findById(row.instanceId);
      if (!instance || !(await this.access.canRead(user, instance))) throw TaskErrors.notFound(id);
    }
    if (relation === 'assignee' && !row.openedAt && row.status === 'open') {
      await this.tasks.markOpened(id, new Date());
      return toTask((await this.tasks.findById(id)) ?? row, candidates);
    }
    return toTask(row, candidates);
  }

  complete(id: string, input: CompleteTask, user: SessionUser): Promise<CompletedTask> {
    this.authority.refuseReserved(input.variables);
    return this.tx.run(async (tx) => {
      const { row, candidates, relation, instance } = await this.guard.lockOpen(tx, id, user);
      if (relation === 'candidate') throw TaskErrors.claimFirst();
      // 委派: the delegate gives it back (resolve); only the owner completes
      if (row.owner) throw TaskErrors.delegatedResolveFirst(id);
      // whom the variables name for a later step comes from the model (before anything is written)
      await this.authority.checkNamedOn(instance, input.variables, user.username, tx.manager);
      const pick = input.nextAssignees && Object.keys(input.nextAssignees).length ? input.nextAssignees : undefined;
      if (pick) await this.nextHandlers.check(instance, pick, user.username, tx.manager);
      const panelOpinion = normalizeOpinion(input.opinion);
      // other modules' part of a completion (the documents module: form values back to the 公文, 发文字号 at 登记),
      // before the opinions, so that they are bound to the document as this step leaves it
      const hooked =
        row.kind === 'addsign' ? {} : await this.hooks.run(tx, { instance, task: row, variables: input.variables ?? {}, user });
      const formVariables = input.variables === undefined && !Object.keys(hooked).length ? undefined : hooked;
      if (row.kind === 'addsign') {
        await this.signers.completeSigner(tx, instance, row, panelOpinion, user);
        return toTask((await this.tasks.findById(id, tx.manager)) ?? row, candidates);
      }
      // what the server decides (e.g. whether the 公文 changed since its 签发) goes over the caller's variables
      const computed = await this.computed.of(tx, instance, row);
      const variables = Object.keys(computed).length ? { ...formVariables, ...computed } : formVariables;
      const details: Record<string, unknown> = {};
      if (input.opinion !== undefined) details.opinion = input.opinion;
      if (relation === 'admin') details.intervention = { by: user.displayName, username: user.username };
      if (row.onBehalfOf) details.onBehalfOf = row.onBehalfOf;
      // the person's opinion at this step: the panel's and the form's opinion fields as one entry, with the form's vote
      const form = row.formKey ? await this.forms.opinionFields(row.formKey, tx.manager) : { fields: [], vote: null };
      const process = await this.processes.get(instance.definitionId, tx.manager);
      const written = completionOpinions(panelOpinion, form, input.variables, stepOpinionKind(process, row.elementId));
      for (const given of written) await this.opinions.write(tx, instance, row, user.username, given, given.kind ?? 'approval');
      // 会签: the vote (the opinion's approve, from the panel or the form's vote field) when no explicit outcome is given
      const approve = written.find((o) => o.approve !== undefined)?.approve;
      const outcome = input.outcome ?? (approve === undefined ? undefined : approve ? 'agree' : 'disagree');
      if (this.signers.afterSigners(row).length) {
        await this.signers.holdCompletion(tx, instance, row, { variables, ...(outcome ? { outcome } : {}), details }, user);
        return toTask((await this.tasks.findById(id, tx.manager)) ?? row, candidates);
      }
      // the instance locked above is unchanged since (an opinion moved only its opinion head, on this object): no second lock
      const picked = new Set<string>();
      const {
        closed,
        created,
        candidates: nextCandidates,
      } = await this.executor.executeOn(
        tx,
        instance,
        { type: 'completeTask', elementInstanceId: id, variables, ...(outcome ? { outcome } : {}) },
        { actor: user.username, taskNote: { taskId: id, details }, ...(pick ? { projection: { pick, picked } } : {}) },
      );
      // a chosen step this completion did not open: refused, and the transaction writes nothing
      if (pick) this.nextHandlers.requireOpened(pick, picked);
      // the projection says what it wrote to this task; read it only if it did not close it (after the command's writes)
      const patch = closed.get(id);
      if (!patch) await tx.writes.flush();
      const task = toTask(patch ? { ...row, ...patch } : ((await this.tasks.findById(id, tx.manager)) ?? row), candidates);
      return { ...task, next: openedTasks(created, nextCandidates) };
    });
  }

  /** 签收: one candidate takes a group task; a second claim loses with 409. */
  claim(id: string, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const { row, candidates, relation, instance } = await this.guard.lockOpen(tx, id, user);
      if (relation === 'assignee') return toTask(row, candidates);
      if (relation === 'owner') throw TaskErrors.delegated(id);
      if (row.assignee) throw TaskErrors.claimedByOther(id);
      // a classified 公文's task is not for a user whose clearance does not allow its 密级
      if (relation === 'candidate' && !(await this.access.cleared(user, instance, tx.manager))) throw TaskErrors.notFound(id);
      if (!(await this.tasks.claim(id, user.username, tx.manager))) throw TaskErrors.claimedByOther(id);
      const details: Record<string, unknown> = { elementInstanceId: id, assignee: user.username };
      if (relation === 'admin') details.intervention = { by: user.displayName, username: user.username };
      await this.executor.appendHistory(tx, instance, [{ type: 'task.claimed', elementId: row.elementId, details }], user.username);
      return toTask({ ...row, assignee: user.username }, candidates);
    });
  }

  unclaim(id: string, user: SessionUser): Promise<Task> {
    return this.tx.run(async (tx) => {
      const { row, candidates, relation, instance } = await this.guard.lockOpen(tx, id, user);
      if (relation === 'candidate' || relation === 'owner') throw TaskErrors.onlyAssigneeUnclaims();
      await this.tasks.unclaim(id, tx.manager);
      const details: Record<string, unknown> = { elementInstanceId: id, previousAssignee: row.assignee };
      if (relation === 'admin') details.intervention = { by: user.displayName, username: user.username };
      await this.executor.appendHistory(tx, instance, [{ type: 'task.unclaimed', elementId: row.elementId, details }], user.username);
      return toTask({ ...row, assignee: null }, candidates);
    });
  }

  /** The operations this user may do on this task now: the client shows exactly these. */
  async actions(id: string, user: SessionUser): Promise<TaskActions> {
    const row = await this.tasks.findById(id);
    if (!row) throw TaskErrors.notFound(id);
    const candidates = (await this.tasks.candidatesOf([id])).get(id) ?? [];
    const relation = await this.guard.relation(user, row, candidates);
    const instance = await this.instances.findById(row.instanceId);
    if (!instance || (!relation && !(await this.access.canRead(user, instance)))) throw TaskErrors.notFound(id);
    const items: TaskAction[] = [];
    const active = instance.status === 'active';
    const open = active && row.status === 'open';
    // 签收: a candidate of an unclaimed group task, cleared for its 公文's 密级 (as claim checks)
    if (open && relation === 'candidate' && (await this.access.cleared(user, instance))) items.push('claim');
    if (open && relation === 'assignee') {
      if (row.kind === 'addsign') items.push('complete');
      else if (row.owner) items.push('resolve');
      else {
        items.push('complete');
        // 退回 and 驳回 need an earlier step: none on the first step of the path
        if (await this.routing.hasReturnTarget(row, instance)) {
          items.push('return');
          if (await this.routing.mayReject(row, instance)) items.push('reject');
        }
        items.push('transfer', 'delegate', 'add-signers');
        // 减签: only the signers this task added, while one of them has not signed
        if (isCountersignTask(readState(instance.state), id) && (await this.signers.hasPendingAdded(row))) items.push('remove-signers');
        items.push('cc');
      }
    }
    if (active && row.status === 'completed' && row.completedBy === user.username && row.kind === 'user') {
      const plan = withdrawalPlan(readState(instance.state), id);
      const cancels = plan ? await Promise.all(plan.cancelsTasks.map((t) => this.tasks.findById(t))) : [];
      if (plan && cancels.every((t) => !t?.openedAt)) items.push('withdraw');
    }
    if (
      active &&
      (row.status === 'open' || row.status === 'waiting') &&
      // 催办 is for someone else's task: not one the user holds or could claim
      relation !== 'assignee' &&
      relation !== 'candidate' &&
      (await this.mayUrge(user, instance.initiator, row.instanceId))
    )
      items.push('urge');
    if (open && isWorkflowAdmin(user) && row.kind === 'user') items.push('reassign');
    return { items };
  }

  /** 催办 is for the initiator, an earlier handler of the instance, or an admin. */
  async mayUrge(user: SessionUser, initiator: string | null, instanceId: string): Promise<boolean> {
    if (isWorkflowAdmin(user) || initiator === user.username) return true;
    return (await this.tasks.ofInstance(instanceId)).some((t) => t.completedBy === user.username);
  }
}

/** The 已催办 mark of a list row: how often and when last, or nothing when never urged. */
function urgeMark(mark: { count: number; lastAt: Date } | undefined): { urgeCount?: number; lastUrgedAt?: string } {
  return mark ? { urgeCount: mark.count, lastUrgedAt: mark.lastAt.toISOString() } : {};
}

/** A list row's display fields, with the matter (title, 文种, urgency) left out when hidden. */
function withoutHidden<T extends object>(display: T | undefined, hidden: boolean): T | Record<string, null> | undefined {
  return hidden && display ? { ...display, title: null, docType: null, urgency: null } : display;
}
