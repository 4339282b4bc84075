import { parseExpression as parseFeelTree } from 'feelin';

/** Structural limits that keep a synchronous feelin evaluation bounded (it cannot be interrupted). */
export const FEEL_LIMITS = {
  maxTreeDepth: 256,
  maxParenDepth: 64,
  /** for/some/every/filter nested inside one another: 1 keeps the work linear in the data size. */
  maxIterationDepth: 1,
  maxRangeSize: 1000,
  maxPatternLength: 200,
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
// Functions that compile a pattern argument into a RegExp (catastrophic backtracking risk).
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
      return visitChildren(node, walk, inner);
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
  const parameters = rest.find((part) => part.name === 'PositionalParameters');
  const pattern = parameters ? children(parameters)[1] : undefined;
  if (!pattern || pattern.name !== 'StringLiteral') {
    throw new FeelGuardError(`${name}() needs its pattern as a string literal (at ${node.from})`);
  }
  checkPattern(walk.text.slice(pattern.from + 1, pattern.to - 1), name);
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

// Catastrophic backtracking needs a quantified group that itself repeats or alternates
// ("(a+)+", "(a|a)*") or a back-reference; reject those instead of timing out.
function checkPattern(pattern: string, name: string): void {
  if (pattern.length > FEEL_LIMITS.maxPatternLength) throw new FeelGuardError(`${name}() pattern is too long`);
  if (/\\[1-9k]/.test(pattern)) throw new FeelGuardError(`${name}() pattern may not use back-references`);
  const stripped = pattern.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  const groups: number[] = [];
  for (let i = 0; i < stripped.length; i++) {
    if (stripped[i] === '(') groups.push(i);
    if (stripped[i] !== ')') continue;
    const open = groups.pop() ?? 0;
    const body = stripped.slice(open + 1, i);
    if (/^[*+?{]/.test(stripped.slice(i + 1)) && /[*+{|]/.test(body)) {
      throw new FeelGuardError(`${name}() pattern has a nested quantifier, which can take exponential time`);
    }
  }
}
