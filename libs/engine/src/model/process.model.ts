// The executable model: what compile() produces and execute() runs. Plain JSON (no class
// instances, no cycles) so the server can cache or store it per definition version.
import type { ParsedExpression } from '../execute/expression';
import type { TimerDefinition } from '../execute/time';
import type { EligibleSource, StartRule } from './eligibility';

export const MODEL_VERSION = 1;

export type ElementType =
  | 'startEvent'
  | 'endEvent'
  | 'intermediateCatchEvent'
  | 'intermediateThrowEvent'
  | 'boundaryEvent'
  | 'task'
  | 'userTask'
  | 'manualTask'
  | 'receiveTask'
  | 'serviceTask'
  | 'sendTask'
  | 'scriptTask'
  | 'subProcess'
  | 'callActivity'
  | 'exclusiveGateway'
  | 'parallelGateway'
  | 'inclusiveGateway'
  | 'eventBasedGateway';

export type TriggerKind = 'none' | 'timer' | 'message' | 'signal' | 'error' | 'escalation' | 'conditional' | 'link' | 'terminate';

export interface TimerSpec {
  readonly source: 'timeDate' | 'timeDuration' | 'timeCycle' | 'workdays';
  readonly text: string;
  /** Parsed at compile time when the text is a literal; absent when it is an expression. */
  readonly timer?: TimerDefinition;
  readonly expression?: ParsedExpression;
  /**
   * `oa:dueDate` beside `oa:dueWorkdays`: when it yields a date-time the timer fires then, when
   * it yields null or empty text the working days count instead.
   */
  readonly date?: ParsedExpression;
}

export interface EventTrigger {
  readonly kind: TriggerKind;
  readonly timer?: TimerSpec;
  /** Message, signal or link name. */
  readonly name?: string;
  /** Error or escalation code; null catches all. */
  readonly code?: string | null;
  readonly condition?: ParsedExpression;
  readonly correlationKey?: ParsedExpression;
}

export interface MultiInstanceSpec {
  readonly sequential: boolean;
  readonly cardinality?: ParsedExpression;
  readonly collection?: ParsedExpression;
  readonly elementVariable?: string;
  readonly completionCondition?: ParsedExpression;
  /** oa:countersign: all | any | ratio:0.6 | veto (会签规则). */
  readonly countersign?: CountersignRule;
}

export type CountersignRule =
  | { readonly kind: 'all' }
  | { readonly kind: 'any' }
  | { readonly kind: 'veto' }
  | { readonly kind: 'ratio'; readonly ratio: number };

/**
 * A text attribute that may hold expressions: literal parts and `${…}` / `=…` parts. A single
 * expression part yields its raw value; several parts are joined as a string.
 */
export type ValueTemplate = readonly (string | ParsedExpression)[];

export interface AssignmentSpec {
  readonly assignee?: ValueTemplate;
  readonly candidateUsers?: ValueTemplate;
  readonly candidateGroups?: ValueTemplate;
  readonly orgRole?: string;
  /** oa:assigneeFrom: where the people a caller names for this task must come from (see eligibility.ts). */
  readonly assigneeFrom?: readonly EligibleSource[];
  /**
   * The process variables a caller may set that name this task's people: the variable the
   * assignee or the candidate users are exactly (`${issuer}`, `=issuer`), or the multi-instance
   * collection (`countersigners`) when the assignee is its element variable. Engine-owned
   * variables (`initiator`) are not listed. Absent when there are none.
   */
  readonly assigneeVariables?: readonly string[];
  /**
   * `oa:dueDate` (or Camunda's/Zeebe's due date), evaluated when the task is created: a date or
   * ISO date-time is the deadline; null or empty falls back to {@link dueWorkdays}. Lets a model
   * take a deadline fixed elsewhere, e.g. a document's 办理期限 in the variable `dueAt`.
   */
  readonly dueDate?: ValueTemplate;
  readonly dueWorkdays?: number;
  readonly formKey?: string;
}

export interface VariableMapping {
  /** Absent: copy all variables. */
  readonly source?: ParsedExpression;
  readonly target?: string;
}

export interface CallSpec {
  readonly processKey: string;
  /** 'latest' or a pinned version number. */
  readonly version: 'latest' | number;
  readonly inputs: readonly VariableMapping[];
  readonly outputs: readonly VariableMapping[];
}

export interface FlowNode {
  readonly id: string;
  readonly type: ElementType;
  readonly name: string | null;
  /** Id of the enclosing scope: the process id or an embedded sub-process id. */
  readonly scope: string;
  readonly incoming: readonly string[];
  readonly outgoing: readonly string[];
  readonly defaultFlow?: string;
  readonly trigger?: EventTrigger;
  /** Boundary events: the activity they are attached to, and whether they interrupt it. */
  readonly attachedTo?: string;
  readonly interrupting?: boolean;
  readonly boundaries?: readonly string[];
  /** Embedded sub-processes (and event sub-processes): their scope description. */
  readonly triggeredByEvent?: boolean;
  readonly loop?: MultiInstanceSpec;
  readonly assignment?: AssignmentSpec;
  readonly job?: { readonly type: string; readonly retries: number };
  readonly script?: { readonly expression: ParsedExpression; readonly resultVariable?: string };
  readonly call?: CallSpec;
  /** Inclusive joins: ids of nodes in the same scope from which a token can still reach this join. */
  readonly upstream?: readonly string[];
  /** Gateway joins: number of incoming flows to wait for. */
  readonly joinCount?: number;
}

export interface SequenceFlow {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly condition?: ParsedExpression;
  readonly generatedId?: boolean;
}

export interface Scope {
  readonly id: string;
  /** None start events (or, for a sub-process without start event, the nodes without incoming flows). */
  readonly starts: readonly string[];
  /** Start events with a trigger (message, timer, signal, conditional) at this level. */
  readonly triggeredStarts: readonly string[];
  /** Event sub-processes directly inside this scope. */
  readonly eventSubProcesses: readonly string[];
  /** Link catch events by link name. */
  readonly linkTargets: Readonly<Record<string, string>>;
}

export interface ExecutableProcess {
  readonly modelVersion: number;
  readonly id: string;
  readonly name: string | null;
  readonly isExecutable: boolean;
  /** Who may start it (camunda:candidateStarterGroups/Users, oa:startVia); absent: any signed-in user. */
  readonly start?: StartRule;
  readonly nodes: Readonly<Record<string, FlowNode>>;
  readonly flows: Readonly<Record<string, SequenceFlow>>;
  readonly scopes: Readonly<Record<string, Scope>>;
  /** Every flow node with name and type, in document order, for progress display. */
  readonly nodeList: readonly { readonly id: string; readonly name: string | null; readonly type: ElementType }[];
}

export const ACTIVITY_TYPES: ReadonlySet<ElementType> = new Set<ElementType>([
  'task',
  'userTask',
  'manualTask',
  'receiveTask',
  'serviceTask',
  'sendTask',
  'scriptTask',
  'subProcess',
  'callActivity',
]);
