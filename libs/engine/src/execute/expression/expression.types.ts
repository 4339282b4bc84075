/** The two expression languages the engine evaluates. */
export type ExpressionDialect = 'feel' | 'juel';

/**
 * A parsed expression. Plain JSON: `body` is the text handed to the dialect's parser (without
 * the `=` prefix or the `${…}` wrapper), so a deserialised value re-compiles cheaply.
 */
export interface ParsedExpression {
  readonly source: string;
  readonly dialect: ExpressionDialect;
  readonly body: string;
}

export type ParseResult = { ok: true; expression: ParsedExpression } | { ok: false; error: string };

export type EvalResult = { ok: true; value: unknown } | { ok: false; error: string };

/** Evaluates parsed expressions over plain process data. Never throws for bad input. */
export interface ExpressionEvaluator {
  evaluate(expr: ParsedExpression, variables: Readonly<Record<string, unknown>>): EvalResult;
}

export interface ExpressionEvaluatorOptions {
  /** Longest source accepted, in UTF-16 units. Default 4000. */
  maxLength?: number;
  /** Evaluations measured (through `now`) above this many milliseconds are reported as errors. Default 100. */
  budgetMs?: number;
  /** Monotonic clock in milliseconds, injected by the host; the engine never reads a clock itself. */
  now?: () => number;
}

export const DEFAULT_MAX_LENGTH = 4000;
export const DEFAULT_BUDGET_MS = 100;
