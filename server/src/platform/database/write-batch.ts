import type { EntityManager } from 'typeorm';
import type { DatabaseKind } from './data-source';
import { sql, type SqlResult } from './table';

/** One SQL statement with its positional `?` parameters (values in the driver's form). */
export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * The writes of a unit of work that the unit does not read back: they wait here, in the order
 * they were added, until the unit sends them — with its COMMIT (TransactionRunner), or ahead of a
 * read that must see them ({@link flushWith}: the instance lock does so). On MySQL they go out in
 * one packet with what follows them (multi-statements, data-source.ts), so a task completion
 * takes three round trips — START; lock + read; writes + COMMIT — instead of one per statement:
 * every round trip costs both processes a system call and a wake-up. On SQLite they run one after
 * another, at the same moments, so both targets see the same order.
 *
 * Nothing here checks a result: whoever adds a statement knows it will touch its rows, because
 * the unit holds the instance's row lock (one writer per instance). A statement that fails stops
 * the packet there — on MySQL the COMMIT after it never runs — and the unit rolls back.
 */
export class WriteBatch {
  private waiting: Statement[] = [];

  constructor(
    private readonly manager: EntityManager,
    private readonly dialect: DatabaseKind,
  ) {}

  /** Adds a write; it is sent with the unit's next flush (at the latest, with its COMMIT). */
  add(text: string, params: unknown[]): void {
    this.waiting.push({ text, params });
  }

  /** Sends what waits now: the unit goes on to read what it wrote. */
  async flush(): Promise<void> {
    await this.flushWith();
  }

  /**
   * Sends what waits, then `next`, in one round trip on MySQL (in order on SQLite); returns the
   * results of `next`, one per statement. The batch is empty afterwards, also when a statement failed.
   */
  async flushWith(...next: Statement[]): Promise<SqlResult[]> {
    const all = [...this.waiting.splice(0), ...next];
    if (this.dialect !== 'mysql' || all.length <= 1) {
      const results: SqlResult[] = [];
      for (const s of all) results.push(await sql(this.manager, s.text, s.params));
      return results.slice(all.length - next.length);
    }
    // several statements in one packet: mysql2 answers with one result per statement
    const raw = (await this.manager.query(
      all.map((s) => s.text).join(';\n'),
      all.flatMap((s) => s.params),
    )) as unknown[];
    return raw.slice(all.length - next.length).map(toSqlResult);
  }
}

function toSqlResult(raw: unknown): SqlResult {
  if (Array.isArray(raw)) return { records: raw as Record<string, unknown>[], affected: 0 };
  return { records: [], affected: (raw as { affectedRows?: number } | null)?.affectedRows ?? 0 };
}
