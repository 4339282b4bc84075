import { decideDialect } from './dialect';
import {
  DEFAULT_BUDGET_MS,
  DEFAULT_MAX_LENGTH,
  type EvalResult,
  type ExpressionEvaluator,
  type ExpressionEvaluatorOptions,
  type ParsedExpression,
  type ParseResult,
} from './expression.types';
import { checkFeel, normalizeName } from './feel-guard';
import { budgetedBuiltin, type FeelBuiltins } from './feel-budget';
import { runFeel } from './feel-evaluator';
import { evaluateJuel, JuelEvaluationError } from './juel-evaluator';
import { type JuelNode, parseJuel } from './juel-parser';
import { DataLimitError, INPUT_LIMITS, toPlainVariables } from './plain-data';

type Compiled =
  // constant: the value of a literal (`5`, `2.5`, `true`, `false`, `null`), known without feelin
  | { dialect: 'feel'; variables: ReadonlySet<string>; builtins: FeelBuiltins; constant?: { value: number | boolean | null } }
  | { dialect: 'juel'; ast: JuelNode; variables: ReadonlySet<string> };

type CompileResult = { ok: true; compiled: Compiled } | { ok: false; error: string };

// Memoisation only: compiled forms are pure functions of the text, so sharing them is safe.
const CACHE_SIZE = 1000;
const cache = new Map<string, CompileResult>();

/**
 * Parses a condition or expression from a model. `${…}`/`#{…}` is JUEL, a leading `=` or plain
 * text is FEEL; `language` (the BPMN attribute) overrides detection, and any language other than
 * FEEL or JUEL (JavaScript, Groovy, XPath …) is rejected: nothing from a model runs as a script.
 */
export function parseExpression(source: string, options?: { language?: string }): ParseResult {
  if (typeof source !== 'string') return { ok: false, error: 'expression must be a string' };
  if (source.length > DEFAULT_MAX_LENGTH) {
    return { ok: false, error: `expression longer than ${DEFAULT_MAX_LENGTH} characters` };
  }
  const decision = decideDialect(source, options?.language);
  if (!decision.ok) return decision;
  const compiled = compile(decision.dialect, decision.body);
  if (!compiled.ok) return compiled;
  return { ok: true, expression: { source, dialect: decision.dialect, body: decision.body } };
}

/**
 * Creates the evaluator the engine receives through its `env`. It copies the referenced variables
 * into plain data, evaluates, and reports every failure as `{ ok: false }`; it never throws for
 * anything a model or its data contains. Results are plain data (FEEL dates and durations as ISO
 * strings). A missing variable is null in FEEL (as in Zeebe) but an error "unknown variable x"
 * in JUEL (as Camunda's PropertyNotFoundException).
 */
export function createExpressionEvaluator(options: ExpressionEvaluatorOptions = {}): ExpressionEvaluator {
  const maxLength = options.maxLength ?? DEFAULT_MAX_LENGTH;
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const now = options.now;
  return {
    evaluate(expr, variables) {
      const started = now?.();
      const result = evaluateOnce(expr, variables, maxLength);
      if (started !== undefined && now) {
        const elapsed = now() - started;
        if (elapsed > budgetMs) {
          return { ok: false, error: `expression took ${Math.round(elapsed)} ms, over the budget of ${budgetMs} ms` };
        }
      }
      return result;
    },
  };
}

function evaluateOnce(expr: ParsedExpression, variables: Readonly<Record<string, unknown>>, maxLength: number): EvalResult {
  if (!expr || typeof expr.body !== 'string' || (expr.dialect !== 'feel' && expr.dialect !== 'juel')) {
    return { ok: false, error: 'not a parsed expression' };
  }
  if (expr.body.length > maxLength) return { ok: false, error: `expression longer than ${maxLength} characters` };
  const compiled = compile(expr.dialect, expr.body);
  if (!compiled.ok) return compiled;
  if (compiled.compiled.dialect === 'feel' && compiled.compiled.constant) return { ok: true, value: compiled.compiled.constant.value };
  try {
    const referenced = compiled.compiled.variables;
    // Only names the expression reads are copied. For FEEL this also matters for safety: feelin
    // parses names with spaces against the context, so an unreferenced key such as "a for b"
    // could otherwise regroup the text into a form the guard never saw.
    const plain = toPlainVariables(variables ?? {}, (name) => referenced.has(normalizeName(name)), INPUT_LIMITS);
    if (compiled.compiled.dialect === 'juel') {
      return { ok: true, value: evaluateJuel(compiled.compiled.ast, plain) };
    }
    return runFeel(expr.body, plain, compiled.compiled.builtins);
  } catch (error) {
    // the three expected failures of evaluating a model's expression over its data
    if (error instanceof JuelEvaluationError) return { ok: false, error: error.message };
    if (error instanceof DataLimitError) return { ok: false, error: `data too large to evaluate: ${error.message}` };
    if (error instanceof RangeError) return { ok: false, error: 'expression too complex to evaluate' };
    throw error;
  }
}

function compile(dialect: 'feel' | 'juel', body: string): CompileResult {
  const key = `${dialect}:${body}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = dialect === 'juel' ? compileJuel(body) : compileFeel(body);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}

function compileJuel(body: string): CompileResult {
  const parsed = parseJuel(body);
  if (!parsed.ok) return parsed;
  return { ok: true, compiled: { dialect: 'juel', ast: parsed.ast, variables: new Set(parsed.variables) } };
}

// FEEL literals that read no variable: a loop cardinality such as `5` is the common case, and
// feelin would parse the text again on every evaluation (its parse depends on the variables).
const FEEL_NUMBER = /^\d+(\.\d+)?$/;
const FEEL_KEYWORDS: Readonly<Record<string, boolean | null>> = { true: true, false: false, null: null };

function compileFeel(body: string): CompileResult {
  const checked = checkFeel(body);
  if (!checked.ok) return checked;
  const text = body.trim();
  let constant: { value: number | boolean | null } | undefined;
  if (FEEL_NUMBER.test(text) && text.length <= 15) constant = { value: Number(text) };
  else if (Object.prototype.hasOwnProperty.call(FEEL_KEYWORDS, text)) constant = { value: FEEL_KEYWORDS[text] };
  // every built-in the text names runs budgeted (and matches/replace/split on RE2)
  const builtins = new Map<string, NonNullable<ReturnType<typeof budgetedBuiltin>>>();
  for (const name of constant ? [] : checked.variables) {
    const fn = budgetedBuiltin(name);
    if (fn) builtins.set(name, fn);
  }
  return { ok: true, compiled: { dialect: 'feel', variables: checked.variables, builtins, ...(constant ? { constant } : {}) } };
}
