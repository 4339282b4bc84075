import { evaluate as evaluateFeel } from 'feelin';
import { compileFeelRegex, regexMatches, regexReplace, regexSplit } from './feel-regex';

/**
 * The step budget of one FEEL evaluation. feelin runs synchronously and cannot be interrupted,
 * so the budget is charged from inside it: every iteration of for/some/every, every element a
 * filter tests and every context literal builds a new evaluation context from the root context,
 * which reads the root's STEP getter; every built-in the expression calls is wrapped and charged
 * for the size of its arguments and result. Over budget, the charge throws FeelAbort out
 * of feelin and the evaluation fails (an incident) instead of running on.
 */
export const FEEL_BUDGET = {
  /** Iterations (for/some/every/filter elements, context literals) per evaluation. */
  maxIterations: 10_000,
  /** Work units (1 per value, 1 per 32 characters) read and produced by built-ins per evaluation. */
  maxWork: 2_000_000,
  /** Largest single argument or result of a built-in, in work units. */
  maxValue: 200_000,
} as const;

/** Stops an evaluation from inside feelin: over budget, or a pattern RE2 cannot run. */
export class FeelAbort extends Error {}

class Budget {
  iterations = 0;
  work = 0;
}

// Evaluations are synchronous and never nested, so the one running owns this slot.
let active: Budget | null = null;

const STEP = Symbol('feel-step');

const STEP_GETTER: PropertyDescriptor = {
  enumerable: true,
  get(): undefined {
    if (active && ++active.iterations > FEEL_BUDGET.maxIterations) {
      throw new FeelAbort(`more than ${FEEL_BUDGET.maxIterations} iteration steps`);
    }
    return undefined;
  },
};

// The root's prototype: not Object.prototype, so feelin uses the root as given instead of copying
// it; not null either, which would make V8 keep the root as a (slow to copy) dictionary.
const ROOT_PROTO: object = Object.freeze(Object.create(null) as object);

type Builtin = ((...args: unknown[]) => unknown) & { $args?: string[] };

/** The budgeted built-ins one expression reads, by name. */
export type FeelBuiltins = ReadonlyMap<string, Builtin>;

/**
 * Runs feelin over `variables` and the budgeted versions of the built-ins `names` refers to.
 * feelin copies the root context (Object.assign) for each iteration; an own enumerable getter
 * keyed by a symbol is invisible to FEEL names but read on every such copy.
 */
export function evaluateWithBudget(body: string, variables: Record<string, unknown>, builtins: FeelBuiltins): unknown {
  const root = Object.create(ROOT_PROTO) as Record<string | symbol, unknown>;
  Object.defineProperty(root, STEP, STEP_GETTER);
  for (const [name, fn] of builtins) root[name] = fn;
  Object.assign(root, variables);
  const previous = active;
  active = new Budget();
  try {
    return evaluateFeel(body, root).value;
  } finally {
    active = previous;
  }
}

const wrapped = new Map<string, Builtin | null>();
const WRAP_CACHE_SIZE = 2000;

/** The budgeted built-in for a name the expression reads, or null when the name is no built-in. */
export function budgetedBuiltin(name: string): Builtin | null {
  const hit = wrapped.get(name);
  if (hit !== undefined) return hit;
  const result = createBudgeted(name);
  if (wrapped.size >= WRAP_CACHE_SIZE) wrapped.delete(wrapped.keys().next().value as string);
  wrapped.set(name, result);
  return result;
}

function createBudgeted(name: string): Builtin | null {
  const original = REGEX_BUILTINS[name] ?? feelinBuiltin(name);
  if (!original) return null;
  const fn: Builtin = (...args: unknown[]) => {
    for (const arg of args) charge(arg);
    const result = original(...args);
    charge(result);
    return result;
  };
  fn.$args = original.$args;
  return fn;
}

function feelinBuiltin(name: string): Builtin | null {
  try {
    const value: unknown = evaluateFeel(name, {}).value;
    return typeof value === 'function' ? (value as Builtin) : null;
  } catch {
    return null; // not an expression on its own (a keyword such as `not` is a function anyway)
  }
}

function charge(value: unknown): void {
  if (!active) return;
  const units = measure(value, Math.min(FEEL_BUDGET.maxValue, FEEL_BUDGET.maxWork - active.work));
  active.work += units;
}

// Size in work units, walking at most `limit` units: a shared sub-list counts each time it is
// reached, so a list that repeats itself cannot hide its size.
function measure(value: unknown, limit: number): number {
  let units = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    units += 1;
    if (typeof item === 'string') units += item.length >> 5;
    else if (Array.isArray(item)) for (let i = item.length - 1; i >= 0; i--) pending.push(item[i]);
    else if (item !== null && typeof item === 'object' && Object.getPrototypeOf(item) === Object.prototype) {
      for (const key of Object.keys(item)) pending.push((item as Record<string, unknown>)[key]);
    }
    if (units > limit) throw new FeelAbort(overBudget(limit));
  }
  return units;
}

function overBudget(limit: number): string {
  return limit < FEEL_BUDGET.maxValue
    ? `built-ins read and wrote more than ${FEEL_BUDGET.maxWork} values`
    : `a built-in's argument or result is larger than ${FEEL_BUDGET.maxValue} values`;
}

function builtin(parameters: string[], run: (...args: unknown[]) => unknown): Builtin {
  const fn = run as Builtin;
  fn.$args = parameters;
  return fn;
}

function regex(name: string, pattern: string, flags: string) {
  const result = compileFeelRegex(pattern, flags);
  if (!result.ok) throw new FeelAbort(`${name}(): ${result.error}`);
  return result.regex;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isFlags = (value: unknown): value is string | null | undefined => value == null || typeof value === 'string';

// feelin's own matches/replace/split compile the pattern into a backtracking RegExp; these run
// on RE2 and keep feelin's answers (null for arguments of the wrong type).
const REGEX_BUILTINS: Readonly<Record<string, Builtin>> = {
  matches: builtin(['input', 'pattern', 'flags'], (input, pattern, flags) =>
    isText(input) && isText(pattern) && isFlags(flags) ? regexMatches(regex('matches', pattern, flags ?? ''), input) : null,
  ),
  replace: builtin(['input', 'pattern', 'replacement', 'flags'], (input, pattern, replacement, flags) =>
    isText(input) && isText(pattern) && isText(replacement) && isFlags(flags)
      ? regexReplace(regex('replace', pattern, flags ?? ''), input, replacement)
      : null,
  ),
  split: builtin(['string', 'delimiter'], (input, delimiter) =>
    isText(input) && isText(delimiter) ? regexSplit(regex('split', delimiter, ''), input) : null,
  ),
};
