import type { EntityManager, QueryRunner } from 'typeorm';
import { QueryResult } from 'typeorm/query-runner/QueryResult';
import { sql, type SqlResult } from './table';

/** A statement waiting to go out with the next one; `then` sees its result (and may throw). */
interface Pending {
  text: string;
  params: unknown[];
  then?: (result: SqlResult) => void;
}

const batches = new WeakMap<QueryRunner, Pending[]>();

/**
 * Sends a MySQL transaction's statements in fewer round trips. Statements given to
 * {@link enqueue} wait, in order, and go out in one packet with the next statement the
 * transaction sends (MySQL multi-statements), whoever sends it; `START TRANSACTION` waits too.
 * Before `COMMIT` whatever waits is sent on its own and checked, so a failed check (a version
 * that moved) rolls the unit back instead of committing it. A task completion thus takes three
 * round trips — start + lock + read; the writes; commit — where it took nine: every round trip
 * costs both processes a system call and a wake-up, which was a third of the server's CPU.
 *
 * The order of statements is exactly the order they were issued in; only the packets change.
 * The connection must allow multi-statements (data-source.ts); every value in them is bound by
 * the driver's escaping, as in single statements.
 */
export function batchStatements(runner: QueryRunner): void {
  const pending: Pending[] = [];
  batches.set(runner, pending);
  // whether any statement reached the server: a unit that sent nothing has nothing to end
  let sentAnything = false;
  const send = runner.query.bind(runner) as (text: string, params?: unknown[], structured?: boolean) => Promise<unknown>;

  /** Sends what waits, followed by `last` if given, in one packet; runs their checks; returns the last result. */
  const sendWaiting = async (last?: Pending): Promise<unknown> => {
    const items = pending.splice(0);
    const all = last ? [...items, last] : items;
    sentAnything = true;
    const raw = await send(all.map((i) => i.text).join(';\n'), all.flatMap((i) => i.params), false);
    const results = all.length === 1 ? [raw] : (raw as unknown[]);
    items.forEach((item, k) => item.then?.(toSqlResult(results[k])));
    return results[all.length - 1];
  };

  runner.query = (async (text: string, params?: unknown[], structured: boolean = false) => {
    if (text === 'START TRANSACTION') {
      pending.push({ text, params: [] });
      return structured ? new QueryResult() : undefined;
    }
    if (text === 'COMMIT' || text === 'ROLLBACK') {
      // before COMMIT what waits is sent on its own, so that a failed check still rolls back
      if (text === 'COMMIT' && pending.length) await sendWaiting();
      else pending.splice(0);
      if (!sentAnything) return structured ? new QueryResult() : undefined;
      return send(text, params, structured);
    }
    if (!pending.length) {
      sentAnything = true;
      return send(text, params, structured);
    }
    const last = await sendWaiting({ text, params: params ?? [] });
    if (!structured) return last;
    const result = new QueryResult();
    result.raw = last;
    result.records = Array.isArray(last) ? last : [];
    const affected = (last as { affectedRows?: number } | null)?.affectedRows;
    if (affected !== undefined) result.affected = affected;
    return result;
  }) as QueryRunner['query'];
}

/**
 * Runs a statement now, or — in a transaction set up by {@link batchStatements} — queues it to go
 * out with the next one. `then` gets its result either way (a check that throws aborts the unit).
 */
export async function enqueue(m: EntityManager, text: string, params: unknown[], then?: (result: SqlResult) => void): Promise<void> {
  const pending = m.queryRunner ? batches.get(m.queryRunner) : undefined;
  if (pending) {
    pending.push({ text, params, then });
    return;
  }
  const result = await sql(m, text, params);
  then?.(result);
}

function toSqlResult(raw: unknown): SqlResult {
  if (Array.isArray(raw)) return { records: raw as Record<string, unknown>[], affected: 0 };
  return { records: [], affected: (raw as { affectedRows?: number } | null)?.affectedRows ?? 0 };
}
