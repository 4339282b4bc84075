// 撤回 bookkeeping: after a user task completion has settled, records what undoing it needs, as
// long as everything it changed can still be undone: it only created instances that still wait
// (tasks, catch events, event-based gateways, sub-process and multi-instance containers), left
// join arrivals, fired joins, counted a vote, and ended at most its own multi-instance body
// (cancelling the body's other inner instances) and the embedded sub-processes it was the last
// token of. Anything else (a job or call started, a message
// or signal sent, an error or escalation, an incident, the instance or a scope ended) makes the
// completion final: no record.
import type { ElementInstance, InstanceState, MultiInstanceState, WithdrawRecord, WithdrawScope } from '../../state/instance-state';
import type { EngineEffect } from '../engine-api.types';
import type { ExecutionContext } from '../execution-context';

const FINAL_EFFECTS = new Set<EngineEffect['type']>([
  'createJob',
  'startChild',
  'sendMessage',
  'throwSignal',
  'errorToParent',
  'throwEscalation',
  'processCompleted',
  'processTerminated',
]);

function splitJoinKey(key: string): [string, string] {
  // gateway ids are XML NCNames without '|'; instance ids come from the host and might contain it
  const cut = key.lastIndexOf('|');
  return [key.slice(0, cut), key.slice(cut + 1)];
}

/** Multiset difference: the entries of `a` not matched by one in `b`. */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = b.slice();
  const result: string[] = [];
  for (const x of a) {
    const i = left.indexOf(x);
    if (i === -1) result.push(x);
    else left.splice(i, 1);
  }
  return result;
}

export function recordWithdrawal(ctx: ExecutionContext, before: Readonly<InstanceState>, taskId: string): void {
  const inst = before.instances[taskId];
  if (!inst || inst.k !== 'task' || !ctx.active || ctx.node(inst.el)?.type !== 'userTask' || !inst.sc) return;
  for (const effect of ctx.effects) if (FINAL_EFFECTS.has(effect.type)) return;
  const after = ctx.state;
  const body = inst.inner ? before.instances[inst.sc] : undefined;
  // scopes the completion may end: its own multi-instance body, then embedded sub-processes
  const ancestors = new Set<string>();
  for (let id: string | null = inst.sc; id && id !== before.root; id = before.instances[id]?.sc ?? null) {
    const scope = before.instances[id];
    const isBody = id === inst.sc && body?.mi !== undefined;
    if (!scope || (!isBody && (scope.mi || scope.inner || ctx.node(scope.el)?.type !== 'subProcess'))) break;
    ancestors.add(id);
  }
  const created = new Set<string>();
  const ended: string[] = [];
  const siblings: Record<string, unknown>[] = [];
  let vote: 'yes' | 'no' | undefined;
  for (const e of ctx.events) {
    switch (e.type) {
      case 'incident.raised':
      case 'error.thrown':
      case 'escalation.thrown':
        return;
      case 'element.activated':
        created.add(e.elementInstanceId);
        break;
      case 'multiInstance.changed':
        if (e.vote && e.elementInstanceId === inst.sc) vote = e.vote;
        break;
      case 'element.completed':
      case 'element.terminated': {
        const id = e.elementInstanceId;
        if (id === taskId || created.has(id)) break;
        if (e.type === 'element.completed' && ancestors.has(id)) {
          ended.push(id);
          break;
        }
        const sibling: ElementInstance | undefined = before.instances[id];
        if (body?.mi && e.type === 'element.terminated' && sibling?.sc === inst.sc && sibling.inner) {
          siblings.push(sibling.v ?? {});
          break;
        }
        return;
      }
      default:
        break;
    }
  }
  const waiting = [...created].filter((id) => after.instances[id] !== undefined);
  for (const id of waiting) {
    const k = after.instances[id].k;
    if (k === 'job' || k === 'call') return;
  }
  const arrivals: [string, string, string][] = [];
  const restore: [string, string, string[]][] = [];
  for (const key of new Set([...Object.keys(before.joins), ...Object.keys(after.joins)])) {
    const [scope, gatewayId] = splitJoinKey(key);
    if (created.has(scope)) continue;
    const was = before.joins[key] ?? [];
    const now = after.joins[key] ?? [];
    for (const flowId of minus(now, was)) arrivals.push([scope, gatewayId, flowId]);
    const consumed = minus(was, now);
    if (consumed.length) restore.push([scope, gatewayId, consumed]);
  }
  const bodyRunning = body?.mi !== undefined && after.instances[inst.sc] !== undefined;
  if (waiting.length === 0 && arrivals.length === 0 && !bodyRunning) return;
  // the ended scopes, innermost first as they completed; the record re-creates them outermost first
  let sc = inst.sc;
  const up: WithdrawScope[] = [];
  for (const id of ended) {
    const scope = before.instances[id];
    const saved: WithdrawScope = { el: scope.el };
    if (scope.v) saved.v = scope.v;
    if (scope.ret) saved.ret = scope.ret;
    if (scope.mi) {
      // the body as it was before this vote; its started count makes room for the inner
      // instances re-activated on withdraw (each activation counts one)
      const mi: MultiInstanceState = { ...scope.mi, s: scope.mi.s - 1 - siblings.length };
      if (scope.mi.items) mi.items = [...scope.mi.items];
      saved.mi = mi;
      if (siblings.length) saved.sib = siblings;
    }
    up.unshift(saved);
    sc = scope.sc as string;
  }
  const record: WithdrawRecord = { el: inst.el, sc };
  if (inst.v) record.v = inst.v;
  if (inst.inner) record.inner = true;
  if (inst.ret) record.ret = inst.ret;
  if (bodyRunning && vote) record.vote = vote;
  if (waiting.length) record.w = waiting;
  if (arrivals.length) record.a = arrivals;
  if (restore.length) record.j = restore;
  if (up.length) record.up = up;
  ctx.emit({ type: 'task.withdrawable', elementId: inst.el, elementInstanceId: taskId, record });
}

/**
 * Whether the completion of a user task can be withdrawn (撤回) now, and which open tasks a
 * withdraw would cancel (the server refuses once one of them has been opened). null: it cannot.
 */
export function withdrawal(state: Readonly<InstanceState>, completedTaskId: string): { cancelsTasks: string[] } | null {
  if (state.status !== 'active' || !state.wd || typeof completedTaskId !== 'string') return null;
  if (!Object.prototype.hasOwnProperty.call(state.wd, completedTaskId)) return null;
  const record = state.wd[completedTaskId];
  const cancelsTasks: string[] = [];
  const cancelled = new Set(record.w ?? []);
  // the inner instances of a cancelled container are cancelled with it
  for (const id in state.instances) {
    const inst = state.instances[id];
    if (inst.k !== 'task') continue;
    for (let scope: string | null = id; scope; scope = state.instances[scope]?.sc ?? null) {
      if (cancelled.has(scope)) {
        cancelsTasks.push(id);
        break;
      }
    }
  }
  return { cancelsTasks };
}
