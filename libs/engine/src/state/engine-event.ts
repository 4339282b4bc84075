// Engine events: past-tense facts. They are the history, and replaying them through apply()
// rebuilds the instance state exactly.
import type { MultiInstanceState, Subscription, WithdrawRecord } from './instance-state';

interface Base {
  /** ISO timestamp from env.now(). */
  readonly at: string;
}

interface OnInstance extends Base {
  readonly elementId: string;
  readonly elementInstanceId: string;
}

interface SubscribedFields {
  readonly subscriptionId: string;
  readonly ownerInstanceId: string;
  readonly name?: string;
  readonly correlationKey?: string;
}

export type CountersignInfo = { readonly kind: string; readonly ratio?: number };

export type EngineEvent =
  | (Base & {
      readonly type: 'process.started';
      readonly processId: string;
      readonly elementInstanceId: string;
      readonly variables: Record<string, unknown>;
      readonly businessKey?: string;
      readonly initiator?: string;
      readonly startEventId?: string;
    })
  | (Base & { readonly type: 'process.completed'; readonly variables: Record<string, unknown> })
  | (Base & { readonly type: 'process.terminated'; readonly outcome: string; readonly reason?: string })
  | (OnInstance & {
      readonly type: 'element.activated';
      readonly scopeInstanceId: string | null;
      readonly elementType: string;
      readonly variables?: Record<string, unknown>;
      readonly inner?: true;
      readonly mi?: MultiInstanceState;
      readonly ret?: string;
      /** Join gateways: the arrivals consumed, one per flow id listed. */
      readonly consumed?: readonly string[];
    })
  | (OnInstance & { readonly type: 'element.waiting'; readonly kind: 'task' | 'wait' | 'job' | 'call' })
  | (OnInstance & { readonly type: 'element.completed' })
  | (OnInstance & { readonly type: 'element.terminated' })
  | (Base & {
      readonly type: 'flow.taken';
      readonly flowId: string;
      readonly elementId: string;
      readonly scopeInstanceId: string;
      /** The target is a join gateway: the token waits there as an arrival. */
      readonly join?: true;
    })
  | (Base & {
      readonly type: 'variables.updated';
      readonly variables: Record<string, unknown>;
      /** Set on local variables of an element instance; absent for process variables. */
      readonly elementInstanceId?: string;
    })
  | (OnInstance & {
      readonly type: 'task.created';
      readonly name: string | null;
      readonly assignee: string | null;
      readonly candidateUsers: string[];
      readonly candidateGroups: string[];
      readonly orgRole: string | null;
      readonly dueAt: string | null;
      readonly dueProvisional?: boolean;
      readonly formKey: string | null;
      readonly countersign: CountersignInfo | null;
      readonly multiInstance: { readonly bodyInstanceId: string; readonly loopCounter: number; readonly nrOfInstances: number } | null;
      /** Set when the task was reopened by 撤回: the completed task it replaces. */
      readonly withdrawnFrom?: string;
    })
  | (OnInstance & { readonly type: 'task.completed'; readonly outcome?: string; readonly variables?: Record<string, unknown> })
  | (OnInstance & { readonly type: 'task.cancelled' })
  | (OnInstance & {
      /** The completion of a user task (elementInstanceId) can be withdrawn (撤回) for now. */
      readonly type: 'task.withdrawable';
      readonly record: WithdrawRecord;
    })
  | (OnInstance & {
      /** The completion of elementInstanceId was withdrawn; the task is open again as reopenedElementInstanceId. */
      readonly type: 'task.withdrawn';
      readonly reopenedElementInstanceId: string;
    })
  | (OnInstance & {
      readonly type: 'timer.scheduled';
      readonly timerId: string;
      readonly dueAt: string;
      readonly ownerInstanceId: string;
      readonly fired?: number;
    })
  | (Base & { readonly type: 'timer.fired'; readonly timerId: string })
  | (Base & { readonly type: 'timer.cancelled'; readonly timerId: string })
  | (OnInstance & SubscribedFields & { readonly type: 'message.subscribed' })
  | (OnInstance & SubscribedFields & { readonly type: 'signal.subscribed' })
  | (OnInstance & SubscribedFields & { readonly type: 'condition.subscribed' })
  | (Base & { readonly type: 'subscription.closed'; readonly subscriptionId: string; readonly kind: Subscription['k'] })
  | (OnInstance & { readonly type: 'job.created'; readonly jobKey: string; readonly jobType: string; readonly retries: number })
  | (Base & { readonly type: 'job.completed'; readonly jobKey: string })
  | (Base & { readonly type: 'job.cancelled'; readonly jobKey: string })
  | (Base & { readonly type: 'job.failed'; readonly jobKey: string; readonly error: string; readonly retriesLeft: number })
  | (OnInstance & {
      readonly type: 'incident.raised';
      readonly incidentId: string;
      readonly code: string;
      readonly message: string;
      readonly retry: 'activate' | 'complete' | 'job';
    })
  | (Base & { readonly type: 'incident.resolved'; readonly incidentId: string })
  | (OnInstance & { readonly type: 'child.requested'; readonly processKey: string; readonly version: 'latest' | number })
  | (OnInstance & {
      readonly type: 'multiInstance.changed';
      readonly added?: number;
      readonly removed?: number;
      readonly items?: unknown[];
      readonly vote?: 'yes' | 'no';
      /** 撤回 of a vote: the vote taken back from the tally. */
      readonly unvote?: 'yes' | 'no';
      /** Added to nrOfCompletedInstances (negative when a completion is withdrawn). */
      readonly completed?: number;
      /** Added to the started count (negative when a withdrawn inner instance is reopened). */
      readonly started?: number;
    })
  | (Base & {
      readonly type: 'error.thrown';
      readonly elementId: string;
      readonly errorCode: string | null;
      readonly caughtBy: string | null;
    })
  | (Base & {
      readonly type: 'escalation.thrown';
      readonly elementId: string;
      readonly escalationCode: string | null;
      readonly caughtBy: string | null;
    })
  | (Base & {
      readonly type: 'token.moved';
      readonly fromElementInstanceId: string;
      readonly targetElementId: string;
      readonly mode: 'rerun' | 'direct';
    })
  | (Base & {
      /** Join arrivals changed by a modification (退回 re-run, 撤回): removed ones first, then added ones. */
      readonly type: 'join.changed';
      readonly elementId: string;
      readonly scopeInstanceId: string;
      readonly removed?: readonly string[];
      readonly added?: readonly string[];
    });

export type EngineEventType = EngineEvent['type'];
export type EventOf<T extends EngineEventType> = Extract<EngineEvent, { type: T }>;
