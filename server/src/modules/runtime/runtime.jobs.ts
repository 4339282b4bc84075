import { Inject, Injectable } from '@nestjs/common';
import type { Message } from '@liuzhuan/contracts';
import { nextStartTimer } from '@liuzhuan/engine';
import type { Tx } from '../../platform/database/transaction-runner';
import { WORKDAY_CALENDAR, type WorkdayCalendar } from '../calendar/calendar.api';
import { DefinitionRepository, ProcessCache } from '../definitions/definitions.api';
import {
  ExternalTaskEntity,
  ExternalTaskRepository,
  type GivesUpJob,
  HandlesJob,
  type JobEntity,
  type JobHandler,
  JobOutbox,
  JobRepository,
} from '../jobs/jobs.api';
import { NotificationsService, notifyTaskNotifications } from '../notifications/notifications.api';
import { CommandExecutor } from './command-executor.service';
import { EventsService } from './events.service';
import { InstanceRepository } from './instance.repository';

const payloadOf = <T>(job: JobEntity) => JSON.parse(job.payload) as T;
const SYSTEM = { actor: null };

/** A timer of an instance is due (boundary, intermediate catch, event sub-process). */
@Injectable()
@HandlesJob('timer')
export class TimerJob implements JobHandler {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(job: JobEntity, tx: Tx): Promise<void> {
    await this.executor.executeIn(
      tx,
      job.instanceId as string,
      { type: 'fireTimer', timerId: payloadOf<{ timerId: string }>(job).timerId },
      SYSTEM,
    );
  }
}

/** A timer start event is due: start an instance and schedule the next occurrence of a cycle. */
@Injectable()
@HandlesJob('start-timer')
export class StartTimerJob implements JobHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly definitions: DefinitionRepository,
    private readonly cache: ProcessCache,
    private readonly outbox: JobOutbox,
    @Inject(WORKDAY_CALENDAR) private readonly calendar: WorkdayCalendar,
  ) {}

  async handle(job: JobEntity, tx: Tx): Promise<void> {
    const definition = await this.definitions.findById(job.definitionId as string, tx.manager);
    if (!definition || !job.elementId) return;
    const { firedCount, dueAt } = payloadOf<{ firedCount: number; dueAt: string }>(job);
    await this.executor.startIn(
      tx,
      { definition, command: { type: 'start', startEventId: job.elementId }, initiator: null, initiatorOrgId: null, businessKey: null },
      SYSTEM,
    );
    const process = await this.cache.get(definition.id, tx.manager);
    const next = nextStartTimer(process, job.elementId, new Date().toISOString(), this.calendar, { dueAt, firedCount: firedCount + 1 });
    if ('dueAt' in next) {
      await this.outbox.add(tx, [
        {
          type: 'start-timer',
          dueAt: new Date(next.dueAt),
          definitionId: definition.id,
          elementId: job.elementId,
          payload: { firedCount: firedCount + 1, dueAt: next.dueAt },
        },
      ]);
    }
  }
}

/**
 * An async service or send task. `notify` (notifications to `recipients`) and `set-variables` are built in; any other type is
 * work for an external worker: it becomes an external task that workers fetch and lock.
 */
@Injectable()
@HandlesJob('async')
export class AsyncTaskJob implements JobHandler, GivesUpJob {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly externalTasks: ExternalTaskRepository,
    private readonly notifications: NotificationsService,
  ) {}

  async handle(job: JobEntity, tx: Tx): Promise<void> {
    const { jobKey, jobType, variables } = payloadOf<{ jobKey: string; jobType: string; variables: Record<string, unknown> }>(job);
    if (jobType === 'set-variables') {
      await this.executor.executeIn(tx, job.instanceId as string, { type: 'completeJob', jobKey, variables }, SYSTEM);
    } else if (jobType === 'notify') {
      // the instance first: an ended instance cancels the job and nobody is notified
      await this.executor.executeIn(tx, job.instanceId as string, { type: 'completeJob', jobKey }, SYSTEM);
      await this.notifications.send(tx, notifyTaskNotifications(variables, job.instanceId));
    } else {
      await this.externalTasks.insert(
        Object.assign(new ExternalTaskEntity(), {
          id: job.id,
          instanceId: job.instanceId as string,
          jobKey,
          topic: jobType.slice(0, 200),
          elementId: job.elementId,
          variables: JSON.stringify(variables ?? {}),
          status: 'open' as const,
          retries: null,
          workerId: null,
          lockExpiresAt: null,
          errorMessage: null,
          createdAt: new Date(),
        }),
        tx.manager,
      );
    }
  }

  async onGaveUp(job: JobEntity, error: string, tx: Tx): Promise<void> {
    const { jobKey } = payloadOf<{ jobKey: string }>(job);
    await this.executor.executeIn(tx, job.instanceId as string, { type: 'failJob', jobKey, error, retriesLeft: 0 }, SYSTEM);
  }
}

/** A call activity starts its child instance (a separate instance and transaction from the parent's command). */
@Injectable()
@HandlesJob('start-child')
export class StartChildJob implements JobHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly definitions: DefinitionRepository,
    private readonly instances: InstanceRepository,
  ) {}

  async handle(job: JobEntity, tx: Tx): Promise<void> {
    const p = payloadOf<{ elementInstanceId: string; processKey: string; version: 'latest' | number; variables: Record<string, unknown> }>(
      job,
    );
    const parent = await this.instances.lock(job.instanceId as string, tx);
    const definition = await this.definitions.findByKey(p.processKey, p.version === 'latest' ? undefined : p.version, tx.manager);
    // a missing called process is an operator's problem: retried, then an incident
    if (!definition) throw new Error(`called process ${p.processKey} (${p.version}) is not deployed`);
    await this.executor.startIn(
      tx,
      {
        definition,
        command: {
          type: 'start',
          variables: p.variables,
          ...(parent.initiator ? { initiator: parent.initiator } : {}),
          ...(parent.businessKey ? { businessKey: parent.businessKey } : {}),
        },
        initiator: parent.initiator,
        initiatorOrgId: parent.initiatorOrgId,
        businessKey: parent.businessKey,
        parent: { id: parent.id, elementInstanceId: p.elementInstanceId },
      },
      SYSTEM,
    );
  }
}

/** The parent's call activity was interrupted: its child instance is cancelled with it. */
@Injectable()
@HandlesJob('cancel-child')
export class CancelChildJob implements JobHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly instances: InstanceRepository,
    private readonly jobs: JobRepository,
  ) {}

  async handle(job: JobEntity, tx: Tx): Promise<void> {
    const { elementInstanceId } = payloadOf<{ elementInstanceId: string }>(job);
    const child = await this.instances.childOf(job.instanceId as string, elementInstanceId, tx.manager);
    // not started yet: the pending start is withdrawn instead
    if (!child) return this.jobs.cancelByRefs(job.instanceId as string, [elementInstanceId], tx.manager);
    if (child.status === 'active')
      await this.executor.executeIn(tx, child.id, { type: 'cancel', reason: 'the calling activity was cancelled' }, SYSTEM);
  }
}

/** A child instance ended, failed with a BPMN error or escalated: its parent continues. */
@Injectable()
@HandlesJob('notify-parent')
export class NotifyParentJob implements JobHandler {
  constructor(private readonly executor: CommandExecutor) {}

  async handle(job: JobEntity, tx: Tx): Promise<void> {
    const p = payloadOf<{
      parentId: string;
      elementInstanceId: string;
      kind: string;
      variables?: Record<string, unknown>;
      errorCode?: string | null;
      message?: string;
      escalationCode?: string | null;
    }>(job);
    const ei = p.elementInstanceId;
    if (p.kind === 'completed')
      await this.executor.executeIn(tx, p.parentId, { type: 'childCompleted', elementInstanceId: ei, variables: p.variables }, SYSTEM);
    else if (p.kind === 'error') {
      await this.executor.executeIn(
        tx,
        p.parentId,
        { type: 'throwError', elementInstanceId: ei, errorCode: p.errorCode ?? '', ...(p.message ? { message: p.message } : {}) },
        SYSTEM,
      );
    } else if (p.kind === 'escalation') {
      await this.executor.executeIn(
        tx,
        p.parentId,
        { type: 'childEscalated', elementInstanceId: ei, escalationCode: p.escalationCode ?? '' },
        SYSTEM,
      );
    }
    // 'terminated': cancelled from outside or by its parent; the parent's call activity stays as it is
  }
}

/** A signal thrown inside an instance fans out: one delivery job per other receiver. */
@Injectable()
@HandlesJob('signal')
export class SignalJob implements JobHandler {
  constructor(
    private readonly events: EventsService,
    private readonly outbox: JobOutbox,
  ) {}

  async handle(job: JobEntity, tx: Tx): Promise<void> {
    const p = payloadOf<{ name: string; variables: Record<string, unknown>; sourceInstanceId: string }>(job);
    await this.outbox.add(tx, await this.events.deliveries(p.name, p.variables, p.sourceInstanceId, tx.manager));
  }
}

/** One signal reaches one instance or one signal start event. */
@Injectable()
@HandlesJob('deliver-signal')
export class DeliverSignalJob implements JobHandler {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly definitions: DefinitionRepository,
  ) {}

  async handle(job: JobEntity, tx: Tx): Promise<void> {
    const { name, variables } = payloadOf<{ name: string; variables: Record<string, unknown> }>(job);
    if (job.instanceId) {
      await this.executor.executeIn(tx, job.instanceId, { type: 'broadcastSignal', name, variables }, SYSTEM);
      return;
    }
    const definition = job.definitionId ? await this.definitions.findById(job.definitionId, tx.manager) : null;
    if (!definition) return;
    await this.executor.startIn(
      tx,
      { definition, command: { type: 'broadcastSignal', name, variables }, initiator: null, initiatorOrgId: null, businessKey: null },
      SYSTEM,
    );
  }
}

/** A message thrown by an intermediate throw event or end event is correlated to its receiver. */
@Injectable()
@HandlesJob('message')
export class MessageJob implements JobHandler {
  constructor(private readonly events: EventsService) {}

  async handle(job: JobEntity, tx: Tx): Promise<void> {
    const { name, variables } = payloadOf<{ name: string; variables: Record<string, unknown> }>(job);
    // a message nobody waits for cancels the job with the reason in last_error
    await this.events.correlateIn(tx, { name, variables: variables as Message['variables'] }, null);
  }
}

export const RUNTIME_JOB_HANDLERS = [
  TimerJob,
  StartTimerJob,
  AsyncTaskJob,
  StartChildJob,
  CancelChildJob,
  NotifyParentJob,
  SignalJob,
  DeliverSignalJob,
  MessageJob,
];
