// Multi-instance activities (BPMN 2.0 §10.3.6): a body instance owning inner instances, with
// nrOfInstances / nrOfCompletedInstances / nrOfActiveInstances / loopCounter, completion
// conditions and our countersign rules (会签: all, any, ratio, veto).
import type { CountersignRule, FlowNode } from '../../model/process.model';
import type { MultiInstanceState } from '../../state/instance-state';
import type { ExecutionContext } from '../execution-context';
import { completeElement, terminateElement } from './element-lifecycle';
import { raiseIncident } from './incident';
import { evaluate } from './variable-mapping';

// Evaluates the collection or cardinality and starts the first inner instance(s).
export function startInstances(ctx: ExecutionContext, bodyId: string, node: FlowNode, sequential: boolean): void {
  const loop = node.loop!;
  let items: unknown[] | undefined;
  let n: number;
  if (loop.collection) {
    const r = evaluate(ctx, bodyId, loop.collection);
    if (!r.ok || !Array.isArray(r.value)) {
      raiseIncident(ctx, bodyId, 'EXPRESSION_FAILED', `Collection of ${node.id}: ${r.ok ? 'not a list' : r.error}`, 'activate');
      return;
    }
    items = r.value;
    n = items.length;
  } else {
    const r = evaluate(ctx, bodyId, loop.cardinality!);
    const value = r.ok ? Number(r.value) : NaN;
    if (!r.ok || !Number.isInteger(value) || value < 0) {
      raiseIncident(
        ctx,
        bodyId,
        'EXPRESSION_FAILED',
        `Loop cardinality of ${node.id}: ${r.ok ? `${String(r.value)} is not a count` : r.error}`,
        'activate',
      );
      return;
    }
    n = value;
  }
  ctx.emit({ type: 'multiInstance.changed', elementId: node.id, elementInstanceId: bodyId, added: n, ...(items ? { items } : {}) });
  if (n === 0) {
    ctx.enqueue({ k: 'complete', elementInstanceId: bodyId });
    return;
  }
  const count = sequential ? 1 : n;
  const first = ctx.state.instances[bodyId].mi!.s;
  for (let i = 0; i < count; i++) startInner(ctx, bodyId, node, first + i);
}

// Starts the next inner instance; loopCounter is 0-based as in Camunda 7, whose models we import.
export function startInner(ctx: ExecutionContext, bodyId: string, node: FlowNode, index: number): void {
  const mi = ctx.state.instances[bodyId].mi!;
  const vars: Record<string, unknown> = { loopCounter: index };
  if (node.loop?.elementVariable) vars[node.loop.elementVariable] = mi.items ? (mi.items[index] ?? null) : null;
  ctx.enqueue({ k: 'activate', elementId: node.id, scopeInstanceId: bodyId, inner: true, vars });
}

// nrOfActiveInstances: the element instances inside the body.
export function activeInnerCount(ctx: ExecutionContext, bodyId: string): number {
  return ctx.childCount(bodyId);
}

// After an inner instance completed (or was removed): finish the body or start the next one.
export function onInnerInstanceCompleted(ctx: ExecutionContext, bodyId: string): void {
  const body = ctx.state.instances[bodyId];
  if (!body?.mi) return;
  const node = ctx.node(body.el);
  const mi = body.mi;
  const active = activeInnerCount(ctx, bodyId);
  let done = mi.c >= mi.n && active === 0;
  const rule = node.loop?.countersign;
  if (rule) {
    const verdict = countersignVerdict(rule, mi, done);
    if (verdict) {
      ctx.emit({ type: 'variables.updated', variables: { [`${node.id}_countersign`]: verdict } });
      done = true;
    }
  }
  if (!done && node.loop?.completionCondition) {
    const holds = completionConditionHolds(ctx, bodyId, node, active);
    if (holds === null) return;
    done = holds;
  }
  if (done) {
    finishBody(ctx, bodyId);
    return;
  }
  if (node.loop?.sequential && active === 0 && mi.c < mi.n) startInner(ctx, bodyId, node, mi.s);
}

// 会签 rules: whether the votes so far decide the countersign; `done`: every inner instance ended.
function countersignVerdict(rule: CountersignRule, mi: MultiInstanceState, done: boolean): 'approved' | 'rejected' | null {
  const yes = mi.yes ?? 0;
  const no = mi.no ?? 0;
  let verdict: 'approved' | 'rejected' | null = null;
  if (rule.kind === 'any' && mi.c >= 1) verdict = no > 0 && yes === 0 ? 'rejected' : 'approved';
  if (rule.kind === 'veto' && no > 0) verdict = 'rejected';
  if (rule.kind === 'ratio') {
    if (yes / mi.n >= rule.ratio) verdict = 'approved';
    else if ((mi.n - no) / mi.n < rule.ratio) verdict = 'rejected';
  }
  if (!verdict && done) verdict = rule.kind === 'all' && no > 0 ? 'rejected' : rule.kind === 'ratio' ? 'rejected' : 'approved';
  return verdict;
}

// The completionCondition (§10.3.6) over the body's counters; null when it cannot be evaluated
// (an incident was raised and the body waits).
function completionConditionHolds(ctx: ExecutionContext, bodyId: string, node: FlowNode, active: number): boolean | null {
  const mi = ctx.state.instances[bodyId].mi!;
  const r = evaluate(ctx, bodyId, node.loop!.completionCondition!, {
    nrOfInstances: mi.n,
    nrOfCompletedInstances: mi.c,
    nrOfActiveInstances: active,
  });
  if (!r.ok) {
    raiseIncident(ctx, bodyId, 'EXPRESSION_FAILED', `Completion condition of ${node.id}: ${r.error}`, 'complete');
    return null;
  }
  return r.value === true;
}

// Ends the inner instances still running and leaves the body.
function finishBody(ctx: ExecutionContext, bodyId: string): void {
  for (const id of Object.keys(ctx.state.instances)) {
    if (ctx.state.instances[id]?.sc === bodyId) terminateElement(ctx, id);
  }
  completeElement(ctx, bodyId);
}
