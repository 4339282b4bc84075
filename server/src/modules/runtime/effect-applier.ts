import { Injectable } from '@nestjs/common';
import { type EngineEffect, hasOpenJobs, hasSubscriptions, type InstanceSnapshot, subscriptionElementId } from '@liuzhuan/engine';
import type { Tx } from '../../platform/database/transaction-runner';
import { EventSubscriptionEntity, SubscriptionRepository } from '../definitions/definitions.api';
import { ExternalTaskRepository, JobOutbox, JobRepository, type NewJob } from '../jobs/jobs.api';
import type { InstanceEntity } from './instance.entity';
import { TaskRepository } from './task.repository';

/**
 * Applies the engine's effects in the command's transaction: timers and async work become job
 * rows (the outbox), subscriptions become rows for correlation queries, and everything that
 * touches another instance (child start, parent continuation, signal broadcast) becomes a job
 * that runs later as its own command and transaction.
 */
@Injectable()
export class EffectApplier {
  constructor(
    private readonly outbox: JobOutbox,
    private readonly jobs: JobRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly tasks: TaskRepository,
    private readonly externalTasks: ExternalTaskRepository,
  ) {}

  async apply(tx: Tx, row: InstanceEntity, effects: readonly EngineEffect[], state: InstanceSnapshot): Promise<void> {
    const now = new Date();
    const newJobs: NewJob[] = [];
    const cancelRefs: string[] = [];
    const cancelJobKeys: string[] = [];
    const subs: EventSubscriptionEntity[] = [];
    const unsubscribe: string[] = [];
    const base = { instanceId: row.id };
    const parentNotice = (payload: Record<string, unknown>) => {
      if (row.parentId && row.parentElementInstanceId) {
        newJobs.push({
          ...base,
          type: 'notify-parent',
          dueAt: now,
          payload: { parentId: row.parentId, elementInstanceId: row.parentElementInstanceId, ...payload },
        });
      }
    };
    const hasErrorToParent = effects.some((e) => e.type === 'errorToParent');
    for (const effect of effects) {
      switch (effect.type) {
        case 'scheduleTimer':
          newJobs.push({
            ...base,
            type: 'timer',
            dueAt: new Date(effect.dueAt),
            elementId: effect.elementId,
            ref: effect.timerId,
            payload: { timerId: effect.timerId },
          });
          break;
        case 'cancelTimer':
          cancelRefs.push(effect.timerId);
          break;
        case 'createJob':
          newJobs.push({
            ...base,
            type: 'async',
            dueAt: now,
            elementId: effect.elementId,
            ref: effect.jobKey,
            payload: { jobKey: effect.jobKey, jobType: effect.jobType, variables: effect.variables },
          });
          break;
        case 'cancelJob':
          cancelRefs.push(effect.jobKey);
          cancelJobKeys.push(effect.jobKey);
          break;
        case 'subscribeMessage':
        case 'subscribeSignal': {
          const modelKey = effect.type === 'subscribeMessage' && effect.correlationKey !== undefined;
          subs.push(
            Object.assign(new EventSubscriptionEntity(), {
              id: effect.subscriptionId,
              kind: effect.type === 'subscribeMessage' ? 'message' : 'signal',
              name: effect.name.slice(0, 200),
              // without a key expression in the model, a message correlates on the business key
              correlationKey: effect.type === 'subscribeMessage' ? ((modelKey ? effect.correlationKey : row.businessKey) ?? null) : null,
              modelKey,
              instanceId: row.id,
              definitionId: null,
              elementId: subscriptionElementId(state, effect.subscriptionId),
              createdAt: now,
            }),
          );
          break;
        }
        case 'unsubscribeMessage':
        case 'unsubscribeSignal':
          unsubscribe.push(effect.subscriptionId);
          break;
        case 'startChild':
          newJobs.push({ ...base, type: 'start-child', dueAt: now, ref: effect.elementInstanceId, payload: { ...effect } });
          break;
        case 'cancelChild':
          newJobs.push({
            ...base,
            type: 'cancel-child',
            dueAt: now,
            ref: effect.elementInstanceId,
            payload: { elementInstanceId: effect.elementInstanceId },
          });
          break;
        case 'throwSignal':
          newJobs.push({
            ...base,
            type: 'signal',
            dueAt: now,
            payload: { name: effect.name, variables: effect.variables, sourceInstanceId: row.id },
          });
          break;
        case 'sendMessage':
          newJobs.push({
            ...base,
            type: 'message',
            dueAt: now,
            elementId: effect.elementId,
            payload: { name: effect.name, variables: effect.variables },
          });
          break;
        case 'processCompleted':
          parentNotice({ kind: 'completed', variables: effect.variables });
          break;
        case 'errorToParent':
          parentNotice({ kind: 'error', errorCode: effect.errorCode, message: effect.message });
          break;
        case 'throwEscalation':
          parentNotice({ kind: 'escalation', escalationCode: effect.escalationCode });
          break;
        case 'processTerminated':
          // an error end already continues the parent through errorToParent
          if (!hasErrorToParent) parentNotice({ kind: 'terminated', outcome: effect.outcome });
          break;
      }
    }
    await this.jobs.cancelByRefs(row.id, cancelRefs, tx.manager);
    await this.externalTasks.cancelByJobKeys(row.id, cancelJobKeys, tx.manager);
    await this.subscriptions.deleteByIds(unsubscribe, tx.manager);
    await this.subscriptions.insert(
      subs.filter((s) => !unsubscribe.includes(s.id)),
      tx.manager,
    );
    await this.outbox.add(tx, newJobs);
  }

  /**
   * An ended instance waits for nothing: its subscriptions, open tasks and pending timers go.
   * `before` is its state before the command that ended it (null: started in that command):
   * what it did not wait for then, and the command did not add, has no row to clean up.
   */
  async instanceEnded(
    tx: Tx,
    row: InstanceEntity,
    at: Date,
    before: InstanceSnapshot | null,
    effects: readonly EngineEffect[],
  ): Promise<void> {
    const added = new Set(effects.map((e) => e.type));
    const subscribed = !before || hasSubscriptions(before) || added.has('subscribeMessage') || added.has('subscribeSignal');
    const jobs = !before || hasOpenJobs(before) || added.has('createJob');
    if (subscribed) await this.subscriptions.deleteOfInstance(row.id, tx.manager);
    this.tasks.closeAllOfInstance(row.id, at, tx.writes);
    // timers are subscriptions of the state; async jobs and external tasks its jobs
    if (subscribed || jobs || added.has('scheduleTimer')) await this.jobs.cancelPendingOfInstance(row.id, ['timer', 'async'], tx.manager);
    if (jobs) await this.externalTasks.cancelOfInstance(row.id, tx.manager);
  }
}
