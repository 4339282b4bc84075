import { isFunction, isRange } from 'feelin';
import { evaluateWithBudget, FeelAbort, type FeelBuiltins } from './feel-budget';
import { DataLimitError, OUTPUT_LIMITS, toPlainData } from './plain-data';

export type FeelOutcome = { ok: true; value: unknown } | { ok: false; error: string };

/** Evaluates checked FEEL over already-copied plain variables, within its step budget, and returns plain data. */
export function runFeel(body: string, variables: Record<string, unknown>, builtins: FeelBuiltins): FeelOutcome {
  let value: unknown;
  try {
    value = evaluateWithBudget(body, variables, builtins);
  } catch (error) {
    if (error instanceof FeelAbort) return { ok: false, error: `FEEL evaluation stopped: ${error.message}` };
    // feelin throws on input its grammar rejects and on stack exhaustion; both are business failures
    return { ok: false, error: `FEEL evaluation failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  return { ok: true, value: toPlainData(fromFeel(value, 0, { nodes: 0 }), OUTPUT_LIMITS) };
}

// feelin returns its own temporal objects, ranges and functions; hand back strings or null.
// Counted: a result may share one list many times over, and must not be walked without end.
function fromFeel(value: unknown, depth: number, seen: { nodes: number }): unknown {
  if (++seen.nodes > OUTPUT_LIMITS.maxNodes) throw new DataLimitError('too many values');
  if (value === null || typeof value !== 'object' || depth > OUTPUT_LIMITS.maxDepth) {
    return typeof value === 'function' ? null : value;
  }
  if (isFunction(value) || isRange(value)) return null;
  if (Array.isArray(value)) return value.map((item) => fromFeel(item, depth + 1, seen));
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, { value: fromFeel(item, depth + 1, seen), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  const json = (value as { toJSON?: unknown }).toJSON;
  return typeof json === 'function' ? String(value) : null;
}
