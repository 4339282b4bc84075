import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { databaseKind, type DatabaseKind } from './data-source';
import { driverErrorOf } from './driver-error';
import { WriteBatch } from './write-batch';

/** A lost race the database reported as such (another deploy took the key first): the whole unit is retried. */
export class ConcurrencyConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConcurrencyConflict';
  }
}

/** The transaction of one unit of work; `afterCommit` work runs only once the commit succeeded. */
export interface Tx {
  readonly manager: EntityManager;
  readonly dialect: DatabaseKind;
  /** the unit's writes that go out with its COMMIT (or ahead of a read that needs them): write-batch.ts */
  readonly writes: WriteBatch;
  afterCommit(work: () => Promise<void> | void): void;
  /**
   * Work that runs once the unit's own work has returned, still inside its transaction, just
   * before its COMMIT (in the order registered; it may read and add writes). The audit trail
   * appends its rows here, so the chain's tail is locked for one round trip, not the whole unit.
   */
  beforeCommit(work: () => Promise<void> | void): void;
}

const MAX_ATTEMPTS = 6;
/** What every pooled MySQL connection that runs units is set to once. */
const SESSION_SETUP = 'SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED';
/** MySQL errors after which InnoDB advises re-issuing the transaction: deadlock, lock wait timeout. */
const RETRYABLE_ERRNOS = new Set([1213, 1205]);

function isRetryable(error: unknown): boolean {
  if (error instanceof ConcurrencyConflict) return true;
  const { errno } = driverErrorOf(error);
  return errno !== undefined && RETRYABLE_ERRNOS.has(errno);
}

/**
 * One unit of work = one transaction at READ COMMITTED, retried (bounded, with jitter) when it
 * lost a race the database reports (a deadlock, a lock wait timeout, a key taken meanwhile), so a
 * conflict never reaches the user as a 5xx. Writers of one process instance never race: a unit
 * that changes an instance first takes its row lock (`SELECT … FOR UPDATE`,
 * InstanceRepository.lock), and a second unit waits there until the first has committed, then
 * reads what it wrote. The unit's {@link WriteBatch} goes out with its COMMIT.
 *
 * SQLite: TypeORM's better-sqlite3 driver shares ONE query runner for the whole data source, so
 * two concurrent `dataSource.transaction()` calls do not isolate each other — the second becomes
 * a SAVEPOINT inside the first and their statements interleave. Write transactions are therefore
 * serialized in-process here (a promise chain); one process owns the SQLite file, and the
 * serialization is its instance lock.
 */
@Injectable()
export class TransactionRunner {
  private tail: Promise<unknown> = Promise.resolve();
  readonly dialect: DatabaseKind;

  constructor(private readonly dataSource: DataSource) {
    this.dialect = databaseKind(dataSource);
  }

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const after: (() => Promise<void> | void)[] = [];
      let result: T;
      try {
        result = await this.once(async (manager, writes) => {
          const before: (() => Promise<void> | void)[] = [];
          const value = await work({
            manager,
            dialect: this.dialect,
            writes,
            afterCommit: (w) => after.push(w),
            beforeCommit: (w) => before.push(w),
          });
          // by index: a hook may register another
          for (let i = 0; i < before.length; i++) await before[i]();
          return value;
        });
      } catch (error) {
        if (!isRetryable(error) || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((r) => setTimeout(r, 5 + Math.random() * 20 * attempt));
        continue;
      }
      // committed: what follows must never re-run the unit
      for (const w of after) await w();
      return result;
    }
  }

  private once<T>(work: (manager: EntityManager, writes: WriteBatch) => Promise<T>): Promise<T> {
    if (this.dialect === 'mysql') return this.onMysql(work);
    const run = this.tail.then(() =>
      this.dataSource.transaction(async (manager) => {
        const writes = new WriteBatch(manager, this.dialect);
        const result = await work(manager, writes);
        // what waits runs before TypeORM commits, as it goes with the COMMIT on MySQL
        await writes.flush();
        return result;
      }),
    );
    // the chain continues whatever this unit's outcome; its caller sees the error
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * READ COMMITTED is made the session default once per pooled connection, instead of TypeORM's
   * `SET TRANSACTION ISOLATION LEVEL` before every `START TRANSACTION` (one statement fewer per unit).
   * The unit's waiting writes and its COMMIT go out in one packet; a statement that fails stops
   * the server before the COMMIT, and the unit rolls back.
   */
  private async onMysql<T>(work: (manager: EntityManager, writes: WriteBatch) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const connection = (await runner.connect()) as object;
      if (!this.sessionsSetUp.has(connection)) {
        await runner.query(SESSION_SETUP);
        this.sessionsSetUp.add(connection);
      }
      await runner.startTransaction();
      const writes = new WriteBatch(runner.manager, 'mysql');
      try {
        const result = await work(runner.manager, writes);
        // TypeORM does not see this COMMIT and still counts the transaction open; the runner is released below and never used again
        await writes.flushWith(COMMIT);
        return result;
      } catch (error) {
        // the unit failed: undo it, then let run() decide whether to retry
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw error;
      }
    } finally {
      await runner.release();
    }
  }

  /** Pooled mysql2 connections already given {@link SESSION_SETUP}. */
  private readonly sessionsSetUp = new WeakSet<object>();
}

const COMMIT = { text: 'COMMIT', params: [] };
