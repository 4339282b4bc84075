import { Injectable } from '@nestjs/common';
import type {
  ApiKey,
  ApiKeyList,
  CompleteExternalTask,
  CreateApiKey,
  ExternalTask,
  ExternalTaskFailure,
  ExternalTaskList,
  FetchAndLock,
  IssuedApiKey,
  SessionUser,
} from '@liuzhuan/contracts';
import { randomBytes } from 'node:crypto';
import { sm3Hex } from '../../platform/crypto/sm3';
import { TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import { ExternalTaskErrors } from './external-tasks.errors';
import { newId } from '../../platform/ids/ids';
import { ApiKeyEntity, ApiKeyRepository, type ExternalTaskEntity, ExternalTaskRepository } from '../jobs/jobs.api';
import { CommandExecutor, InstanceRepository } from '../runtime/runtime.api';

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

const toApiKey = (row: ApiKeyEntity): ApiKey => ({
  id: row.id,
  name: row.name,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/**
 * External tasks (Camunda's external-task pattern): workers fetch and lock open tasks of their
 * topics, then complete them or report a failure. Completing continues the instance in one
 * command; a failure with no retries left becomes an incident on the service task.
 */
@Injectable()
export class ExternalTasksService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly tasks: ExternalTaskRepository,
    private readonly keys: ApiKeyRepository,
    private readonly instances: InstanceRepository,
    private readonly executor: CommandExecutor,
  ) {}

  async fetchAndLock(input: FetchAndLock): Promise<ExternalTaskList> {
    const now = new Date();
    const until = new Date(now.getTime() + input.lockSeconds * 1000);
    const locked: ExternalTask[] = [];
    // a few more candidates than asked for: another worker may take some of them first
    for (const row of await this.tasks.fetchable(input.topics, now, input.maxTasks * 2)) {
      if (locked.length >= input.maxTasks) break;
      if (await this.tasks.lock(row.id, input.workerId, until, now))
        locked.push(toExternalTask({ ...row, workerId: input.workerId, lockExpiresAt: until }));
    }
    return { items: locked };
  }

  complete(id: string, input: CompleteExternalTask): Promise<ExternalTask> {
    return this.tx.run(async (tx) => {
      const row = await this.lockedTask(tx, id, input.workerId);
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

  failure(id: string, input: ExternalTaskFailure): Promise<ExternalTask> {
    return this.tx.run(async (tx) => {
      const row = await this.lockedTask(tx, id, input.workerId);
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

  async issueKey(input: CreateApiKey, user: SessionUser): Promise<IssuedApiKey> {
    const key = `lzk_${randomBytes(32).toString('base64url')}`;
    const row = Object.assign(new ApiKeyEntity(), {
      id: newId(),
      name: input.name,
      keyHash: sm3Hex(key),
      createdBy: user.username,
      createdAt: new Date(),
      revokedAt: null,
    });
    await this.keys.insert(row);
    return { ...toApiKey(row), key };
  }

  async listKeys(): Promise<ApiKeyList> {
    return { items: (await this.keys.list()).map(toApiKey) };
  }

  async authenticateWorker(key: string | undefined): Promise<void> {
    if (!key || !/^lzk_[A-Za-z0-9_-]{20,100}$/.test(key) || !(await this.keys.findActiveByHash(sm3Hex(key)))) {
      throw ExternalTaskErrors.apiKeyInvalid();
    }
  }

  /** The task under its instance's lock, still held by a live lock (of this worker, when named). */
  private async lockedTask(tx: Tx, id: string, workerId: string | undefined): Promise<ExternalTaskEntity> {
    const first = await this.tasks.findById(id, tx.manager);
    if (!first) throw ExternalTaskErrors.notFound(id);
    await this.instances.lock(first.instanceId, tx);
    const row = (await this.tasks.findById(id, tx.manager)) as ExternalTaskEntity;
    const held = row.status === 'open' && row.lockExpiresAt !== null && row.lockExpiresAt.getTime() > Date.now();
    if (!held || (workerId !== undefined && row.workerId !== workerId)) {
      throw ExternalTaskErrors.notLocked(id, workerId);
    }
    return row;
  }
}
