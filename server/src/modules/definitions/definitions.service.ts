import { Inject, Injectable } from '@nestjs/common';
import type { Definition, DefinitionList, DefinitionQuery, DefinitionValidation } from '@liuzhuan/contracts';
import {
  compile,
  type Diagnostic,
  type ExecutableProcess,
  isDeployable,
  nextStartTimer,
  serializeProcess,
  startTriggers,
} from '@liuzhuan/engine';
import { isDuplicateKey } from '../../platform/database/driver-error';
import { DefinitionErrors } from './definitions.errors';
import { newId } from '../../platform/ids/ids';
import { ConcurrencyConflict, TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import { WORKDAY_CALENDAR, type WorkdayCalendar } from '../calendar/calendar.api';
import { JobOutbox, JobRepository } from '../jobs/jobs.api';
import { DefinitionEntity, DeploymentEntity, EventSubscriptionEntity } from './definition.entity';
import { DefinitionRepository, SubscriptionRepository } from './definition.repository';
import { ProcessCache } from './process-cache';
import { type AuditContext, AuditTrail } from '../audit/audit.api';

export function toDefinition(row: DefinitionEntity): Definition {
  return {
    id: row.id,
    key: row.key,
    version: row.version,
    name: row.name,
    executable: row.executable,
    deployedAt: row.deployedAt.toISOString(),
    deployedBy: row.deployedBy,
  };
}

const diagnosticView = (d: Diagnostic) => ({ elementId: d.elementId, severity: d.severity, code: d.code, message: d.message });

@Injectable()
export class DefinitionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly definitions: DefinitionRepository,
    private readonly subscriptions: SubscriptionRepository,
    private readonly cache: ProcessCache,
    private readonly outbox: JobOutbox,
    private readonly jobs: JobRepository,
    @Inject(WORKDAY_CALENDAR) private readonly calendar: WorkdayCalendar,
    private readonly trail: AuditTrail,
  ) {}

  /**
   * Compiles and stores every process of the file as a new version of its key. A file with any
   * error diagnostic is refused whole; nothing is written. Each stored definition is a
   * `definition.deploy` event of its unit; a refused file is one failed event.
   */
  async deploy(xml: string, deployedBy: string, audit: AuditContext): Promise<Definition[]> {
    return this.trail.failureRecorded(audit, { type: 'definition.deploy', targetType: 'definition' }, () =>
      this.compileAndStore(xml, deployedBy, audit),
    );
  }

  private async compileAndStore(xml: string, deployedBy: string, audit: AuditContext): Promise<Definition[]> {
    const result = await compile(xml);
    const details = result.diagnostics.map(diagnosticView);
    if (result.diagnostics.some((d) => d.code === 'BPMN_TOO_LARGE')) throw DefinitionErrors.tooLarge(details);
    if (!isDeployable(result) || !result.processes.length) {
      const errors = details.filter((d) => d.severity === 'error');
      const summary = errors.length
        ? errors
            .slice(0, 3)
            .map((d) => `${d.elementId ?? '(file)'}: ${d.message}`)
            .join('; ')
        : 'The file contains no process';
      throw DefinitionErrors.invalid(summary, details);
    }
    const rows = await this.tx.run(async (tx) => {
      try {
        const stored = await this.store(tx, xml, result.processes, deployedBy);
        for (const row of stored) {
          this.trail.record(tx, audit, {
            type: 'definition.deploy',
            targetType: 'definition',
            targetId: row.id,
            details: { key: row.key, version: row.version, name: row.name, deploymentId: row.deploymentId },
          });
        }
        return stored;
      } catch (error) {
        if (isDuplicateKey(error)) throw new ConcurrencyConflict('another deploy of the same key won');
        throw error;
      }
    });
    rows.forEach((row, i) => this.cache.put(row.id, result.processes[i]));
    return rows.map(toDefinition);
  }

  /**
   * The diagnostics a deploy of this XML would meet, each with its element id; nothing is written.
   * A file without a process is an error here because deploy refuses it.
   */
  async validate(xml: string): Promise<DefinitionValidation> {
    const result = await compile(xml);
    const diagnostics = result.diagnostics.map(diagnosticView);
    return {
      diagnostics: result.processes.length
        ? diagnostics
        : diagnostics.map((d) => (d.code === 'BPMN_NO_PROCESS' ? { ...d, severity: 'error' as const } : d)),
    };
  }

  async list(query: DefinitionQuery): Promise<DefinitionList> {
    return { items: (await this.definitions.list(query.all === 'true', query.key)).map(toDefinition) };
  }

  async get(id: string): Promise<Definition> {
    return toDefinition(await this.require(id));
  }

  async xml(id: string): Promise<string> {
    const row = await this.require(id);
    const deployment = await this.definitions.findDeployment(row.deploymentId);
    if (!deployment) throw DefinitionErrors.fileMissing(id);
    return deployment.xml;
  }

  private async require(id: string): Promise<DefinitionEntity> {
    const row = await this.definitions.findById(id);
    if (!row) throw DefinitionErrors.notFound(id);
    return row;
  }

  private async store(tx: Tx, xml: string, processes: ExecutableProcess[], deployedBy: string): Promise<DefinitionEntity[]> {
    const now = new Date();
    const deployment = Object.assign(new DeploymentEntity(), { id: newId(), xml, deployedBy, deployedAt: now });
    const rows: DefinitionEntity[] = [];
    for (const process of processes) {
      rows.push(
        Object.assign(new DefinitionEntity(), {
          id: newId(),
          deploymentId: deployment.id,
          key: process.id,
          version: (await this.definitions.latestVersion(process.id, tx.manager)) + 1,
          name: process.name,
          executable: process.isExecutable,
          compiled: serializeProcess(process),
          deployedBy,
          deployedAt: now,
        }),
      );
    }
    await this.definitions.insertDeployment(deployment, rows, tx.manager);
    for (const [i, row] of rows.entries()) if (row.executable) await this.registerStarts(tx, row, processes[i], now);
    return rows;
  }

  /**
   * Message/signal start events become subscriptions, timer start events become jobs; the new
   * version replaces the start events of every older version of its key.
   */
  private async registerStarts(tx: Tx, row: DefinitionEntity, process: ExecutableProcess, now: Date): Promise<void> {
    const older = (await this.definitions.olderVersions(row.key, row.version, tx.manager)).map((d) => d.id);
    await this.subscriptions.deleteStartsOfDefinitions(older, tx.manager);
    await this.jobs.cancelPendingOfDefinitions(older, ['start-timer'], tx.manager);
    const subs: EventSubscriptionEntity[] = [];
    for (const trigger of startTriggers(process)) {
      if ((trigger.kind === 'message' || trigger.kind === 'signal') && trigger.name) {
        subs.push(
          Object.assign(new EventSubscriptionEntity(), {
            id: newId(),
            kind: trigger.kind,
            name: trigger.name,
            correlationKey: null,
            modelKey: false,
            instanceId: null,
            definitionId: row.id,
            elementId: trigger.startEventId,
            createdAt: now,
          }),
        );
      } else if (trigger.kind === 'timer') {
        const due = nextStartTimer(process, trigger.startEventId, now.toISOString(), this.calendar);
        if ('dueAt' in due) {
          await this.outbox.add(tx, [
            {
              type: 'start-timer',
              dueAt: new Date(due.dueAt),
              definitionId: row.id,
              elementId: trigger.startEventId,
              payload: { firedCount: 0, dueAt: due.dueAt },
            },
          ]);
        }
      }
    }
    await this.subscriptions.insert(subs, tx.manager);
  }
}
