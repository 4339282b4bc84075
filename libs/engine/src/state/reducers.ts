// The one place instance state changes: one small reducer per event type. Reducers mutate a
// draft the caller owns; apply() clones first so callers outside the engine never see mutation.
import type { EngineEvent, EngineEventType, EventOf } from './engine-event';
import { initialState, joinKey, type InstanceState } from './instance-state';

type Reducer<T extends EngineEventType> = (draft: InstanceState, event: EventOf<T>) => void;
type ReducerMap = { readonly [T in EngineEventType]: Reducer<T> };

const noop = (): void => undefined;

function markVisited(draft: InstanceState, elementId: string): void {
  if (!draft.visited.includes(elementId)) draft.visited.push(elementId);
}

function removeInstance(draft: InstanceState, id: string): void {
  delete draft.instances[id];
  const prefix = `${id}|`;
  for (const key in draft.joins) if (key.startsWith(prefix)) delete draft.joins[key];
}

const reducers: ReducerMap = {
  'process.started': (d, e) => {
    d.processId = e.processId;
    d.status = 'active';
    d.root = e.elementInstanceId;
    d.variables = { ...e.variables };
    if (e.businessKey !== undefined) d.businessKey = e.businessKey;
    if (e.initiator !== undefined) d.initiator = e.initiator;
    d.instances[e.elementInstanceId] = { el: e.processId, sc: null };
  },
  'process.completed': (d) => {
    d.status = 'completed';
    d.instances = {};
    d.joins = {};
    d.subs = {};
    d.jobs = {};
  },
  'process.terminated': (d, e) => {
    d.status = 'terminated';
    d.outcome = e.outcome;
    d.instances = {};
    d.joins = {};
    d.subs = {};
    d.jobs = {};
  },
  'element.activated': (d, e) => {
    const inst: InstanceState['instances'][string] = { el: e.elementId, sc: e.scopeInstanceId };
    if (e.variables) inst.v = { ...e.variables };
    if (e.inner) inst.inner = true;
    if (e.mi) inst.mi = { ...e.mi, items: e.mi.items ? [...e.mi.items] : undefined };
    if (inst.mi && inst.mi.items === undefined) delete inst.mi.items;
    if (e.ret) inst.ret = e.ret;
    d.instances[e.elementInstanceId] = inst;
    if (e.inner && e.scopeInstanceId) {
      const body = d.instances[e.scopeInstanceId];
      if (body?.mi) body.mi.s++;
    }
    if (e.consumed && e.scopeInstanceId) {
      const key = joinKey(e.scopeInstanceId, e.elementId);
      const arrivals = d.joins[key];
      if (arrivals) {
        for (const flowId of e.consumed) {
          const i = arrivals.indexOf(flowId);
          if (i !== -1) arrivals.splice(i, 1);
        }
        if (arrivals.length === 0) delete d.joins[key];
      }
    }
  },
  'element.waiting': (d, e) => {
    const inst = d.instances[e.elementInstanceId];
    if (inst) inst.k = e.kind;
  },
  'element.completed': (d, e) => {
    const inst = d.instances[e.elementInstanceId];
    if (inst?.inner && inst.sc) {
      const body = d.instances[inst.sc];
      if (body?.mi) body.mi.c++;
    }
    removeInstance(d, e.elementInstanceId);
    markVisited(d, e.elementId);
  },
  'element.terminated': (d, e) => removeInstance(d, e.elementInstanceId),
  'flow.taken': (d, e) => {
    if (!e.join) return;
    const key = joinKey(e.scopeInstanceId, e.elementId);
    (d.joins[key] ??= []).push(e.flowId);
  },
  'variables.updated': (d, e) => {
    if (e.elementInstanceId) {
      const inst = d.instances[e.elementInstanceId];
      if (inst) inst.v = { ...inst.v, ...e.variables };
    } else Object.assign(d.variables, e.variables);
  },
  'task.created': (d, e) => {
    const inst = d.instances[e.elementInstanceId];
    if (inst) inst.k = 'task';
  },
  'task.completed': (d, e) => {
    const inst = d.instances[e.elementInstanceId];
    if (inst) delete inst.k;
  },
  'task.cancelled': noop,
  'timer.scheduled': (d, e) => {
    d.subs[e.timerId] = { k: 'timer', ei: e.ownerInstanceId, el: e.elementId, dueAt: e.dueAt };
    if (e.fired) d.subs[e.timerId].fired = e.fired;
  },
  'timer.fired': (d, e) => void delete d.subs[e.timerId],
  'timer.cancelled': (d, e) => void delete d.subs[e.timerId],
  'message.subscribed': (d, e) => subscribe(d, e, 'message'),
  'signal.subscribed': (d, e) => subscribe(d, e, 'signal'),
  'condition.subscribed': (d, e) => subscribe(d, e, 'conditional'),
  'subscription.closed': (d, e) => void delete d.subs[e.subscriptionId],
  'job.created': (d, e) => {
    d.jobs[e.jobKey] = e.elementInstanceId;
    const inst = d.instances[e.elementInstanceId];
    if (inst) inst.k = 'job';
  },
  'job.completed': (d, e) => void delete d.jobs[e.jobKey],
  'job.cancelled': (d, e) => void delete d.jobs[e.jobKey],
  'job.failed': (d, e) => {
    if (e.retriesLeft <= 0) delete d.jobs[e.jobKey];
  },
  'incident.raised': (d, e) => {
    d.incidents[e.incidentId] = { ei: e.elementInstanceId, code: e.code, message: e.message, retry: e.retry };
  },
  'incident.resolved': (d, e) => void delete d.incidents[e.incidentId],
  'child.requested': (d, e) => {
    const inst = d.instances[e.elementInstanceId];
    if (inst) inst.k = 'call';
  },
  'multiInstance.changed': (d, e) => {
    const mi = d.instances[e.elementInstanceId]?.mi;
    if (!mi) return;
    // Items align with loopCounter: a cardinality-based body gets null placeholders first.
    if (e.items) mi.items = [...(mi.items ?? new Array<unknown>(mi.n).fill(null)), ...e.items];
    mi.n += (e.added ?? 0) - (e.removed ?? 0);
    if (e.vote === 'yes') mi.yes = (mi.yes ?? 0) + 1;
    if (e.vote === 'no') mi.no = (mi.no ?? 0) + 1;
    if (e.completed) mi.c += e.completed;
  },
  'error.thrown': noop,
  'escalation.thrown': noop,
  'token.moved': noop,
};

function subscribe(
  d: InstanceState,
  e: EventOf<'message.subscribed' | 'signal.subscribed' | 'condition.subscribed'>,
  k: 'message' | 'signal' | 'conditional',
): void {
  d.subs[e.subscriptionId] = { k, ei: e.ownerInstanceId, el: e.elementId };
  if (e.name !== undefined) d.subs[e.subscriptionId].name = e.name;
  if (e.correlationKey !== undefined) d.subs[e.subscriptionId].correlationKey = e.correlationKey;
}

/** Applies one event to a draft in place. Internal: the executor owns its draft. */
export function applyInPlace(draft: InstanceState, event: EngineEvent): void {
  (reducers[event.type] as Reducer<EngineEventType>)(draft, event);
}

/**
 * A copy of a state that reducers may change without touching the original. Reducers replace
 * nested values instead of mutating them (variables, locals, items), so only the containers they
 * do change are copied: this is the hot path of every command. Callers must treat states as
 * immutable values.
 */
export function cloneState(state: Readonly<InstanceState>): InstanceState {
  const instances: InstanceState['instances'] = {};
  for (const id in state.instances) {
    const inst = state.instances[id];
    const copy = { ...inst };
    if (inst.mi) copy.mi = { ...inst.mi };
    instances[id] = copy;
  }
  const joins: InstanceState['joins'] = {};
  for (const key in state.joins) joins[key] = state.joins[key].slice();
  const subs: InstanceState['subs'] = {};
  for (const id in state.subs) subs[id] = { ...state.subs[id] };
  return {
    ...state,
    variables: { ...state.variables },
    instances,
    joins,
    subs,
    jobs: { ...state.jobs },
    incidents: { ...state.incidents },
    visited: state.visited.slice(),
  };
}

/** Applies one event and returns the new state; the input is not modified. */
export function apply(state: Readonly<InstanceState>, event: EngineEvent): InstanceState {
  const draft = cloneState(state);
  applyInPlace(draft, event);
  return draft;
}

/** Rebuilds a state by replaying events from the initial state. */
export function replay(events: readonly EngineEvent[], from: Readonly<InstanceState> = initialState()): InstanceState {
  const draft = cloneState(from);
  for (const event of events) applyInPlace(draft, event);
  return draft;
}
