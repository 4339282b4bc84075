// Commands in, effects out: the types the server programs against.
import type { ExpressionEvaluator } from './expression';
import type { WorkdayCalendar } from './time';
import type { EngineEvent } from '../state/engine-event';
import type { InstanceState } from '../state/instance-state';
import type { RejectionCode } from './engine.errors';

type Vars = Record<string, unknown>;

/** Commands execute() accepts, discriminated by `type`. */
export type EngineCommand =
  | { type: 'start'; variables?: Vars; startEventId?: string; businessKey?: string; initiator?: string }
  | { type: 'completeTask'; elementInstanceId: string; variables?: Vars; outcome?: string }
  | { type: 'fireTimer'; timerId: string }
  | { type: 'correlateMessage'; name: string; correlationKey?: string; variables?: Vars }
  | { type: 'broadcastSignal'; name: string; variables?: Vars }
  | { type: 'completeJob'; jobKey: string; variables?: Vars }
  | { type: 'failJob'; jobKey: string; error: string; retriesLeft: number }
  | { type: 'throwError'; jobKey?: string; elementInstanceId?: string; errorCode: string; message?: string; variables?: Vars }
  | { type: 'childCompleted'; elementInstanceId: string; variables?: Vars }
  | { type: 'childEscalated'; elementInstanceId: string; escalationCode: string }
  | { type: 'cancel'; reason?: string }
  | { type: 'resolveIncident'; incidentId: string }
  | { type: 'moveToken'; fromElementInstanceId: string; targetElementId: string; mode: 'rerun' | 'direct' }
  | { type: 'addInstances'; elementInstanceId: string; items: unknown[] }
  | { type: 'removeInstances'; innerElementInstanceIds: string[] }
  | { type: 'cancelElementInstance'; elementInstanceId: string }
  | { type: 'terminate'; outcome: string }
  | { type: 'setVariables'; variables: Vars }
  | { type: 'withdraw'; elementInstanceId: string };

export type EngineCommandType = EngineCommand['type'];

/** What the server must do after committing the transaction. */
export type EngineEffect =
  | { type: 'scheduleTimer'; timerId: string; elementInstanceId: string; elementId: string; dueAt: string }
  | { type: 'cancelTimer'; timerId: string }
  | { type: 'createJob'; jobKey: string; jobType: string; elementInstanceId: string; elementId: string; retries: number; variables: Vars }
  | { type: 'cancelJob'; jobKey: string }
  | { type: 'startChild'; elementInstanceId: string; processKey: string; version: 'latest' | number; variables: Vars }
  | { type: 'cancelChild'; elementInstanceId: string }
  | { type: 'subscribeMessage'; subscriptionId: string; name: string; correlationKey?: string }
  | { type: 'unsubscribeMessage'; subscriptionId: string; name: string }
  | { type: 'subscribeSignal'; subscriptionId: string; name: string }
  | { type: 'unsubscribeSignal'; subscriptionId: string; name: string }
  | { type: 'throwSignal'; name: string; variables: Vars }
  | { type: 'sendMessage'; name: string; elementId: string; variables: Vars }
  | { type: 'processCompleted'; variables: Vars }
  | { type: 'processTerminated'; outcome: string }
  | { type: 'errorToParent'; errorCode: string | null; message?: string }
  | { type: 'throwEscalation'; escalationCode: string | null };

/** Everything non-deterministic the engine needs, injected by the host. */
export interface EngineEnv {
  /** Current time as an ISO 8601 string. */
  now(): string;
  /** A new unique id (element instances, timers, jobs, subscriptions, incidents). */
  newId(): string;
  readonly expressions: ExpressionEvaluator;
  readonly calendar: WorkdayCalendar;
}

export interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
}

export type ExecuteResult =
  | { readonly ok: true; readonly state: InstanceState; readonly events: EngineEvent[]; readonly effects: EngineEffect[] }
  | { readonly ok: false; readonly rejection: Rejection };
