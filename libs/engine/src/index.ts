// Public API of the Liuzhuan BPMN engine: compile at deploy time, execute per command.
export const ENGINE_VERSION = 1;

export { compile, executableProcesses, isDeployable, type CompileResult } from './parse/compile';
export type { Diagnostic, DiagnosticCode } from './parse/diagnostic';
export { MAX_DEPTH, MAX_XML_BYTES } from './parse/xml-guard';
export type {
  AssignmentSpec,
  CallSpec,
  CountersignRule,
  ElementType,
  EventTrigger,
  ExecutableProcess,
  FlowNode,
  MultiInstanceSpec,
  Scope,
  SequenceFlow,
  TimerSpec,
  ValueTemplate,
} from './model/process.model';
export { MODEL_VERSION } from './model/process.model';
export { OA_DESCRIPTOR, oaDescriptorBeside, type ModdleDescriptor } from './model/oa-descriptor';
export { serializeProcess, deserializeProcess, startTriggers, type StartTrigger } from './model/process-serialization';
export { execute, MAX_STEPS } from './execute/execute';
export { nextStartTimer, type StartTimerDue } from './execute/start-timers';
export type { ReturnTarget } from './execute/return-targets';
export type { EngineCommand, EngineCommandType, EngineEffect, EngineEnv, ExecuteResult, Rejection } from './execute/engine-api.types';
export type { RejectionCode } from './execute/engine.errors';
export type { EngineEvent, EngineEventType, EventOf } from './state/engine-event';
export {
  initialState,
  openTasks,
  STATE_SCHEMA_VERSION,
  type ElementInstance,
  type InstanceState,
  type InstanceStatus,
  type OpenTask,
  type WithdrawRecord,
} from './state/instance-state';
export { apply, replay } from './state/reducers';
export {
  activeElementIds,
  businessKeyOf,
  hasOpenJobs,
  hasSubscriptions,
  incident,
  incidents,
  instanceStatus,
  isCountersignTask,
  openCountersignOf,
  processVariables,
  readState,
  returnTargets,
  rootInstanceId,
  subscriptionElementId,
  variableJsonPath,
  withdrawalPlan,
  type IncidentView,
  type InstanceSnapshot,
  type OpenCountersign,
} from './state/instance-queries';
export { createExpressionEvaluator, parseExpression, type ExpressionEvaluator } from './execute/expression';
export type { WorkdayCalendar } from './execute/time';
export {
  eligibilityRules,
  formatEligibleSource,
  nextUserTasks,
  pickSources,
  parseEligibleSources,
  type EligibilityRule,
  type EligibleSource,
  type StartRule,
} from './model/eligibility';
