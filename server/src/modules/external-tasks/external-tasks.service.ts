import { Injectable } from '@nestjs/common';
import {
  type CompleteExternalTask,
  type ExtendExternalTaskLock,
  type ExternalTask,
  type ExternalTaskBpmnError,
  type ExternalTaskFailure,
  type ExternalTaskList,
  type FetchAndLock,
  reservedVariablesIn,
} from '@liuzhuan/contracts';
import { TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import { type ExternalTaskEntity, ExternalTaskRepository } from '../jobs/jobs.api';
import { CommandExecutor, InstanceRepository } from '../runtime/runtime.api';
import { keyAllowsTopic, type WorkerKey } from './api-keys.service';
import { ExternalTaskErrors } from './external-tasks.errors';

function toExternalTask(row: ExternalTaskEntity): ExternalTask {
  return {
    id: row.id,
    topic: row.topic,
    instanceId: row.instanceId,
    elementId: row.elementId,
    variables: JSON.parse(row.variables) as Record<string, unknown>,
    retries: row.retries,
    workerId: row.workerId,
    lockExpiresAt: row.lockExpiresAt?.toISOString() ?? null,
    status: row.status,
  };
}

/** A worker names itself on every call about a task, and sets no reserved variable: refused before anything is read. */
function checkWorkerInput(input: { workerId?: string; variables?: Record<string, unknown> }): string {
  if (input.workerId === undefined) throw ExternalTaskErrors.workerIdRequired();
  const reserved = reservedVariablesIn(input.variables);
  if (reserved.length) throw ExternalTaskErrors.variableReserved(reserved);
  return input.workerId;
}

/**
 * External tasks (Camunda's external-task pattern): workers fetch and lock open tasks of the topics
 * their API key allows, then — only while they hold the lock (same `workerId`, same key, not
 * expired) — complete them, report a failure or a BPMN error, or extend the lock. Completing
 * continues the instance in one command; a failure with no retries left becomes an incident.
 */
@Injectable()
export class ExternalTasksService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tasks: ExternalTaskRepository,
    private readonly instances: InstanceRepository,
    private readonly executor: CommandExecutor,
  ) {}

  async fetchAndLock(input: FetchAndLock, key: WorkerKey): Promise<ExternalTaskList> {
    const forbidden = input.topics.filter((topic) => !keyAllowsTopic(key, topic));
    if (forbidden.length) throw ExternalTaskErrors.topicForbidden(forbidden);
    const now = new Date();
    const until = new Date(now.getTime() + input.lockSeconds * 1000);
    const locked: ExternalTask[] = [];
    // a few more candidates than asked for: another worker may take some of them first
    for (const row of await this.tasks.fetchable(input.topics, now, input.maxTasks * 2)) {
      if (locked.length >= input.maxTasks) break;
      if (await this.tasks.lock(row.id, input.workerId, key.id, until, now))
        locked.push(toExternalTask({ ...row, workerId: input.workerId, lockExpiresAt: until }));
    }
    return { items: locked };
  }

  complete(id: string, input: CompleteExternalTask, key: WorkerKey): Promise<ExternalTask> {
    const workerId = checkWorkerInput(input);
    return this.tx.run(async (tx) => {
      const row = await this.heldTask(tx, id, workerId, key);
      await this.executor.executeIn(
        tx,
        row.instanceId,
        { type: 'completeJob', jobKey: row.jobKey, variables: input.variables },
        { actor: null },
      );
      await this.tasks.close(id, 'completed', null, tx.manager);
      return toExternalTask({ ...row, status: 'completed', lockExpiresAt: null });
    });
  }

  failure(id: string, input: ExternalTaskFailure, key: WorkerKey): Promise<ExternalTask> {
    const workerId = checkWorkerInput(input);
    return this.tx.run(async (tx) => {
      const row = await this.heldTask(tx, id, workerId, key);
      if (input.retries > 0) {
        await this.tasks.release(id, input.retries, input.message, tx.manager);
        return toExternalTask({ ...row, retries: input.retries, errorMessage: input.message, workerId: null, lockExpiresAt: null });
      }
      await this.executor.executeIn(
        tx,
        row.instanceId,
        { type: 'failJob', jobKey: row.jobKey, error: input.message, retriesLeft: 0 },
        { actor: null },
      );
      await this.tasks.close(id, 'failed', input.message, tx.manager);
      return toExternalTask({ ...row, status: 'failed', retries: 0, lockExpiresAt: null });
    });
  }

  extendLock(id: string, input: ExtendExternalTaskLock, key: WorkerKey): Promise<ExternalTask> {
    const workerId = checkWorkerInput(input);
    return this.tx.run(async (tx) => {
      const row = await this.heldTask(tx, id, workerId, key);
      const until = new Date(Date.now() + input.lockSeconds * 1000);
      await this.tasks.extendLock(id, until, tx.manager);
      return toExternalTask({ ...row, lockExpiresAt: until });
    });
  }

  /** The service task throws the BPMN error: a boundary or event subprocess catches it, or the instance ends with it. */
  bpmnError(id: string, input: ExternalTaskBpmnError, key: WorkerKey): Promise<ExternalTask> {
    const workerId = checkWorkerInput(input);
    return this.tx.run(async (tx) => {
      const row = await this.heldTask(tx, id, workerId, key);
      await this.executor.executeIn(
        tx,
        row.instanceId,
        { type: 'throwError', jobKey: row.jobKey, errorCode: input.errorCode, message: input.errorMessage, variables: input.variables },
        { actor: null },
      );
      // the engine may have cancelled the task with its element already; then this changes nothing
      await this.tasks.close(id, 'completed', `BPMN error ${input.errorCode}`.slice(0, 2000), tx.manager);
      return toExternalTask((await this.tasks.findById(id, tx.manager)) as ExternalTaskEntity);
    });
  }

  /**
   * The task under its instance's lock, held by a live lock of this worker taken with this key. A
   * key that may not act on the task's topic learns nothing more about it.
   */
  private async heldTask(tx: Tx, id: string, workerId: string, key: WorkerKey): Promise<ExternalTaskEntity> {
    const first = await this.tasks.findById(id, tx.manager);
    if (!first) throw ExternalTaskErrors.notFound(id);
    if (!keyAllowsTopic(key, first.topic)) throw ExternalTaskErrors.topicForbidden([first.topic]);
    await this.instances.lock(first.instanceId, tx);
    const row = (await this.tasks.findById(id, tx.manager)) as ExternalTaskEntity;
    const held = row.status === 'open' && row.lockExpiresAt !== null && row.lockExpiresAt.getTime() > Date.now();
    if (!held) throw ExternalTaskErrors.notLocked(id);
    if (row.workerId !== workerId || row.lockKeyId !== key.id) throw ExternalTaskErrors.lockedByOther(id, workerId);
    return row;
  }
}
