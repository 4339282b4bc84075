import { Injectable } from '@nestjs/common';
import type { Message, MessageResult, Signal, SignalResult, SessionUser } from '@liuzhuan/contracts';
import type { EntityManager } from 'typeorm';
import { TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import { DomainError } from '../../platform/errors/domain-error';
import { RuntimeErrors } from './runtime.errors';
import { DefinitionRepository, SubscriptionRepository } from '../definitions/definitions.api';
import { JobOutbox, type NewJob } from '../jobs/jobs.api';
import { JobRunner } from '../jobs/jobs.api';
import { CallerAuthority } from './caller-authority';
import { CommandExecutor } from './command-executor.service';
import { type AuditContext, AuditTrail } from '../audit/audit.api';

/**
 * Messages (to one waiting instance, else a message start event) and signals (to every waiting
 * instance and every signal start). Each receiving instance is its own command and transaction.
 */
@Injectable()
export class EventsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly executor: CommandExecutor,
    private readonly subscriptions: SubscriptionRepository,
    private readonly definitions: DefinitionRepository,
    private readonly outbox: JobOutbox,
    private readonly runner: JobRunner,
    private readonly authority: CallerAuthority,
    private readonly trail: AuditTrail,
  ) {}

  /** An admin's message (POST /messages): a `message.correlate` event of the same unit. */
  correlate(input: Message, user: SessionUser | null, audit: AuditContext): Promise<MessageResult> {
    this.authority.refuseReserved(input.variables);
    const event = {
      type: 'message.correlate',
      targetType: 'message',
      targetId: input.name,
      details: { correlationKey: input.correlationKey ?? null },
    } as const;
    return this.trail.failureRecorded(audit, event, () =>
      this.tx.run(async (tx) => {
        const result = await this.correlateIn(tx, input, user);
        this.trail.record(tx, audit, { ...event, details: { ...event.details, ...result } });
        return result;
      }),
    );
  }

  /** In the caller's transaction: the oldest waiting instance, else a message start event. */
  async correlateIn(tx: Tx, input: Message, user: SessionUser | null): Promise<MessageResult> {
    const actor = user?.username ?? null;
    for (const sub of await this.subscriptions.waitingForMessage(input.name, input.correlationKey, tx.manager)) {
      try {
        const row = await this.executor.executeIn(
          tx,
          sub.instanceId as string,
          {
            type: 'correlateMessage',
            name: input.name,
            ...(sub.modelKey && sub.correlationKey !== null ? { correlationKey: sub.correlationKey } : {}),
            variables: input.variables,
          },
          { actor },
        );
        return { instanceId: row.id, started: false };
      } catch (error) {
        // the subscription closed since the query (the engine rejects before anything is written): try the next one
        if (error instanceof DomainError && (error.code === 'MESSAGE_NOT_CORRELATED' || error.code === 'INSTANCE_NOT_ACTIVE')) continue;
        throw error;
      }
    }
    const [start] = await this.subscriptions.startsFor('message', input.name, tx.manager);
    const definition = start?.definitionId ? await this.definitions.findById(start.definitionId, tx.manager) : null;
    if (!definition) throw RuntimeErrors.messageNotCorrelated(input.name, input.correlationKey);
    const row = await this.executor.startIn(
      tx,
      {
        definition,
        command: { type: 'correlateMessage', name: input.name, variables: input.variables },
        initiator: actor,
        initiatorOrgId: user?.orgId ?? null,
        businessKey: input.correlationKey ?? null,
      },
      { actor },
    );
    return { instanceId: row.id, started: true };
  }

  /** Broadcasts through delivery jobs (one per receiver), written together, then run at once. */
  async broadcast(input: Signal, audit: AuditContext): Promise<SignalResult> {
    this.authority.refuseReserved(input.variables);
    const deliveries = await this.deliveries(input.name, input.variables ?? {}, null);
    // the event goes with the delivery jobs: once they are committed the signal is sent
    const rows = await this.tx.run(async (tx) => {
      const added = await this.outbox.add(tx, deliveries);
      this.trail.record(tx, audit, {
        type: 'signal.broadcast',
        targetType: 'signal',
        targetId: input.name,
        details: { receivers: added.length },
      });
      return added;
    });
    for (const row of rows) await this.runner.runNow(row.id);
    return { delivered: rows.length };
  }

  /** One delivery job per instance waiting for the signal and per signal start event. */
  async deliveries(
    name: string,
    variables: Record<string, unknown>,
    exceptInstanceId: string | null,
    m?: EntityManager,
  ): Promise<NewJob[]> {
    const now = new Date();
    const jobs: NewJob[] = [];
    for (const instanceId of await this.subscriptions.instancesWaitingForSignal(name, m)) {
      if (instanceId !== exceptInstanceId) jobs.push({ type: 'deliver-signal', dueAt: now, instanceId, payload: { name, variables } });
    }
    for (const start of await this.subscriptions.startsFor('signal', name, m)) {
      jobs.push({
        type: 'deliver-signal',
        dueAt: now,
        definitionId: start.definitionId,
        elementId: start.elementId,
        payload: { name, variables },
      });
    }
    return jobs;
  }
}
