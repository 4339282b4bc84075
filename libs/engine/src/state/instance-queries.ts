// Read-only queries over an instance state for code outside the engine (in the spirit of Zeebe's
// `state/immutable/*State` interfaces): the server holds a state only as an opaque snapshot and
// asks these, so the compact field names (`el`, `sc`, `mi`, …) stay the engine's own business.
import type { ExecutableProcess } from '../model/process.model';
import { returnTargets as returnTargetsIn, type ReturnTarget } from '../execute/return-targets';
import { withdrawal } from '../execute/behaviors/withdrawal';
import type { InstanceState, InstanceStatus } from './instance-state';

/**
 * An instance state held outside the engine: opaque but for its schema version. Obtain one with
 * {@link readState} (or take an `execute` result's `state`), keep it for the command, and read it
 * only through the queries exported beside it.
 */
export interface InstanceSnapshot {
  readonly schemaVersion: number;
}

/** An incident raised by the engine, as an admin sees it. */
export interface IncidentView {
  /** The incident id ({@link InstanceSnapshot} key; what `resolveIncident` takes). */
  readonly id: string;
  /** The element it was raised on; null when that element instance is gone. */
  readonly elementId: string | null;
  readonly code: string;
  readonly message: string;
}

/** A running countersign (会签): the multi-instance body a task is an inner instance of. */
export interface OpenCountersign {
  /** The multi-instance body's element instance id (what `addInstances` takes). */
  readonly bodyId: string;
  /** Its open inner instances, the task itself included (their ids are the task ids). */
  readonly innerIds: readonly string[];
}

// Only the engine knows a snapshot is its InstanceState; every query goes through here.
function stateOf(snapshot: InstanceSnapshot): Readonly<InstanceState> {
  return snapshot as Readonly<InstanceState>;
}

function has(map: object, key: string): boolean {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(map, key);
}

/**
 * Parses a persisted instance state (the JSON the server stores) into a snapshot. Parse it once
 * per command and pass the snapshot to `execute` and to the queries.
 */
export function readState(json: string): InstanceSnapshot {
  return JSON.parse(json) as InstanceSnapshot;
}

/** Where the instance is in its life: 'none' before it started, then 'active', 'completed' or 'terminated'. */
export function instanceStatus(snapshot: InstanceSnapshot): InstanceStatus {
  return stateOf(snapshot).status;
}

/** The root element instance id (the process instance's own id); null before the start. */
export function rootInstanceId(snapshot: InstanceSnapshot): string | null {
  return stateOf(snapshot).root;
}

/** The business key the start command gave, if any. */
export function businessKeyOf(snapshot: InstanceSnapshot): string | undefined {
  return stateOf(snapshot).businessKey;
}

/** Element ids with an active element instance, the process itself excepted (for progress marking). */
export function activeElementIds(snapshot: InstanceSnapshot): string[] {
  const state = stateOf(snapshot);
  const ids = new Set<string>();
  for (const id in state.instances) {
    if (id !== state.root) ids.add(state.instances[id].el);
  }
  return [...ids];
}

/**
 * The SQL/JSON path (`JSON_VALUE`, `json_extract`) at which a top-level process variable lies in
 * the persisted state JSON: the value {@link processVariables} gives for `name` once the JSON is
 * read with {@link readState}. For a database that reads a variable without parsing the state
 * (the inbox lists). `name` must be a plain identifier (letters, digits, `_`): anything else
 * would need quoting in the path, and is refused.
 */
export function variableJsonPath(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a plain variable name: ${name}`);
  return `$.variables.${name}`;
}

/** The process variables (read-only view; the engine changes them only through commands). */
export function processVariables(snapshot: InstanceSnapshot): Readonly<Record<string, unknown>> {
  return stateOf(snapshot).variables;
}

/** The open incidents, in the order they were raised. */
export function incidents(snapshot: InstanceSnapshot): IncidentView[] {
  const state = stateOf(snapshot);
  return Object.keys(state.incidents).map((id) => incidentView(state, id));
}

/** One open incident by id; null when the instance has none of that id (it may be a failed job). */
export function incident(snapshot: InstanceSnapshot, incidentId: string): IncidentView | null {
  const state = stateOf(snapshot);
  return has(state.incidents, incidentId) ? incidentView(state, incidentId) : null;
}

function incidentView(state: Readonly<InstanceState>, id: string): IncidentView {
  const { ei, code, message } = state.incidents[id];
  return { id, elementId: state.instances[ei]?.el ?? null, code, message };
}

/**
 * Whether a task is an inner instance of a multi-instance body (a countersign, 会签, task).
 * False for an unknown or ended task.
 */
export function isCountersignTask(snapshot: InstanceSnapshot, taskId: string): boolean {
  const state = stateOf(snapshot);
  return has(state.instances, taskId) && !!state.instances[taskId].inner;
}

/**
 * The running countersign (会签) a task belongs to: its multi-instance body and the body's open
 * inner instances (BPMN 2.0 §10.3.6). null when the task is not an open inner instance.
 */
export function openCountersignOf(snapshot: InstanceSnapshot, taskId: string): OpenCountersign | null {
  const state = stateOf(snapshot);
  if (!has(state.instances, taskId)) return null;
  const task = state.instances[taskId];
  if (!task.inner || !task.sc) return null;
  const bodyId = task.sc;
  const innerIds: string[] = [];
  for (const id in state.instances) if (state.instances[id].sc === bodyId) innerIds.push(id);
  return { bodyId, innerIds };
}

/**
 * The visited user tasks an open element instance can be returned (退回) to, nearest first (see
 * the engine's return-target rules: backwards through gateways and events, out of embedded
 * sub-processes, never into one). Unknown instance: [].
 */
export function returnTargets(process: ExecutableProcess, snapshot: InstanceSnapshot, elementInstanceId: string): ReturnTarget[] {
  return returnTargetsIn(process, stateOf(snapshot), elementInstanceId);
}

/**
 * Whether the completion of a user task can be withdrawn (撤回) now, and which open tasks a
 * withdraw would cancel (the server refuses once one of them has been opened). null: it cannot.
 */
export function withdrawalPlan(snapshot: InstanceSnapshot, completedTaskId: string): { cancelsTasks: string[] } | null {
  return withdrawal(stateOf(snapshot), completedTaskId);
}

/** The catching element of a message/signal/timer subscription; null when the subscription is gone. */
export function subscriptionElementId(snapshot: InstanceSnapshot, subscriptionId: string): string | null {
  const state = stateOf(snapshot);
  return has(state.subs, subscriptionId) ? state.subs[subscriptionId].el : null;
}

/** Whether the instance waits on any subscription (timer, message, signal or conditional). */
export function hasSubscriptions(snapshot: InstanceSnapshot): boolean {
  for (const _ in stateOf(snapshot).subs) return true;
  return false;
}

/** Whether the instance waits on any open async job (a service task's job). */
export function hasOpenJobs(snapshot: InstanceSnapshot): boolean {
  for (const _ in stateOf(snapshot).jobs) return true;
  return false;
}
