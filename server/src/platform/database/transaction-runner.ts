import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { databaseKind, type DatabaseKind } from './data-source';
import { driverErrorOf } from './driver-error';
import { batchStatements } from './statement-batch';

/** A lost optimistic race (`UPDATE … WHERE version = ?` touched no row): the whole unit is retried. */
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
  afterCommit(work: () => Promise<void> | void): void;
}

const MAX_ATTEMPTS = 6;
/** What every pooled MySQL connection that runs units is set to once (one packet). */
const SESSION_SETUP =
  "SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;\nSET SESSION sql_mode = IF(@@SESSION.sql_mode = '', 'STRICT_TRANS_TABLES', CONCAT(@@SESSION.sql_mode, ',STRICT_TRANS_TABLES'))";
/** MySQL errors after which InnoDB advises re-issuing the transaction: deadlock, lock wait timeout. */
const RETRYABLE_ERRNOS = new Set([1213, 1205]);

function isRetryable(error: unknown): boolean {
  if (error instanceof ConcurrencyConflict) return true;
  const { errno } = driverErrorOf(error);
  return errno !== undefined && RETRYABLE_ERRNOS.has(errno);
}

/**
 * One unit of work = one transaction at READ COMMITTED, retried (bounded, with jitter) when it
 * lost a race, so a conflict never reaches the user as a 5xx.
 *
 * SQLite: TypeORM's better-sqlite3 driver shares ONE query runner for the whole data source, so
 * two concurrent `dataSource.transaction()` calls do not isolate each other — the second becomes
 * a SAVEPOINT inside the first and their statements interleave. Write transactions are therefore
 * serialized in-process here (a promise chain); one process owns the SQLite file.
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
        result = await this.once((manager) => work({ manager, dialect: this.dialect, afterCommit: (w) => after.push(w) }));
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

  private once<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (this.dialect === 'mysql') return this.onMysql(work);
    const run = this.tail.then(() => this.dataSource.transaction(work));
    // the chain continues whatever this unit's outcome; its caller sees the error
    this.tail = run.catch(() => undefined);
    return run;
  }

  /**
   * READ COMMITTED is made the session default once per pooled connection, instead of TypeORM's
   * `SET TRANSACTION ISOLATION LEVEL` before every `START TRANSACTION` (one statement fewer per unit);
   * so is strict mode, whatever the server's default, which the statements that check themselves
   * rely on (a NULL into a NOT NULL column must fail, not become 0: instance.repository.ts).
   */
  private async onMysql<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    try {
      const connection = (await runner.connect()) as object;
      if (!this.sessionsSetUp.has(connection)) {
        await runner.query(SESSION_SETUP);
        this.sessionsSetUp.add(connection);
      }
      batchStatements(runner);
      await runner.startTransaction();
      try {
        const result = await work(runner.manager);
        await runner.commitTransaction();
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
