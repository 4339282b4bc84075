// The one place instance state changes: one small reducer per event type. Reducers write to a
// draft through its copy-on-write accessors, so the state the draft was made from never changes.
import type { EngineEvent, EngineEventType, EventOf } from './engine-event';
import { joinKey, type ElementInstance, type InstanceState, type Subscription } from './instance-state';
import { StateDraft } from './state-draft';

type Reducer<T extends EngineEventType> = (draft: StateDraft, event: EventOf<T>) => void;
type ReducerMap = { readonly [T in EngineEventType]: Reducer<T> };

const noop = (): void => undefined;

function markVisited(d: StateDraft, elementId: string): void {
  if (!d.state.visited.includes(elementId)) d.visited().push(elementId);
}

function removeInstance(d: StateDraft, id: string): void {
  if (d.state.instances[id] !== undefined) d.removeInstance(id);
  const prefix = `${id}|`;
  for (const key in d.state.joins) if (key.startsWith(prefix)) d.removeJoin(key);
}

// 撤回 records whose completion has moved on: something it created or waited in ended.
function dropWithdrawalsOf(d: StateDraft, ended: string): void {
  const wd = d.state.wd;
  if (!wd) return;
  const drop: string[] = [];
  for (const id in wd) {
    const r = wd[id];
    if (r.sc === ended || r.w?.includes(ended)) drop.push(id);
  }
  d.removeWithdrawals(drop);
}

// 撤回 records whose join arrival was consumed or removed.
function dropWithdrawalsOfArrivals(d: StateDraft, scopeInstanceId: string, gatewayId: string, flowIds: readonly string[]): void {
  const wd = d.state.wd;
  if (!wd) return;
  const drop: string[] = [];
  for (const id in wd) {
    if (wd[id].a?.some(([scope, gateway, flowId]) => scope === scopeInstanceId && gateway === gatewayId && flowIds.includes(flowId)))
      drop.push(id);
  }
  d.removeWithdrawals(drop);
}

// Sets the wait kind of an instance that still exists.
function setKind(d: StateDraft, id: string, kind: ElementInstance['k']): void {
  if (d.state.instances[id] !== undefined) d.instance(id)!.k = kind;
}

const reducers: ReducerMap = {
  'process.started': (d, e) => {
    const s = d.state;
    s.processId = e.processId;
    s.status = 'active';
    s.root = e.elementInstanceId;
    d.setVariables({ ...e.variables });
    if (e.businessKey !== undefined) s.businessKey = e.businessKey;
    if (e.initiator !== undefined) s.initiator = e.initiator;
    d.addInstance(e.elementInstanceId, { el: e.processId, sc: null });
  },
  'process.completed': (d) => {
    d.state.status = 'completed';
    d.clearRuntime();
  },
  'process.terminated': (d, e) => {
    d.state.status = 'terminated';
    d.state.outcome = e.outcome;
    d.clearRuntime();
  },
  'element.activated': (d, e) => {
    const inst: ElementInstance = { el: e.elementId, sc: e.scopeInstanceId };
    // Locals are replaced, never changed in place (variables.updated), so the event's object can be shared.
    if (e.variables) inst.v = e.variables;
    if (e.inner) inst.inner = true;
    if (e.mi) {
      // The counters change in place: the instance gets its own copy.
      const mi = { ...e.mi };
      if (e.mi.items) mi.items = [...e.mi.items];
      else if ('items' in mi) delete mi.items;
      inst.mi = mi;
    }
    if (e.ret) inst.ret = e.ret;
    d.addInstance(e.elementInstanceId, inst);
    if (e.inner && e.scopeInstanceId && d.state.instances[e.scopeInstanceId]?.mi) d.instance(e.scopeInstanceId)!.mi!.s++;
    if (e.consumed && e.scopeInstanceId) {
      const key = joinKey(e.scopeInstanceId, e.elementId);
      if (d.state.joins[key]) {
        const arrivals = d.arrivals(key);
        for (const flowId of e.consumed) {
          const i = arrivals.indexOf(flowId);
          if (i !== -1) arrivals.splice(i, 1);
        }
        if (arrivals.length === 0) d.removeJoin(key);
      }
      dropWithdrawalsOfArrivals(d, e.scopeInstanceId, e.elementId, e.consumed);
    }
  },
  'element.waiting': (d, e) => setKind(d, e.elementInstanceId, e.kind),
  'element.completed': (d, e) => {
    const inst = d.state.instances[e.elementInstanceId];
    if (inst?.inner && inst.sc && d.state.instances[inst.sc]?.mi) d.instance(inst.sc)!.mi!.c++;
    removeInstance(d, e.elementInstanceId);
    markVisited(d, e.elementId);
    dropWithdrawalsOf(d, e.elementInstanceId);
  },
  'element.terminated': (d, e) => {
    removeInstance(d, e.elementInstanceId);
    dropWithdrawalsOf(d, e.elementInstanceId);
  },
  'flow.taken': (d, e) => {
    if (!e.join) return;
    d.arrivals(joinKey(e.scopeInstanceId, e.elementId)).push(e.flowId);
  },
  'variables.updated': (d, e) => {
    if (e.elementInstanceId) {
      const inst = d.instance(e.elementInstanceId);
      if (inst) inst.v = { ...inst.v, ...e.variables };
    } else Object.assign(d.variables(), e.variables);
  },
  'task.created': (d, e) => setKind(d, e.elementInstanceId, 'task'),
  'task.completed': (d, e) => {
    const inst = d.instance(e.elementInstanceId);
    if (inst) delete inst.k;
  },
  'task.cancelled': noop,
  'task.withdrawable': (d, e) => d.setWithdrawal(e.elementInstanceId, e.record),
  'task.withdrawn': (d, e) => d.removeWithdrawals([e.elementInstanceId]),
  'timer.scheduled': (d, e) => {
    const sub: Subscription = { k: 'timer', ei: e.ownerInstanceId, el: e.elementId, dueAt: e.dueAt };
    if (e.fired) sub.fired = e.fired;
    d.subs()[e.timerId] = sub;
  },
  'timer.fired': (d, e) => void delete d.subs()[e.timerId],
  'timer.cancelled': (d, e) => void delete d.subs()[e.timerId],
  'message.subscribed': (d, e) => subscribe(d, e, 'message'),
  'signal.subscribed': (d, e) => subscribe(d, e, 'signal'),
  'condition.subscribed': (d, e) => subscribe(d, e, 'conditional'),
  'subscription.closed': (d, e) => void delete d.subs()[e.subscriptionId],
  'job.created': (d, e) => {
    d.jobs()[e.jobKey] = e.elementInstanceId;
    setKind(d, e.elementInstanceId, 'job');
  },
  'job.completed': (d, e) => void delete d.jobs()[e.jobKey],
  'job.cancelled': (d, e) => void delete d.jobs()[e.jobKey],
  'job.failed': (d, e) => {
    if (e.retriesLeft <= 0) delete d.jobs()[e.jobKey];
  },
  'incident.raised': (d, e) => {
    d.incidents()[e.incidentId] = { ei: e.elementInstanceId, code: e.code, message: e.message, retry: e.retry };
  },
  'incident.resolved': (d, e) => void delete d.incidents()[e.incidentId],
  'child.requested': (d, e) => setKind(d, e.elementInstanceId, 'call'),
  'multiInstance.changed': (d, e) => {
    if (!d.state.instances[e.elementInstanceId]?.mi) return;
    const mi = d.instance(e.elementInstanceId)!.mi!;
    // Items align with loopCounter: a cardinality-based body gets null placeholders first.
    if (e.items) mi.items = [...(mi.items ?? new Array<unknown>(mi.n).fill(null)), ...e.items];
    mi.n += (e.added ?? 0) - (e.removed ?? 0);
    if (e.vote === 'yes') mi.yes = (mi.yes ?? 0) + 1;
    if (e.vote === 'no') mi.no = (mi.no ?? 0) + 1;
    if (e.unvote === 'yes') mi.yes = (mi.yes ?? 0) - 1;
    if (e.unvote === 'no') mi.no = (mi.no ?? 0) - 1;
    if (e.completed) mi.c += e.completed;
    if (e.started) mi.s += e.started;
  },
  'error.thrown': noop,
  'escalation.thrown': noop,
  'token.moved': noop,
  'join.changed': (d, e) => {
    const key = joinKey(e.scopeInstanceId, e.elementId);
    const arrivals = d.arrivals(key);
    for (const flowId of e.removed ?? []) {
      const i = arrivals.indexOf(flowId);
      if (i !== -1) arrivals.splice(i, 1);
    }
    for (const flowId of e.added ?? []) arrivals.push(flowId);
    if (arrivals.length === 0) d.removeJoin(key);
    if (e.removed?.length) dropWithdrawalsOfArrivals(d, e.scopeInstanceId, e.elementId, e.removed);
  },
};

function subscribe(
  d: StateDraft,
  e: EventOf<'message.subscribed' | 'signal.subscribed' | 'condition.subscribed'>,
  k: 'message' | 'signal' | 'conditional',
): void {
  const sub: Subscription = { k, ei: e.ownerInstanceId, el: e.elementId };
  if (e.name !== undefined) sub.name = e.name;
  if (e.correlationKey !== undefined) sub.correlationKey = e.correlationKey;
  d.subs()[e.subscriptionId] = sub;
}

/** Applies one event to a draft. Internal: the executor owns its draft. */
export function applyToDraft(draft: StateDraft, event: EngineEvent): void {
  (reducers[event.type] as Reducer<EngineEventType>)(draft, event);
}

/** Applies one event and returns the new state; the input is not modified. */
export function apply(state: Readonly<InstanceState>, event: EngineEvent): InstanceState {
  const draft = StateDraft.from(state);
  applyToDraft(draft, event);
  return draft.state;
}

/** Rebuilds a state by replaying events from the initial state. */
export function replay(events: readonly EngineEvent[], from?: Readonly<InstanceState>): InstanceState {
  const draft = from ? StateDraft.from(from) : StateDraft.fresh();
  for (const event of events) applyToDraft(draft, event);
  return draft.state;
}
