import type { EntityManager, QueryRunner } from 'typeorm';
import { QueryResult } from 'typeorm/query-runner/QueryResult';
import { sql, type SqlResult } from './table';

/** A statement waiting to go out with the next one; `then` sees its result (and may throw). */
interface Pending {
  text: string;
  params: unknown[];
  then?: (result: SqlResult) => void;
  guard?: Guard;
}

/**
 * A statement that enforces its own check: it fails with an SQL error (which stops the rest of
 * its packet, COMMIT included) exactly when its `then` would throw. The guard names that failure
 * as the error `then` would have thrown, and returns undefined for any other error.
 */
export type Guard = (driverError: unknown) => Error | undefined;

const batches = new WeakMap<QueryRunner, Pending[]>();

/**
 * Sends a MySQL transaction's statements in fewer round trips. Statements given to
 * {@link enqueue} wait, in order, and go out in one packet with the next statement the
 * transaction sends (MySQL multi-statements), whoever sends it; `START TRANSACTION` waits too.
 * `COMMIT` goes out in the packet of whatever waits when every waiting check is guarded (the
 * statement itself fails when its check would, so the server never reaches the COMMIT after it);
 * otherwise what waits is sent on its own and checked first, so a failed check (a version that
 * moved) rolls the unit back instead of committing it. A task completion thus takes two round
 * trips — start + lock + read; the writes + commit — where it took nine: every round trip costs
 * both processes a system call and a wake-up, and on a shared machine each wake-up of the
 * database may take the server's core away from it.
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

  /**
   * Sends what waits, followed by `last` if given, in one packet; runs their checks; returns the
   * last result. `commits`: `last` is the COMMIT, so a check failing after it is a fault (the unit
   * is in), never a lost race to retry.
   */
  const sendWaiting = async (last?: Pending, commits = false): Promise<unknown> => {
    const items = pending.splice(0);
    const all = last ? [...items, last] : items;
    sentAnything = true;
    let raw: unknown;
    try {
      raw = await send(
        all.map((i) => i.text).join(';\n'),
        all.flatMap((i) => i.params),
        false,
      );
    } catch (error) {
      // the server stopped at the failed statement; a guarded check's failure is the error it names
      for (const item of items) {
        const named = item.guard?.(error);
        if (named) throw named;
      }
      throw error;
    }
    const results = all.length === 1 ? [raw] : (raw as unknown[]);
    try {
      items.forEach((item, k) => item.then?.(toSqlResult(results[k])));
    } catch (error) {
      if (commits) throw new Error(`a check failed after its unit committed: ${(error as Error).message}`);
      throw error;
    }
    return results[all.length - 1];
  };

  runner.query = (async (text: string, params?: unknown[], structured: boolean = false) => {
    if (text === 'START TRANSACTION') {
      pending.push({ text, params: [] });
      return structured ? new QueryResult() : undefined;
    }
    if (text === 'COMMIT' || text === 'ROLLBACK') {
      const none = structured ? new QueryResult() : undefined;
      // a unit that has sent nothing ends without a word when it rolls back or has nothing to write
      if (!sentAnything && (text === 'ROLLBACK' || pending.every((p) => p.text === 'START TRANSACTION'))) {
        pending.splice(0);
        return none;
      }
      if (text === 'ROLLBACK') {
        pending.splice(0);
        return send(text, params, structured);
      }
      if (pending.length && pending.every((p) => !p.then || p.guard)) {
        await sendWaiting({ text, params: [] }, true);
        return none;
      }
      // a check the statement does not enforce itself is run before COMMIT, so its failure still rolls back
      if (pending.length) await sendWaiting();
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

/** Whether the manager's transaction queues statements ({@link batchStatements}: MySQL units). */
export function isBatched(m: EntityManager): boolean {
  return !!m.queryRunner && batches.has(m.queryRunner);
}

/**
 * Runs a statement now, or — in a transaction set up by {@link batchStatements} — queues it to go
 * out with the next one. `then` gets its result either way (a check that throws aborts the unit).
 */
export async function enqueue(
  m: EntityManager,
  text: string,
  params: unknown[],
  then?: (result: SqlResult) => void,
  guard?: Guard,
): Promise<void> {
  const pending = m.queryRunner ? batches.get(m.queryRunner) : undefined;
  if (pending) {
    pending.push({ text, params, then, guard });
    return;
  }
  const result = await sql(m, text, params);
  then?.(result);
}

function toSqlResult(raw: unknown): SqlResult {
  if (Array.isArray(raw)) return { records: raw as Record<string, unknown>[], affected: 0 };
  return { records: [], affected: (raw as { affectedRows?: number } | null)?.affectedRows ?? 0 };
}
