import { Injectable } from '@nestjs/common';
import type {
  CancelInstance,
  HistoryEvent,
  Incident,
  Instance,
  InstanceList,
  InstanceQuery,
  MoveToken,
  SessionUser,
  StartedInstance,
  StartInstance,
  TerminateInstance,
} from '@liuzhuan/contracts';
import { activeElementIds, incident, incidents, processVariables, readState } from '@liuzhuan/engine';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { RuntimeErrors } from './runtime.errors';
import { DefinitionRepository, ProcessCache } from '../definitions/definitions.api';
import { JobOutbox } from '../jobs/jobs.api';
import { JobRepository } from '../jobs/jobs.api';
import { CallerAuthority } from './caller-authority';
import { CommandExecutor } from './command-executor.service';
import { InstanceAccess, isWorkflowAdmin } from './instance-access';
import { openedTasks } from './next-task';
import type { InstanceEntity } from './instance.entity';
import { InstanceRepository } from './instance.repository';
import { type AuditContext, type AuditEventInput, AuditTrail } from '../audit/audit.api';

@Injectable()
export class InstancesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly executor: CommandExecutor,
    private readonly instances: InstanceRepository,
    private readonly definitions: DefinitionRepository,
    private readonly access: InstanceAccess,
    private readonly jobs: JobRepository,
    private readonly outbox: JobOutbox,
    private readonly cache: ProcessCache,
    private readonly authority: CallerAuthority,
    private readonly trail: AuditTrail,
  ) {}

  async start(input: StartInstance, user: SessionUser): Promise<StartedInstance> {
    // the server names the initiator; a caller sets no reserved variable
    this.authority.refuseReserved(input.variables);
    const definition = await this.definitions.findByKey(input.definitionKey, input.version);
    if (!definition) throw RuntimeErrors.processNotDeployed(input.definitionKey, input.version);
    const process = await this.cache.get(definition.id);
    this.authority.mayStart(process, definition.key, user, process.start?.groups ? await this.access.groupsOf(user) : []);
    await this.authority.checkNamed(process, input.variables, {
      actor: user.username,
      initiator: user.username,
      initiatorOrgId: user.orgId,
    });
    const {
      instance: row,
      created,
      candidates,
    } = await this.tx.run((tx) =>
      this.executor.startWithTasks(
        tx,
        {
          definition,
          command: {
            type: 'start',
            variables: input.variables ?? {},
            initiator: user.username,
            ...(input.businessKey ? { businessKey: input.businessKey } : {}),
          },
          initiator: user.username,
          initiatorOrgId: user.orgId,
          businessKey: input.businessKey ?? null,
        },
        { actor: user.username },
      ),
    );
    // its jobs were created with it and have not run: none can have failed yet
    return { ...(await this.view(row, false)), tasks: openedTasks(created, candidates) };
  }

  /** The instance; a workflow admin with no part in it gets the intervention view (no variables). */
  async get(id: string, user: SessionUser): Promise<Instance> {
    const { row, view } = await this.access.readableView(user, id);
    const full = await this.view(row);
    return view === 'full' ? full : { ...full, variables: {}, metadataOnly: true };
  }

  async list(query: InstanceQuery, user: SessionUser): Promise<InstanceList> {
    const admin = isWorkflowAdmin(user);
    const visibleTo = admin ? null : { username: user.username, groups: await this.access.groupsOf(user) };
    const { items, total, display } = await this.instances.query(query, visibleTo);
    // no title of a classified 公文 the user may not read
    const hidden = await this.access.hiddenMatters(
      user,
      items.map((r) => r.id),
      admin,
    );
    return {
      items: items.map((r) => ({ ...summary(r), ...(hidden.has(r.id) ? HIDDEN_MATTER : display.get(r.id)) })),
      total,
    };
  }

  /** The history; in the intervention view each event keeps only the metadata of its details. */
  async history(id: string, user: SessionUser): Promise<{ items: HistoryEvent[] }> {
    const { view } = await this.access.readableView(user, id);
    const rows = await this.instances.history(id);
    return {
      items: rows.map((r) => {
        const details = JSON.parse(r.details) as Record<string, unknown>;
        return {
          seq: r.seq,
          type: r.type,
          elementId: r.elementId,
          actor: r.actor,
          at: r.at.toISOString(),
          details: view === 'full' ? details : metadataOf(r.type, details),
        };
      }),
    };
  }

  async cancel(id: string, input: CancelInstance, user: SessionUser, audit: AuditContext): Promise<Instance> {
    const event = { type: 'instance.cancel', targetType: 'instance', targetId: id, details: { reason: input.reason ?? null } } as const;
    const row = await this.trail.failureRecorded(audit, event, () =>
      this.tx.run(async (tx) => {
        const locked = await this.instances.lock(id, tx);
        const { instance } = await this.executor.executeOn(tx, locked, { type: 'cancel', reason: input.reason }, { actor: user.username });
        this.trail.record(tx, audit, event);
        return instance;
      }),
    );
    return this.view(row);
  }

  /** Admin intervention: move a token to a visited element (reason required, recorded with the admin's name). */
  async move(id: string, input: MoveToken, user: SessionUser, audit: AuditContext): Promise<Instance> {
    const event = { type: 'instance.move', targetType: 'instance', targetId: id, details: { ...input } } as const;
    return this.trail.failureRecorded(audit, event, () => this.moveRecorded(id, input, user, audit));
  }

  private async moveRecorded(id: string, input: MoveToken, user: SessionUser, audit: AuditContext): Promise<Instance> {
    const reason = requireReason(input.reason);
    const from = input.elementInstanceId ?? input.taskId;
    if (!from || (input.elementInstanceId && input.taskId && input.elementInstanceId !== input.taskId)) {
      throw RuntimeErrors.moveWithoutSource();
    }
    const row = await this.tx.run(async (tx) => {
      const after = await this.executor.executeIn(
        tx,
        id,
        { type: 'moveToken', fromElementInstanceId: from, targetElementId: input.targetElementId, mode: 'rerun' },
        { actor: user.username },
      );
      const details = {
        action: 'move',
        fromElementInstanceId: from,
        targetElementId: input.targetElementId,
        reason,
        by: user.displayName,
        username: user.username,
      };
      await this.executor.appendHistory(
        tx,
        after,
        [{ type: 'instance.intervention', elementId: input.targetElementId, details }],
        user.username,
      );
      this.trail.record(tx, audit, { type: 'instance.move', targetType: 'instance', targetId: id, details });
      return after;
    });
    return this.view(row);
  }

  /** Admin intervention: end the instance with outcome `terminated` (reason required). */
  async terminate(id: string, input: TerminateInstance, user: SessionUser, audit: AuditContext): Promise<Instance> {
    const event = { type: 'instance.terminate', targetType: 'instance', targetId: id, details: { reason: input.reason ?? null } } as const;
    const row = await this.trail.failureRecorded(audit, event, () => this.terminateRecorded(id, input, user, audit));
    return this.view(row);
  }

  private async terminateRecorded(id: string, input: TerminateInstance, user: SessionUser, audit: AuditContext): Promise<InstanceEntity> {
    const reason = requireReason(input.reason);
    return this.tx.run(async (tx) => {
      const after = await this.executor.executeIn(tx, id, { type: 'terminate', outcome: 'terminated' }, { actor: user.username });
      await this.executor.appendHistory(
        tx,
        after,
        [
          {
            type: 'instance.intervention',
            elementId: null,
            details: { action: 'terminate', reason, by: user.displayName, username: user.username },
          },
        ],
        user.username,
      );
      this.trail.record(tx, audit, { type: 'instance.terminate', targetType: 'instance', targetId: id, details: { reason } });
      return after;
    });
  }

  /**
   * An engine incident is resolved by the engine; a job that gave up is made pending again. Both
   * are recorded as an intervention with the admin's name (and the reason, when given).
   */
  async retryIncident(id: string, incidentId: string, user: SessionUser, audit: AuditContext, reason?: string): Promise<Instance> {
    const event = {
      type: 'instance.incident.retry',
      targetType: 'instance',
      targetId: id,
      details: { incidentId, reason: reason ?? null },
    } as const;
    return this.trail.failureRecorded(audit, event, () => this.retryRecorded(id, incidentId, user, audit, event, reason));
  }

  private async retryRecorded(
    id: string,
    incidentId: string,
    user: SessionUser,
    audit: AuditContext,
    event: AuditEventInput,
    reason?: string,
  ): Promise<Instance> {
    const row = await this.instances.findById(id);
    if (!row) throw RuntimeErrors.instanceNotFound(id);
    const engineIncident = incident(readState(row.state), incidentId);
    const intervention = {
      type: 'instance.intervention',
      details: {
        action: 'retry',
        incidentId,
        ...(reason?.trim() ? { reason: reason.trim() } : {}),
        by: user.displayName,
        username: user.username,
      },
    };
    if (engineIncident) {
      const after = await this.tx.run(async (tx) => {
        const resolved = await this.executor.executeIn(tx, id, { type: 'resolveIncident', incidentId }, { actor: user.username });
        await this.executor.appendHistory(tx, resolved, [{ ...intervention, elementId: engineIncident.elementId }], user.username);
        this.trail.record(tx, audit, { ...event, details: { ...event.details, source: 'engine' } });
        return resolved;
      });
      return this.view(after);
    }
    const job = await this.jobs.findById(incidentId);
    if (!job || job.instanceId !== id || job.status !== 'failed') throw RuntimeErrors.incidentNotFound(id, incidentId);
    await this.tx.run(async (tx) => {
      const locked = await this.instances.lock(id, tx);
      if (await this.jobs.retry(incidentId, tx.manager)) {
        this.outbox.pushAfterCommit(tx, [{ id: job.id, type: job.type, dueAt: new Date() }]);
        await this.executor.appendHistory(tx, locked, [{ ...intervention, elementId: job.elementId }], user.username);
        this.trail.record(tx, audit, { ...event, details: { ...event.details, source: 'job' } });
      }
    });
    return this.view((await this.instances.findById(id)) ?? row);
  }

  private async view(row: InstanceEntity, jobsMayHaveFailed = true): Promise<Instance> {
    const state = readState(row.state);
    const found: Incident[] = incidents(state).map((i) => ({ ...i, source: 'engine' }));
    for (const job of jobsMayHaveFailed ? await this.jobs.failedOfInstance(row.id) : []) {
      found.push({
        id: job.id,
        elementId: job.elementId,
        code: 'JOB_FAILED',
        message: job.lastError ?? `${job.type} job failed`,
        source: 'job',
      });
    }
    return { ...summary(row), activeElementIds: activeElementIds(state), variables: processVariables(state), incidents: found };
  }
}

/** A list row's matter when the user may not see it. */
const HIDDEN_MATTER = { title: null, docType: null, urgency: null, docNumber: null, dueAt: null, currentSteps: [] };

/**
 * The keys of a history event's details the intervention view keeps: who, which element, which
 * task, what an intervention did and why (`reason` only of an intervention: a 退回's reason is
 * the handler's words on the matter). Everything else — variables, opinions, outcomes, messages'
 * payloads — carries the matter's content and is left out.
 */
export const METADATA_DETAIL_KEYS = [
  'elementInstanceId',
  'taskId',
  'assignee',
  'previousAssignee',
  'from',
  'to',
  'owner',
  'onBehalfOf',
  'action',
  'reason',
  'by',
  'username',
  'intervention',
  'incidentId',
  'targetElementId',
  'fromElementInstanceId',
  'candidateUsers',
  'candidateGroups',
  'orgRoleResolved',
  'orgRoleNote',
  'picked',
  'dueAt',
  'usernames',
  'auto',
  'stage',
] as const;

function metadataOf(type: string, details: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const key of METADATA_DETAIL_KEYS) if (key in details) kept[key] = details[key];
  if (type !== 'instance.intervention') delete kept['reason'];
  return kept;
}

function requireReason(reason: string | undefined): string {
  const text = reason?.trim();
  if (!text) throw RuntimeErrors.reasonRequired();
  return text;
}

function summary(row: InstanceEntity) {
  return {
    id: row.id,
    definitionId: row.definitionId,
    definitionKey: row.definitionKey,
    version: row.definitionVersion,
    businessKey: row.businessKey,
    parentId: row.parentId,
    initiator: row.initiator,
    status: row.status,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt ? row.endedAt.toISOString() : null,
  };
}
