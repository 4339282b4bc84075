import { evaluate as evaluateFeel, isFunction, isRange } from 'feelin';
import { OUTPUT_LIMITS, toPlainData } from './plain-data';

export type FeelOutcome = { ok: true; value: unknown } | { ok: false; error: string };

/** Evaluates checked FEEL over already-copied plain variables and returns plain data. */
export function runFeel(body: string, variables: Record<string, unknown>): FeelOutcome {
  let value: unknown;
  try {
    value = evaluateFeel(body, variables).value;
  } catch (error) {
    // feelin throws on input its grammar rejects and on stack exhaustion; both are business failures
    return { ok: false, error: `FEEL evaluation failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, value: toPlainData(fromFeel(value, 0), OUTPUT_LIMITS) };
}

// feelin returns its own temporal objects, ranges and functions; hand back strings or null.
function fromFeel(value: unknown, depth: number): unknown {
  if (value === null || typeof value !== 'object' || depth > OUTPUT_LIMITS.maxDepth) {
    return typeof value === 'function' ? null : value;
  }
  if (isFunction(value) || isRange(value)) return null;
  if (Array.isArray(value)) return value.map((item) => fromFeel(item, depth + 1));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, { value: fromFeel(item, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  const json = (value as { toJSON?: unknown }).toJSON;
  return typeof json === 'function' ? String(value) : null;
}
