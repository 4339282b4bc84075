/**
 * Deep copy of host values into plain data before any expression sees them, so that no
 * expression can reach a function, a class instance, a getter or a prototype.
 */

/** Keys that name prototype machinery; dropped from every copied object. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface PlainDataLimits {
  maxNodes: number;
  maxChars: number;
  maxDepth: number;
}

export const INPUT_LIMITS: PlainDataLimits = { maxNodes: 10_000, maxChars: 100_000, maxDepth: 32 };
export const OUTPUT_LIMITS: PlainDataLimits = { maxNodes: 100_000, maxChars: 10_000_000, maxDepth: 64 };

export class DataLimitError extends Error {}

/** A value that the copy drops (a function, a symbol, a class instance …). */
const DROP = Symbol('drop');

interface Budget {
  nodes: number;
  chars: number;
  readonly limits: PlainDataLimits;
}

/**
 * Copies `value` into plain JSON-like data. Objects get Object.prototype (feelin only treats
 * such objects as FEEL contexts) but only own, enumerable data properties; Dates become ISO
 * strings. Throws DataLimitError when the value is larger or deeper than `limits`.
 */
export function toPlainData(value: unknown, limits: PlainDataLimits): unknown {
  const copied = copy(value, { nodes: 0, chars: 0, limits }, 0);
  return copied === DROP ? null : copied;
}

/** Copies the variables an expression may reference; `keep` decides by name. */
export function toPlainVariables(
  variables: Readonly<Record<string, unknown>>,
  keep: (name: string) => boolean,
  limits: PlainDataLimits,
): Record<string, unknown> {
  const budget: Budget = { nodes: 0, chars: 0, limits };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(variables)) {
    if (FORBIDDEN_KEYS.has(key) || !keep(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(variables, key);
    if (!descriptor || !('value' in descriptor)) continue;
    const value = copy(descriptor.value, budget, 1);
    if (value !== DROP) defineData(out, key, value);
  }
  return out;
}

function copy(value: unknown, budget: Budget, depth: number): unknown {
  if (++budget.nodes > budget.limits.maxNodes) throw new DataLimitError('too many values');
  if (depth > budget.limits.maxDepth) throw new DataLimitError('nested too deeply');
  switch (typeof value) {
    case 'string':
      budget.chars += value.length;
      if (budget.chars > budget.limits.maxChars) throw new DataLimitError('strings too long');
      return value;
    case 'number':
      return Number.isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'undefined':
      return null;
    case 'object':
      return value === null ? null : copyObject(value, budget, depth);
    default:
      return DROP; // function, symbol, bigint
  }
}

function copyObject(value: object, budget: Budget, depth: number): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const descriptor = Object.getOwnPropertyDescriptor(value, i);
      const item = descriptor && 'value' in descriptor ? copy(descriptor.value, budget, depth + 1) : null;
      out.push(item === DROP ? null : item);
    }
    return out;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return DROP;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (FORBIDDEN_KEYS.has(key)) continue;
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if (!descriptor || !('value' in descriptor)) continue; // getters are host code
    const item = copy(descriptor.value, budget, depth + 1);
    if (item !== DROP) defineData(out, key, item);
  }
  return out;
}

function defineData(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Own data property of plain data, never a prototype member. */
export function ownValue(target: object, key: string): { found: boolean; value: unknown } {
  if (FORBIDDEN_KEYS.has(key) || !Object.prototype.hasOwnProperty.call(target, key)) {
    return { found: false, value: undefined };
  }
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  return descriptor && 'value' in descriptor ? { found: true, value: descriptor.value } : { found: false, value: undefined };
}
