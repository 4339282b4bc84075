// Instance state: plain JSON, compact (element ids, never model objects), versioned.

export const STATE_SCHEMA_VERSION = 1;

export type InstanceStatus = 'none' | 'active' | 'completed' | 'terminated';

/** Multi-instance body bookkeeping (BPMN 2.0 §10.3.6: nrOfInstances, nrOfCompletedInstances…). */
export interface MultiInstanceState {
  /** nrOfInstances. */
  n: number;
  /** nrOfCompletedInstances. */
  c: number;
  /** Inner instances started so far (sequential: the next loopCounter). */
  s: number;
  /** The input collection, when the body iterates one. */
  items?: unknown[];
  /** Countersign tallies: approvals and rejections. */
  yes?: number;
  no?: number;
}

export interface ElementInstance {
  /** Element id in the model (the process id for the root instance). */
  el: string;
  /** Enclosing scope instance; null for the root. */
  sc: string | null;
  /** 'task': an open user/receive task waiting for completeTask; 'wait': any other wait state. */
  k?: 'task' | 'wait' | 'job' | 'call';
  /** Local variables (multi-instance element variable, loopCounter). */
  v?: Record<string, unknown>;
  mi?: MultiInstanceState;
  /** Inner instance of a multi-instance body. */
  inner?: true;
  /** "direct" return: on completion go straight back to this element instead of the outgoing flows. */
  ret?: string;
}

export interface Subscription {
  /** Kind of trigger. */
  k: 'timer' | 'message' | 'signal' | 'conditional';
  /** Element instance that owns it (the catch event, the boundary's host, the event-based gateway, or a scope). */
  ei: string;
  /** The catching element (catch event, boundary event or event sub-process start event). */
  el: string;
  /** Message or signal name. */
  name?: string;
  correlationKey?: string;
  dueAt?: string;
  /** Cycle timers: how many times it has fired. */
  fired?: number;
}

export interface Incident {
  ei: string;
  code: string;
  message: string;
  /** What resolving it retries: 'activate' re-runs the element, 'complete' re-leaves it, 'job' re-creates the job. */
  retry: 'activate' | 'complete' | 'job';
}

/**
 * What undoing (撤回) one user task completion needs, kept while that completion can still be
 * withdrawn: while something it created still waits (a task, a catch event, a join arrival that
 * has not fired, a vote in a running multi-instance body). Dropped by the reducers as soon as
 * any of it moves on.
 */
export interface WithdrawRecord {
  /** Element id of the completed user task. */
  el: string;
  /** Scope instance it is reopened in (the multi-instance body for an inner instance), or where `up` is re-created. */
  sc: string;
  /** Its local variables (loopCounter and element variable of an inner instance). */
  v?: Record<string, unknown>;
  inner?: true;
  ret?: string;
  /** The countersign vote it cast in a body that is still running. */
  vote?: 'yes' | 'no';
  /** Element instances its completion created that still wait (cancelled on withdraw). */
  w?: string[];
  /** Join arrivals its completion left waiting: [scopeInstanceId, gatewayId, flowId]. */
  a?: [string, string, string][];
  /** Arrivals a join its completion fired had consumed, restored on withdraw: [scopeInstanceId, gatewayId, flowIds]. */
  j?: [string, string, string[]][];
  /**
   * Scopes the completion ended (its own multi-instance body, embedded sub-processes it was the
   * last token of), outermost first: re-created inside `sc` around the reopened task.
   */
  up?: WithdrawScope[];
}

/** A scope instance as it was before the withdrawn completion ended it. */
export interface WithdrawScope {
  el: string;
  v?: Record<string, unknown>;
  ret?: string;
  /** A multi-instance body: its counters before the vote (started count minus the reopened inner instances). */
  mi?: MultiInstanceState;
  /** Locals of the body's inner instances the completion cancelled, reopened with it. */
  sib?: Record<string, unknown>[];
}

export interface InstanceState {
  schemaVersion: number;
  processId: string;
  status: InstanceStatus;
  /** Root element instance id (the process instance itself). */
  root: string | null;
  businessKey?: string;
  initiator?: string;
  outcome?: string;
  variables: Record<string, unknown>;
  instances: Record<string, ElementInstance>;
  /** Join arrivals: `${scopeInstanceId}|${gatewayId}` → arrived flow ids (one entry per token). */
  joins: Record<string, string[]>;
  /** Timers, message/signal/conditional subscriptions, by id (the timer id for timers). */
  subs: Record<string, Subscription>;
  /** Open async jobs: job key → element instance id. */
  jobs: Record<string, string>;
  incidents: Record<string, Incident>;
  /** Element ids that completed at least once (targets for 退回, move token). */
  visited: string[];
  /** Withdrawable completions (撤回) by completed task id; absent when there is none. */
  wd?: Record<string, WithdrawRecord>;
}

export function initialState(): InstanceState {
  return {
    schemaVersion: STATE_SCHEMA_VERSION,
    processId: '',
    status: 'none',
    root: null,
    variables: {},
    instances: {},
    joins: {},
    subs: {},
    jobs: {},
    incidents: {},
    visited: [],
  };
}

export function joinKey(scopeInstanceId: string, gatewayId: string): string {
  return `${scopeInstanceId}|${gatewayId}`;
}

export interface OpenTask {
  readonly elementInstanceId: string;
  readonly elementId: string;
}

/** Open tasks (user tasks and receive tasks waiting for completeTask); the id is the task id. */
export function openTasks(state: Readonly<InstanceState>): OpenTask[] {
  const tasks: OpenTask[] = [];
  for (const id in state.instances) {
    const inst = state.instances[id];
    if (inst.k === 'task') tasks.push({ elementInstanceId: id, elementId: inst.el });
  }
  return tasks;
}

export function childrenOf(state: Readonly<InstanceState>, scopeInstanceId: string): string[] {
  const result: string[] = [];
  for (const id in state.instances) if (state.instances[id].sc === scopeInstanceId) result.push(id);
  return result;
}
