// Variable visibility and expression evaluation. Process variables live at the root; element
// instances may hold locals (multi-instance element variable, loopCounter) that shadow them.
import type { ParsedExpression } from '../expression';
import type { EvalResult } from '../expression';
import type { ValueTemplate, VariableMapping } from '../../model/process.model';
import type { ExecutionContext } from '../execution-context';

// Variables visible from an element instance: process variables overlaid by locals up the chain.
export function visibleVariables(ctx: ExecutionContext, elementInstanceId: string | null): Readonly<Record<string, unknown>> {
  const { instances, variables } = ctx.state;
  let chain: Record<string, unknown>[] | null = null;
  for (let id = elementInstanceId; id; id = instances[id]?.sc ?? null) {
    const inst = instances[id];
    if (inst?.v) (chain ??= []).push(inst.v);
    // §10.3.6: the body's counters are visible to the inner instances' expressions.
    if (inst?.mi) (chain ??= []).push(multiInstanceCounters(ctx, id, inst.mi));
  }
  if (!chain) return variables;
  const merged: Record<string, unknown> = { ...variables };
  for (let i = chain.length - 1; i >= 0; i--) Object.assign(merged, chain[i]);
  return merged;
}

function multiInstanceCounters(ctx: ExecutionContext, bodyId: string, mi: { n: number; c: number }): Record<string, unknown> {
  return { nrOfInstances: mi.n, nrOfCompletedInstances: mi.c, nrOfActiveInstances: ctx.childCount(bodyId) };
}

export function evaluate(
  ctx: ExecutionContext,
  elementInstanceId: string | null,
  expression: ParsedExpression,
  extra?: Record<string, unknown>,
): EvalResult {
  const vars = visibleVariables(ctx, elementInstanceId);
  const result = ctx.env.expressions.evaluate(expression, extra ? { ...vars, ...extra } : vars);
  return result;
}

// A template's value: one expression part yields the raw value, several are joined as text.
export function evaluateTemplate(ctx: ExecutionContext, elementInstanceId: string, template: ValueTemplate): EvalResult {
  if (template.length === 1 && typeof template[0] !== 'string') return evaluate(ctx, elementInstanceId, template[0]);
  let text = '';
  for (const part of template) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const r = evaluate(ctx, elementInstanceId, part);
    if (!r.ok) return r;
    text += r.value === null || r.value === undefined ? '' : String(r.value);
  }
  return { ok: true, value: text };
}

// Applies call-activity style mappings; `{}` copies everything.
export function mapVariables(
  ctx: ExecutionContext,
  mappings: readonly VariableMapping[],
  source: Readonly<Record<string, unknown>>,
): { ok: true; variables: Record<string, unknown> } | { ok: false; error: string } {
  const out: Record<string, unknown> = {};
  for (const m of mappings) {
    if (!m.source || !m.target) {
      Object.assign(out, source);
      continue;
    }
    const r = ctx.env.expressions.evaluate(m.source, source);
    if (!r.ok) return { ok: false, error: r.error };
    out[m.target] = r.value;
  }
  return { ok: true, variables: out };
}

// A user-supplied variable object with prototype-polluting keys removed.
export function sanitizeVariables(vars: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (!vars || typeof vars !== 'object') return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(vars)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    out[key] = vars[key];
  }
  return Object.keys(out).length ? out : undefined;
}

export function toStringList(value: unknown): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(String);
  return String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
