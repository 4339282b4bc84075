import { Injectable } from '@nestjs/common';
import {
  businessKeyOf,
  type EngineCommand,
  type EngineEvent,
  execute,
  type ExecutableProcess,
  type ExecuteResult,
  type InstanceSnapshot,
  instanceStatus,
  readState,
  rootInstanceId,
} from '@liuzhuan/engine';
import { TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import type { DefinitionHead } from '../definitions/definitions.api';
import { ProcessCache } from '../definitions/definitions.api';
import { EffectApplier } from './effect-applier';
import { EngineEnvFactory } from './engine-env';
import { RuntimeErrors, rejectionToError } from './runtime.errors';
import { HistoryEventEntity, InstanceEntity, type InstanceRowStatus } from './instance.entity';
import { InstanceRepository } from './instance.repository';
import { chainHistory } from './history-chain';
import type { TaskEntity } from './task.entity';
import { type ProjectionContext, type ProjectionResult, TaskProjection } from './task-projection';

/** Called in the command's transaction with the task rows it created (notifications, reminders). */
export type TasksCreatedHook = (
  tx: Tx,
  instance: InstanceEntity,
  tasks: TaskEntity[],
  context: CommandContext,
  candidates: ProjectionResult['candidates'],
) => Promise<void>;

/**
 * Called in the command's transaction when tasks whose element sets a deadline closed (their ids),
 * or with null when the instance ended and its model sets deadlines (every task of it): the work
 * scheduled for those deadlines is void (due-date reminders).
 */
export type TasksClosedHook = (tx: Tx, instance: InstanceEntity, taskIds: string[] | null) => Promise<void>;

/** Who issued a command and what the history should add to the events it caused. */
export interface CommandContext {
  /** username; null for the system (timers, jobs) */
  actor: string | null;
  /** added to the details of the `task.completed` event of this task (opinion, intervention) */
  taskNote?: { taskId: string; details: Record<string, unknown> };
  /** assignment overrides and the source task of the tasks this command creates */
  projection?: ProjectionContext;
}

export interface StartOptions {
  definition: DefinitionHead;
  command: Extract<EngineCommand, { type: 'start' | 'correlateMessage' | 'broadcastSignal' }>;
  initiator: string | null;
  initiatorOrgId: string | null;
  businessKey: string | null;
  parent?: { id: string; elementInstanceId: string };
}

/** Server-side history entries (claims and the like): not engine events, skipped by replay. */
export interface HistoryEntry {
  type: string;
  elementId: string | null;
  details: Record<string, unknown>;
}

/**
 * One command = one transaction: lock the instance row, load its state, run the engine, write
 * state + history + task rows + job rows + subscriptions together; the job ids are pushed to
 * the queue after commit. The row lock is the command's guard: a concurrent command on the same
 * instance waits for it and then reads this one's result.
 *
 * The rows a command writes and does not read back (tasks, candidates, history, the instance)
 * go into the unit's write batch (`tx.writes`, write-batch.ts). In {@link run}, {@link executeOn}
 * and {@link startWithTasks} they stay there and go out with the COMMIT, in the same packet on
 * MySQL; {@link executeIn}, {@link startIn} and {@link appendHistory} send them before they
 * return, because their callers go on to read tasks and rows of the same unit.
 */
@Injectable()
export class CommandExecutor {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly instances: InstanceRepository,
    private readonly cache: ProcessCache,
    private readonly env: EngineEnvFactory,
    private readonly tasks: TaskProjection,
    private readonly effects: EffectApplier,
  ) {}

  private readonly createdHooks: TasksCreatedHook[] = [];
  private readonly closedHooks: TasksClosedHook[] = [];

  /** Registers work to do with every new task, in the transaction that created it. */
  onTasksCreated(hook: TasksCreatedHook): void {
    this.createdHooks.push(hook);
  }

  /** Registers work to undo when tasks with a deadline close, in the transaction that closed them. */
  onTasksClosed(hook: TasksClosedHook): void {
    this.closedHooks.push(hook);
  }

  /** Runs a command on an instance in its own transaction; its writes go out with the COMMIT. */
  run(instanceId: string, command: EngineCommand, context: CommandContext): Promise<InstanceEntity> {
    return this.tx.run(async (tx) => {
      const row = await this.instances.lock(instanceId, tx);
      return (await this.executeOn(tx, row, command, context)).instance;
    });
  }

  /** Runs a command inside the caller's transaction (task operations, job handlers); its writes are sent when it returns. */
  async executeIn(tx: Tx, instanceId: string, command: EngineCommand, context: CommandContext): Promise<InstanceEntity> {
    const row = await this.instances.lock(instanceId, tx);
    const { instance } = await this.executeOn(tx, row, command, context);
    await tx.writes.flush();
    return instance;
  }

  /**
   * Runs a command on an instance row the caller has locked in this transaction and not changed
   * since (a task operation's {@link InstanceRepository.lock}); saves the second lock and read.
   * Returns what the command wrote to the tasks it closed, and the tasks it opened with their
   * candidates. Its writes wait in `tx.writes` for the COMMIT: a caller that reads rows the
   * command may have written flushes the batch first.
   */
  async executeOn(
    tx: Tx,
    row: InstanceEntity,
    command: EngineCommand,
    context: CommandContext,
  ): Promise<{ instance: InstanceEntity } & Pick<ProjectionResult, 'closed' | 'created' | 'candidates'>> {
    const process = await this.cache.get(row.definitionId, tx.manager);
    const before = readState(row.state);
    const result = execute(process, before, command, this.env.create());
    if (!result.ok) throw rejectionToError(result.rejection);
    // a completion is the source of the tasks it creates (撤回 undoes exactly those)
    const withSource =
      command.type === 'completeTask' && !context.projection?.sourceTaskId
        ? { ...context, projection: { ...context.projection, sourceTaskId: command.elementInstanceId } }
        : context;
    const { closed, created, candidates } = await this.persist(tx, row, process, result, withSource, before);
    this.instances.update(row, tx.writes);
    return { instance: row, closed, created, candidates };
  }

  /** Starts an instance (plain start, message start or signal start) in the caller's transaction; its writes are sent when it returns. */
  async startIn(tx: Tx, options: StartOptions, context: CommandContext): Promise<InstanceEntity> {
    const { instance } = await this.startWithTasks(tx, options, context);
    await tx.writes.flush();
    return instance;
  }

  /** {@link startIn}, also returning the tasks the start created, with their candidates; its writes wait for the COMMIT. */
  async startWithTasks(
    tx: Tx,
    options: StartOptions,
    context: CommandContext,
  ): Promise<{ instance: InstanceEntity } & Pick<ProjectionResult, 'created' | 'candidates'>> {
    const { definition } = options;
    if (!definition.executable) throw RuntimeErrors.notExecutable(definition.key);
    const process = await this.cache.get(definition.id, tx.manager);
    const result = execute(process, null, options.command, this.env.create());
    if (!result.ok) throw rejectionToError(result.rejection);
    // the root element instance id is unique and time-ordered: it is the instance id
    const id = rootInstanceId(result.state);
    if (!id) throw new Error('the engine started an instance without a root');
    const row = InstanceEntity.starting({
      id,
      definitionId: definition.id,
      definitionKey: definition.key,
      definitionVersion: definition.version,
      businessKey: businessKeyOf(result.state) ?? options.businessKey,
      parentId: options.parent?.id ?? null,
      parentElementInstanceId: options.parent?.elementInstanceId ?? null,
      initiator: options.initiator,
      initiatorOrgId: options.initiatorOrgId,
    });
    this.instances.insert(row, tx.writes);
    const { created, candidates } = await this.persist(tx, row, process, result, context, null);
    this.instances.update(row, tx.writes);
    return { instance: row, created, candidates };
  }

  /** Appends server-side history entries under the instance lock (claims, unclaims); sent when it returns. */
  async appendHistory(tx: Tx, row: InstanceEntity, entries: HistoryEntry[], actor: string | null): Promise<void> {
    const at = new Date();
    const rows = entries.map((e) =>
      Object.assign(new HistoryEventEntity(), {
        instanceId: row.id,
        seq: ++row.historySeq,
        type: e.type,
        elementId: e.elementId,
        actor,
        at,
        details: JSON.stringify(e.details),
      }),
    );
    chainHistory(row, rows);
    this.instances.appendHistory(rows, tx.writes);
    row.version += 1;
    row.updatedAt = at;
    this.instances.update(row, tx.writes);
    await tx.writes.flush();
  }

  /** `prior`: the state before the command (null when it started the instance). */
  private async persist(
    tx: Tx,
    row: InstanceEntity,
    process: ExecutableProcess,
    result: Extract<ExecuteResult, { ok: true }>,
    context: CommandContext,
    prior: InstanceSnapshot | null,
  ): Promise<ProjectionResult> {
    const before = row.status;
    const state = result.state;
    const engineStatus = instanceStatus(state);
    const status: InstanceRowStatus = engineStatus === 'completed' ? 'completed' : engineStatus === 'terminated' ? 'terminated' : 'active';
    const at = result.events.length ? new Date(result.events[result.events.length - 1].at) : new Date();
    const projected = await this.tasks.apply(tx, row, result.events, context.actor, context.projection);
    const { notes: taskNotes, created } = projected;
    const history = result.events.map((event) => this.historyRow(row, event, context, taskNotes));
    chainHistory(row, history);
    this.instances.appendHistory(history, tx.writes);
    row.state = JSON.stringify(state);
    row.status = status;
    row.version += 1;
    row.updatedAt = at;
    if (status !== 'active' && !row.endedAt) row.endedAt = at;
    await this.effects.apply(tx, row, result.effects, state);
    const ended = before === 'active' && status !== 'active';
    if (ended) await this.effects.instanceEnded(tx, row, at, prior, result.effects);
    if (this.closedHooks.length) {
      const closedIds = ended ? (hasDeadlines(process) ? null : []) : closedWithDeadline(process, result.events);
      if (closedIds === null || closedIds.length) for (const hook of this.closedHooks) await hook(tx, row, closedIds);
    }
    const open = created.filter((t) => t.status === 'open');
    if (open.length) for (const hook of this.createdHooks) await hook(tx, row, open, context, projected.candidates);
    return projected;
  }

  private historyRow(
    row: InstanceEntity,
    event: EngineEvent,
    context: CommandContext,
    taskNotes: Map<string, Record<string, unknown>>,
  ): HistoryEventEntity {
    const { type, at, ...rest } = event as EngineEvent & Record<string, unknown>;
    const elementId = typeof rest.elementId === 'string' ? rest.elementId : null;
    let details: Record<string, unknown> = rest;
    const eventTask = typeof rest.elementInstanceId === 'string' ? rest.elementInstanceId : null;
    if (type === 'task.created' && eventTask && taskNotes.get(eventTask)) details = { ...rest, ...taskNotes.get(eventTask) };
    if (type === 'task.completed' && context.taskNote && eventTask === context.taskNote.taskId)
      details = { ...rest, ...context.taskNote.details };
    return Object.assign(new HistoryEventEntity(), {
      instanceId: row.id,
      seq: ++row.historySeq,
      type,
      elementId,
      actor: context.actor,
      at: new Date(at),
      details: JSON.stringify(details),
    });
  }
}

const deadlineOf = (process: ExecutableProcess, elementId: string) => {
  const a = process.nodes[elementId]?.assignment;
  return !!a && (a.dueDate !== undefined || a.dueWorkdays !== undefined);
};

/** The tasks a command closed whose element sets a deadline. */
function closedWithDeadline(process: ExecutableProcess, events: readonly EngineEvent[]): string[] {
  const ids: string[] = [];
  for (const e of events)
    if ((e.type === 'task.completed' || e.type === 'task.cancelled') && deadlineOf(process, e.elementId)) ids.push(e.elementInstanceId);
  return ids;
}

const withDeadlines = new WeakMap<ExecutableProcess, boolean>();
/** Whether any element of the model sets a deadline (computed once per compiled model). */
function hasDeadlines(process: ExecutableProcess): boolean {
  let known = withDeadlines.get(process);
  if (known === undefined) {
    known = Object.keys(process.nodes).some((id) => deadlineOf(process, id));
    withDeadlines.set(process, known);
  }
  return known;
}
