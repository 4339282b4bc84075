import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../platform/errors/domain-error';
import { TransactionRunner, type Tx } from '../../platform/database/transaction-runner';
import type { WriteBatch } from '../../platform/database/write-batch';
import { newId } from '../../platform/ids/ids';
import { appendToChain } from './audit-chain';
import { type AuditContext, type AuditEventInput, type AuditRow, rowOf } from './audit-event';

/**
 * Records audit events. Two ways, one chain:
 * - {@link record}: inside the unit of work that makes the change; the event is appended just
 *   before that unit's COMMIT, so a rolled-back change leaves no event and a committed one always
 *   has it (a retried unit records again, on its new attempt only);
 * - {@link recordAlone}: in a unit of its own, for what changes nothing else — a refused sign-in,
 *   a 403, a search of the trail.
 */
@Injectable()
export class AuditTrail {
  private readonly log = new Logger('AuditTrail');
  /** the events each open unit has recorded, by the unit's batch (one per attempt) */
  private readonly pending = new WeakMap<WriteBatch, Omit<AuditRow, 'seq' | 'hash'>[]>();
  /** errors {@link failureRecorded} has recorded: the 403 recorder leaves them alone (one event per refusal) */
  private readonly recordedErrors = new WeakSet<object>();

  constructor(private readonly tx: TransactionRunner) {}

  /** Records an event in the caller's unit of work; it is written with the unit's COMMIT, or not at all. */
  record(tx: Tx, context: AuditContext, event: AuditEventInput): void {
    let rows = this.pending.get(tx.writes);
    if (!rows) {
      const mine: Omit<AuditRow, 'seq' | 'hash'>[] = [];
      rows = mine;
      this.pending.set(tx.writes, mine);
      tx.beforeCommit(async () => {
        await appendToChain(tx, mine.splice(0));
      });
    }
    rows.push(rowOf(newId(), Date.now(), context, event));
  }

  /** Records an event in a unit of its own (nothing else changes with it); resolves once it is committed. */
  async recordAlone(context: AuditContext, event: AuditEventInput): Promise<void> {
    await this.tx.run(async (tx) => this.record(tx, context, event));
  }

  /**
   * Runs `work` (which records `event` itself on success, in its unit); when it throws, records
   * the same event as a failure with the error's code, in a unit of its own, and rethrows. A
   * refusal (403) is recorded as `access.denied` instead, naming the attempted event type.
   */
  async failureRecorded<T>(context: AuditContext, event: AuditEventInput, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const errorCode = error instanceof DomainError ? error.code : 'INTERNAL_ERROR';
      const refused = error instanceof DomainError && error.status === 403;
      const failure: AuditEventInput = refused
        ? { ...event, type: 'access.denied', details: { attempted: event.type, ...event.details } }
        : { ...event };
      try {
        await this.recordAlone(context, { ...failure, result: 'failure', errorCode });
        if (error !== null && typeof error === 'object') this.recordedErrors.add(error);
      } catch (auditError) {
        // the caller's error is the one to report; the lost event is logged
        this.log.error(`audit event ${event.type} (failure) not recorded: ${(auditError as Error).message}`);
      }
      throw error;
    }
  }

  /** Whether {@link failureRecorded} has already recorded this error. */
  hasRecorded(error: unknown): boolean {
    return error !== null && typeof error === 'object' && this.recordedErrors.has(error);
  }
}
