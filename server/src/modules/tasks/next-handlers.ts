import { Injectable } from '@nestjs/common';
import type { DefinitionEligibleQuery, EligibleQuery, EligibleStep, NextAssignees, NextStepList, SessionUser } from '@liuzhuan/contracts';
import { nextUserTasks, openCountersignOf, pickSources, processVariables, readState } from '@liuzhuan/engine';
import type { EntityManager } from 'typeorm';
import { DefinitionRepository, ProcessCache } from '../definitions/definitions.api';
import {
  EligibilityErrors,
  EligiblePeople,
  InstanceAccess,
  InstanceRepository,
  type InstanceEntity,
  TaskRepository,
} from '../runtime/runtime.api';
import { TaskGuard } from './task-guard';
import { TaskErrors } from './tasks.errors';

/**
 * 选择下一步办理人 and the 签发人/会签人 pickers: the eligible people of a step (for a task, or for
 * a process before it starts) and the check of the people chosen on completion. One rule for
 * all of them: EligiblePeople (runtime), as for the variables a form sets.
 */
@Injectable()
export class NextHandlers {
  constructor(
    private readonly people: EligiblePeople,
    private readonly cache: ProcessCache,
    private readonly definitions: DefinitionRepository,
    private readonly tasks: TaskRepository,
    private readonly instances: InstanceRepository,
    private readonly access: InstanceAccess,
    private readonly guard: TaskGuard,
  ) {}

  /** The eligible people of a step of this task's process, as its holder would name them. */
  async forTask(taskId: string, query: EligibleQuery, user: SessionUser): Promise<EligibleStep> {
    const { instance } = await this.readable(taskId, user);
    const process = await this.cache.get(instance.definitionId);
    return this.people.list(process, this.people.stepOf(process, query), this.naming(instance, user));
  }

  /**
   * The steps completing this task can open whose people a group holds, each with its eligible
   * people. None while other parts of this task's multi-instance step are open (completing this
   * part does not open the next step), and no step whose handler a variable already names (the
   * 签发人 chosen at 拟稿).
   */
  async nextSteps(taskId: string, user: SessionUser): Promise<NextStepList> {
    const { row, instance } = await this.readable(taskId, user);
    const process = await this.cache.get(instance.definitionId);
    const state = readState(instance.state);
    if ((openCountersignOf(state, row.id)?.innerIds.length ?? 0) > 1) return { items: [] };
    const variables = processVariables(state);
    const named = (elementId: string) =>
      (process.nodes[elementId]?.assignment?.assigneeVariables ?? []).some((v) => isNaming(variables[v]));
    const naming = this.naming(instance, user);
    const items: EligibleStep[] = [];
    for (const elementId of nextUserTasks(process, row.elementId)) {
      if (!pickSources(process, elementId) || named(elementId)) continue;
      items.push(await this.people.list(process, { elementId, variable: null }, naming));
    }
    return { items };
  }

  /** Before an instance exists (the 发文 form): the latest deployed version, the caller as initiator. */
  async forDefinition(query: DefinitionEligibleQuery, user: SessionUser): Promise<EligibleStep> {
    const head = await this.definitions.findByKey(query.definitionKey, undefined);
    if (!head) throw EligibilityErrors.stepUnknown(query.definitionKey);
    const process = await this.cache.get(head.id);
    const naming = { actor: user.username, initiator: user.username, initiatorOrgId: user.orgId };
    return this.people.list(process, this.people.stepOf(process, query), naming);
  }

  /** The chosen people, checked before the completion writes anything (on the transaction's manager). */
  async check(instance: InstanceEntity, pick: NextAssignees, actor: string, m: EntityManager): Promise<void> {
    const process = await this.cache.get(instance.definitionId, m);
    await this.people.checkPicks(process, pick, { actor, initiator: instance.initiator, initiatorOrgId: instance.initiatorOrgId }, m);
  }

  /** Every chosen step must be one this completion opened. */
  requireOpened(pick: NextAssignees, picked: Set<string>): void {
    const missed = Object.keys(pick).filter((e) => !picked.has(e));
    if (missed.length) throw EligibilityErrors.notOpened(missed);
  }

  private naming(instance: InstanceEntity, user: SessionUser) {
    return { actor: user.username, initiator: instance.initiator, initiatorOrgId: instance.initiatorOrgId };
  }

  /** The task and its instance, for whoever holds the task or may read its instance (404 otherwise). */
  private async readable(taskId: string, user: SessionUser) {
    const row = await this.tasks.findById(taskId);
    if (!row) throw TaskErrors.notFound(taskId);
    const instance = await this.instances.findById(row.instanceId);
    if (!instance) throw TaskErrors.notFound(taskId);
    const candidates = (await this.tasks.candidatesOf([taskId])).get(taskId) ?? [];
    if (!(await this.guard.relation(user, row, candidates)) && !(await this.access.canRead(user, instance)))
      throw TaskErrors.notFound(taskId);
    return { row, instance };
  }
}

/** A variable that names people: a non-empty username or list of them. */
function isNaming(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.trim() !== '';
}
