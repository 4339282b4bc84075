import { evaluate as evaluateFeel, parseExpression as parseFeelTree } from 'feelin';
import { compileFeelRegex } from './feel-regex';

/** Structural limits that keep a synchronous feelin evaluation bounded (it cannot be interrupted). */
export const FEEL_LIMITS = {
  maxTreeDepth: 256,
  maxParenDepth: 64,
  /** for/some/every/filter nested inside one another: 1 keeps the work linear in the data size. */
  maxIterationDepth: 1,
  maxRangeSize: 1000,
} as const;

export type FeelCheck = { ok: true; variables: Set<string> } | { ok: false; error: string };

// Functions that read the host's wall clock: a replayed instance must see the same values.
const CLOCK_FUNCTIONS = new Set(['now', 'today']);
// Built-ins whose cost does not grow with the size of their arguments; any other built-in called
// inside for/some/every multiplies its work by the iteration count unless it only reads the
// iteration variables (whose total size is the data size).
const CONSTANT_TIME_FUNCTIONS = new Set([
  'not',
  'count',
  'abs',
  'floor',
  'ceiling',
  'decimal',
  'round up',
  'round down',
  'round half up',
  'round half down',
  'modulo',
  'sqrt',
  'log',
  'exp',
  'odd',
  'even',
  'is',
  'day of year',
  'day of week',
  'month of year',
  'week of year',
  'before',
  'after',
  'meets',
  'met by',
  'overlaps',
  'overlaps before',
  'overlaps after',
  'finishes',
  'finished by',
  'includes',
  'during',
  'starts',
  'started by',
  'coincides',
]);
// Functions whose second argument is a regular expression (run on RE2, see feel-regex.ts).
const REGEX_FUNCTIONS = new Set(['matches', 'replace', 'split']);

class FeelGuardError extends Error {}

interface SyntaxNodeLike {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly type: { readonly isError: boolean };
  readonly firstChild: SyntaxNodeLike | null;
  readonly nextSibling: SyntaxNodeLike | null;
}

interface Walk {
  readonly text: string;
  readonly variables: Set<string>;
}

/** Parses FEEL with feelin's grammar and rejects everything whose cost or effect is unbounded. */
export function checkFeel(text: string): FeelCheck {
  if (text.trim() === '') return { ok: false, error: 'invalid FEEL: empty expression' };
  const walk: Walk = { text, variables: new Set() };
  if (bracketDepth(text) > FEEL_LIMITS.maxParenDepth) {
    return { ok: false, error: `invalid FEEL: brackets nested deeper than ${FEEL_LIMITS.maxParenDepth} levels` };
  }
  try {
    const tree = parseFeelTree(text, {}, undefined);
    visit(tree.topNode as unknown as SyntaxNodeLike, walk, { depth: 0, parens: 0, iteration: 0, bound: new Set() });
  } catch (error) {
    // our own verdicts become parse errors; feelin's parser reports bad input by throwing too
    if (error instanceof FeelGuardError) return { ok: false, error: `invalid FEEL: ${error.message}` };
    return { ok: false, error: `invalid FEEL: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, variables: walk.variables };
}

// A linear pre-scan, so that absurd nesting is refused before feelin's parser spends time on it.
function bracketDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === '"') quote = false;
    } else if (ch === '"') {
      quote = true;
    } else if (ch === '(' || ch === '[' || ch === '{') {
      max = Math.max(max, ++depth);
    } else if (ch === ')' || ch === ']' || ch === '}') {
      depth--;
    }
  }
  return max;
}

/** feelin treats runs of whitespace inside a name as one space. */
export function normalizeName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

interface Level {
  depth: number;
  parens: number;
  iteration: number;
  /** Names bound by the enclosing for/some/every; 'any' inside a filter, whose names are the item's. */
  bound: ReadonlySet<string> | 'any';
  /** Enclosing context literals, innermost last. */
  contexts?: readonly ContextScope[];
}

/** The entries of a context literal seen so far and how often later entries read them. */
interface ContextScope {
  readonly iteration: number;
  readonly keys: Map<string, { literal: boolean; reads: number }>;
}

function visit(node: SyntaxNodeLike, walk: Walk, level: Level): void {
  if (level.depth > FEEL_LIMITS.maxTreeDepth) throw new FeelGuardError('expression nested too deeply');
  if (node.type.isError) {
    throw new FeelGuardError(
      node.from >= walk.text.length
        ? 'incomplete expression'
        : `unexpected input at ${node.from}: '${walk.text.slice(node.from, node.from + 20)}'`,
    );
  }
  const inner = { ...level, depth: level.depth + 1 };
  switch (node.name) {
    case 'FunctionDefinition':
      throw new FeelGuardError(`function definitions are not supported (at ${node.from})`);
    case 'ParenthesizedExpression':
      if (level.parens + 1 > FEEL_LIMITS.maxParenDepth) {
        throw new FeelGuardError(`parentheses nested deeper than ${FEEL_LIMITS.maxParenDepth} levels`);
      }
      return visitChildren(node, walk, { ...inner, parens: level.parens + 1 });
    case 'VariableName':
      walk.variables.add(normalizeName(walk.text.slice(node.from, node.to)));
      countContextRead(normalizeName(walk.text.slice(node.from, node.to)), level, node.from);
      return visitChildren(node, walk, inner);
    case 'Context':
      return visitContext(node, walk, inner);
    case 'FunctionInvocation':
      checkInvocation(node, walk, level);
      return visitChildren(node, walk, inner);
    case 'ForExpression':
    case 'QuantifiedExpression':
      return visitIteration(node, walk, inner);
    case 'FilterExpression':
      return visitFilter(node, walk, inner);
    default:
      return visitChildren(node, walk, inner);
  }
}

// A context entry that reads an earlier one twice doubles it: `{a: l, b: [a, a], c: [b, b], …}`
// builds a value exponentially larger than the text, which comparing or printing then walks.
// So an entry may be read once (never inside an iteration, which reads it once per element),
// unless its value is a literal such as a number or a string.
function visitContext(node: SyntaxNodeLike, walk: Walk, level: Level): void {
  const scope: ContextScope = { iteration: level.iteration, keys: new Map() };
  const contexts = [...(level.contexts ?? []), scope];
  for (const entry of children(node)) {
    if (entry.name !== 'ContextEntry') {
      visit(entry, walk, level);
      continue;
    }
    const [key, value] = children(entry);
    if (value) visit(value, walk, { ...level, contexts });
    if (key) scope.keys.set(contextKey(key, walk), { literal: !!value && LITERALS.has(value.name), reads: 0 });
  }
}

const LITERALS = new Set(['NumericLiteral', 'StringLiteral', 'BooleanLiteral', 'nil']);

function contextKey(key: SyntaxNodeLike, walk: Walk): string {
  const text = walk.text.slice(key.from, key.to);
  const literal = key.firstChild?.name === 'StringLiteral' ? (evaluateFeel(text, {}).value as unknown) : undefined;
  return typeof literal === 'string' ? literal : normalizeName(text);
}

function countContextRead(name: string, level: Level, at: number): void {
  const contexts = level.contexts ?? [];
  for (let i = contexts.length - 1; i >= 0; i--) {
    const entry = contexts[i].keys.get(name);
    if (!entry) continue;
    if (entry.literal) return;
    entry.reads += level.iteration > contexts[i].iteration ? 2 : 1;
    if (entry.reads > 1) {
      throw new FeelGuardError(`context entry '${name}' is read more than once (at ${at}); read it once or compute it outside`);
    }
    return;
  }
}

function visitChildren(node: SyntaxNodeLike, walk: Walk, level: Level): void {
  for (let child = node.firstChild; child; child = child.nextSibling) visit(child, walk, level);
}

function children(node: SyntaxNodeLike): SyntaxNodeLike[] {
  const out: SyntaxNodeLike[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

// `for a in xs, b in ys return …` runs its body once per combination: each InExpression is a level.
function visitIteration(node: SyntaxNodeLike, walk: Walk, level: Level): void {
  let iteration = level.iteration;
  let bound = level.bound;
  for (const child of children(node)) {
    if (child.name === 'InExpressions') {
      for (const inExpression of children(child)) {
        if (inExpression.name !== 'InExpression') {
          visit(inExpression, walk, level);
          continue;
        }
        for (const part of children(inExpression)) {
          if (part.name === 'IterationContext') checkRange(part, walk);
          visit(part, walk, { ...level, iteration, bound });
          if (part.name === 'Name' && bound !== 'any') {
            bound = new Set([...bound, normalizeName(walk.text.slice(part.from, part.to))]);
          }
        }
        iteration++;
        if (iteration > FEEL_LIMITS.maxIterationDepth) {
          throw new FeelGuardError(`iterations nested more than ${FEEL_LIMITS.maxIterationDepth} deep (at ${inExpression.from})`);
        }
      }
    } else {
      visit(child, walk, { ...level, iteration, bound });
    }
  }
}

function visitFilter(node: SyntaxNodeLike, walk: Walk, level: Level): void {
  const [target, ...rest] = children(node);
  if (target) visit(target, walk, level);
  // `list[2]` and `list[-1]` pick one element; only a condition runs once per element
  const picked = rest.find((part) => part.name !== '[' && part.name !== ']');
  if (picked && /^-?\s*\d+$/.test(walk.text.slice(picked.from, picked.to))) return;
  const iteration = level.iteration + 1;
  if (iteration > FEEL_LIMITS.maxIterationDepth) {
    throw new FeelGuardError(`iterations nested more than ${FEEL_LIMITS.maxIterationDepth} deep (at ${node.from})`);
  }
  for (const part of rest) visit(part, walk, { ...level, iteration, bound: 'any' });
}

// feelin materialises a range it iterates, and loops forever on a fractional one (1..1.5):
// only small ranges between integer literals may be iterated.
function checkRange(context: SyntaxNodeLike, walk: Walk): void {
  let parts = children(context);
  const unaryTest = parts.length === 1 && /UnaryTest$/.test(parts[0].name) ? children(parts[0]) : null;
  if (unaryTest && unaryTest.length === 1 && unaryTest[0].name === 'Interval') parts = children(unaryTest[0]);
  const rangeOperator = parts.findIndex((part) => walk.text.slice(part.from, part.to) === '..');
  if (rangeOperator < 0) return;
  const bounds = [parts[rangeOperator - 1], parts[rangeOperator + 1]].map((part) => {
    const literal = part?.name === 'NumericLiteral' ? Number(walk.text.slice(part.from, part.to)) : NaN;
    if (!Number.isSafeInteger(literal)) {
      throw new FeelGuardError(`an iterated range needs integer literal bounds (at ${context.from})`);
    }
    return literal;
  });
  if (Math.abs(bounds[1] - bounds[0]) + 1 > FEEL_LIMITS.maxRangeSize) {
    throw new FeelGuardError(`an iterated range may have at most ${FEEL_LIMITS.maxRangeSize} elements (at ${context.from})`);
  }
}

function checkInvocation(node: SyntaxNodeLike, walk: Walk, level: Level): void {
  const [callee, ...rest] = children(node);
  const name = callee ? normalizeName(walk.text.slice(callee.from, callee.to)) : '';
  if (CLOCK_FUNCTIONS.has(name)) {
    throw new FeelGuardError(`${name}() reads the wall clock; pass the time in a variable instead`);
  }
  const bound = level.bound;
  if (level.iteration > 0 && bound !== 'any' && !CONSTANT_TIME_FUNCTIONS.has(name)) {
    const outside = rest.flatMap((part) => argumentNames(part, walk)).find((arg) => !bound.has(arg));
    if (outside !== undefined) {
      throw new FeelGuardError(`${name}() inside for/some/every may only read the iteration variables, not '${outside}' (at ${node.from})`);
    }
  }
  if (!REGEX_FUNCTIONS.has(name)) return;
  // a literal pattern is compiled now, so a model whose pattern RE2 cannot run is refused at deploy;
  // any other pattern is compiled when the expression runs
  const parameters = rest.find((part) => part.name === 'PositionalParameters');
  const args = parameters ? children(parameters).filter((part) => part.name !== ',' && part.name !== '(' && part.name !== ')') : [];
  const pattern = literalString(args[1], walk);
  const flagsAt = name === 'matches' ? 2 : name === 'replace' ? 3 : -1;
  const flags = flagsAt < 0 || args[flagsAt] === undefined ? '' : literalString(args[flagsAt], walk);
  if (pattern === undefined || flags === undefined) return;
  const compiled = compileFeelRegex(pattern, flags);
  if (!compiled.ok) throw new FeelGuardError(`${name}() ${compiled.error} (at ${node.from})`);
}

function literalString(node: SyntaxNodeLike | undefined, walk: Walk): string | undefined {
  if (node?.name !== 'StringLiteral') return undefined;
  const value: unknown = evaluateFeel(walk.text.slice(node.from, node.to), {}).value;
  return typeof value === 'string' ? value : undefined;
}

// Variable names whose values reach a call's arguments. Function names are not read, and a
// constant-time built-in (count, abs …) turns any argument into a small value.
function argumentNames(node: SyntaxNodeLike, walk: Walk): string[] {
  if (node.name === 'VariableName') return [normalizeName(walk.text.slice(node.from, node.to))];
  const parts = children(node);
  if (node.name === 'FunctionInvocation') {
    const callee = parts.shift();
    if (callee && CONSTANT_TIME_FUNCTIONS.has(normalizeName(walk.text.slice(callee.from, callee.to)))) return [];
  }
  return parts.flatMap((part) => argumentNames(part, walk));
}
