import { ownValue } from './plain-data';
import type { JuelBinaryOp, JuelNode } from './juel-parser';

/** A business failure while evaluating JUEL: becomes an incident, never a crash. */
export class JuelEvaluationError extends Error {}

/**
 * Evaluates a JUEL AST over plain data with the coercions of the EL 3.0 spec (chapter 1.8–1.9),
 * except that an unknown top-level identifier is an error ("unknown variable x"), as Camunda's
 * PropertyNotFoundException is, rather than null.
 */
export function evaluateJuel(node: JuelNode, variables: Readonly<Record<string, unknown>>): unknown {
  switch (node.type) {
    case 'literal':
      return node.value;
    case 'variable': {
      const found = ownValue(variables, node.name);
      if (!found.found) throw new JuelEvaluationError(`unknown variable ${node.name}`);
      return found.value;
    }
    case 'member':
      return member(evaluateJuel(node.object, variables), evaluateJuel(node.property, variables));
    case 'unary':
      return unary(node.op, evaluateJuel(node.operand, variables));
    case 'conditional':
      return toBoolean(evaluateJuel(node.test, variables)) ? evaluateJuel(node.then, variables) : evaluateJuel(node.otherwise, variables);
    case 'binary':
      if (node.op === '&&') return toBoolean(evaluateJuel(node.left, variables)) && toBoolean(evaluateJuel(node.right, variables));
      if (node.op === '||') return toBoolean(evaluateJuel(node.left, variables)) || toBoolean(evaluateJuel(node.right, variables));
      return binary(node.op, evaluateJuel(node.left, variables), evaluateJuel(node.right, variables));
  }
}

function member(base: unknown, property: unknown): unknown {
  // EL 1.6: a null base yields null rather than an error
  if (base === null || base === undefined) return null;
  if (Array.isArray(base)) {
    const index = toNumber(property);
    if (!Number.isInteger(index)) throw new JuelEvaluationError(`list index must be an integer, got ${describe(property)}`);
    return index >= 0 && index < base.length ? base[index] : null;
  }
  if (typeof base === 'object') {
    if (property === null) return null;
    return ownValue(base, String(property)).found ? ownValue(base, String(property)).value : null;
  }
  throw new JuelEvaluationError(`cannot read property ${describe(property)} of ${typeof base} ${describe(base)}`);
}

function unary(op: '-' | '!' | 'empty', value: unknown): unknown {
  switch (op) {
    case '-':
      return value === null ? 0 : -toNumber(value);
    case '!':
      return !toBoolean(value);
    case 'empty':
      return isEmpty(value);
  }
}

function binary(op: Exclude<JuelBinaryOp, '&&' | '||'>, left: unknown, right: unknown): unknown {
  switch (op) {
    case '==':
      return equals(left, right);
    case '!=':
      return !equals(left, right);
    case '<':
    case '>':
    case '<=':
    case '>=':
      return compare(op, left, right);
    default:
      return arithmetic(op, left, right);
  }
}

function arithmetic(op: '+' | '-' | '*' | '/' | '%', left: unknown, right: unknown): number {
  // EL 1.7.1: null operands count as 0
  if (left === null && right === null) return 0;
  const a = toNumber(left);
  const b = toNumber(right);
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      if (b === 0) throw new JuelEvaluationError('division by zero');
      return a / b;
    case '%':
      if (b === 0) throw new JuelEvaluationError('modulo by zero');
      return a % b;
  }
}

/** EL 1.8.2: `==` coerces to number when either side is a number, to boolean when either is boolean. */
export function equals(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (left === null || right === null) return false;
  if (typeof left === 'number' || typeof right === 'number') return toNumber(left) === toNumber(right);
  if (typeof left === 'boolean' || typeof right === 'boolean') return toBoolean(left) === toBoolean(right);
  if (typeof left === 'string' || typeof right === 'string') return String(left) === String(right);
  return deepEqual(left, right);
}

function compare(op: '<' | '>' | '<=' | '>=', left: unknown, right: unknown): boolean {
  // EL 1.8.1: a null operand makes every relational comparison false
  if (left === null || right === null) return false;
  let order: number;
  if (typeof left === 'number' || typeof right === 'number') {
    order = toNumber(left) - toNumber(right);
  } else if (typeof left === 'string' && typeof right === 'string') {
    order = left < right ? -1 : left > right ? 1 : 0;
  } else {
    throw new JuelEvaluationError(`cannot compare ${describe(left)} with ${describe(right)}`);
  }
  if (Number.isNaN(order)) return false;
  return op === '<' ? order < 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order >= 0;
}

/** EL 1.23.2: null and '' are false, 'true' (any case) is true, other strings are false. */
function toBoolean(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.toLowerCase() === 'true';
  throw new JuelEvaluationError(`cannot use ${describe(value)} as a boolean`);
}

/** EL 1.23.3: null and '' are 0; other strings must be numeric. */
function toNumber(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    if (value.trim() === '') return 0;
    const parsed = Number(value.trim());
    if (Number.isNaN(parsed)) throw new JuelEvaluationError(`cannot use ${describe(value)} as a number`);
    return parsed;
  }
  throw new JuelEvaluationError(`cannot use ${describe(value)} as a number`);
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function deepEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  const leftKeys = Object.keys(left);
  const rightKeys = Object.keys(right);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every((key) => {
    const other = ownValue(right, key);
    return other.found && deepEqual(ownValue(left, key).value, other.value);
  });
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  return String(value);
}
