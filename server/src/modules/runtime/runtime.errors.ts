import type { ErrorCode } from '@liuzhuan/contracts';
import type { Rejection, RejectionCode } from '@liuzhuan/engine';
import { DomainError } from '../../platform/errors/domain-error';

/**
 * The engine's rejections as API codes: a command that does not fit the state is 409, one that
 * does not fit the model 422. (An assertion, not an annotation, so that the list compiles while
 * the engine's rejection codes grow: a code missing here falls back to COMMAND_REJECTED.)
 */
const REJECTION_CODES = {
  PROCESS_NOT_EXECUTABLE: 'PROCESS_NOT_EXECUTABLE',
  INSTANCE_NOT_ACTIVE: 'INSTANCE_NOT_ACTIVE',
  INSTANCE_ALREADY_STARTED: 'COMMAND_REJECTED',
  INSTANCE_NOT_STARTED: 'COMMAND_REJECTED',
  START_EVENT_NOT_FOUND: 'COMMAND_INVALID',
  ELEMENT_INSTANCE_NOT_FOUND: 'COMMAND_REJECTED',
  TASK_NOT_OPEN: 'TASK_NOT_OPEN',
  TIMER_NOT_FOUND: 'COMMAND_REJECTED',
  JOB_NOT_FOUND: 'COMMAND_REJECTED',
  INCIDENT_NOT_FOUND: 'INCIDENT_NOT_FOUND',
  NO_SUBSCRIPTION: 'MESSAGE_NOT_CORRELATED',
  TARGET_NOT_VISITED: 'COMMAND_INVALID',
  TARGET_NOT_IN_SCOPE: 'COMMAND_INVALID',
  NOT_MULTI_INSTANCE: 'COMMAND_INVALID',
  INVALID_COMMAND: 'COMMAND_INVALID',
  // 撤回 after the next handler acted or the flow moved on
  NOT_WITHDRAWABLE: 'NOT_WITHDRAWABLE',
} as Record<RejectionCode, ErrorCode>;

export function rejectionToError(rejection: Rejection): DomainError {
  return new DomainError(REJECTION_CODES[rejection.code] ?? 'COMMAND_REJECTED', rejection.message, { engineCode: rejection.code });
}

/** The runtime module's own rejections; codes and Chinese texts are in libs/contracts runtime.errors.ts. */
export const RuntimeErrors = {
  instanceNotFound: (id: string) => new DomainError('INSTANCE_NOT_FOUND', `Instance ${id} not found`),
  incidentNotFound: (id: string, incidentId: string) =>
    new DomainError('INCIDENT_NOT_FOUND', `Instance ${id} has no incident ${incidentId}`),
  processNotDeployed: (key: string, version?: number) =>
    new DomainError('DEFINITION_NOT_FOUND', `No deployed process ${key}${version ? ` version ${version}` : ''}`),
  notExecutable: (key: string) => new DomainError('PROCESS_NOT_EXECUTABLE', `Process ${key} is not executable`),
  moveWithoutSource: () => new DomainError('COMMAND_INVALID', 'Name the element instance (or task) whose token moves'),
  reasonRequired: () => new DomainError('REASON_REQUIRED', 'A reason is required'),
  messageNotCorrelated: (name: string, correlationKey?: string) =>
    new DomainError('MESSAGE_NOT_CORRELATED', `Nothing waits for message ${name}${correlationKey ? ` with key ${correlationKey}` : ''}`),
};

const VIA_NAMES: Record<string, string> = { documents: '公文办理', mailbox: '领导信箱' };

/** Who may be named, who may start, which variables a caller may set (approvers from the model). */
export const AuthorityErrors = {
  variableReserved: (names: string[]) =>
    new DomainError('VARIABLE_RESERVED', `流程变量 ${names.join('、')} 由系统设置，不能由办理人设置`, { variables: names }),
  notEligible: (
    person: { username: string; displayName: string | null },
    step: { elementId: string; name: string | null },
    variable: string,
  ) =>
    new DomainError(
      'TASK_ASSIGNEE_NOT_ELIGIBLE',
      `${person.displayName ?? person.username}不在“${step.name ?? step.elementId}”环节可选的人员范围内`,
      { username: person.username, elementId: step.elementId, variable },
    ),
  selfApproval: (
    person: { username: string; displayName: string | null },
    step: { elementId: string; name: string | null },
    variable: string,
  ) =>
    new DomainError(
      'TASK_SELF_APPROVAL',
      `不能指定${person.displayName ?? person.username}（本人或流程发起人）办理本流程的“${step.name ?? step.elementId}”环节`,
      { username: person.username, elementId: step.elementId, variable },
    ),
  startForbidden: (key: string) => new DomainError('PROCESS_START_FORBIDDEN', `您无权发起流程 ${key}`, { definitionKey: key }),
  startElsewhere: (key: string, via: string) =>
    new DomainError('PROCESS_START_ELSEWHERE', `流程 ${key} 只能通过${VIA_NAMES[via] ?? via}发起，不能直接发起`, {
      definitionKey: key,
      via,
    }),
};

/** 选择下一步办理人 and the pickers' lists. */
export const EligibilityErrors = {
  stepUnknown: (name: string) => new DomainError('ELIGIBLE_STEP_UNKNOWN', `流程中没有环节或字段 ${name}`, { name }),
  notPickable: (elementId: string, name: string | null) =>
    new DomainError('TASK_NEXT_STEP_NOT_PICKABLE', `“${name ?? elementId}”环节的办理人由流程确定，不能选择`, { elementId }),
  notOpened: (elementIds: string[]) =>
    new DomainError('TASK_NEXT_STEP_NOT_OPENED', `所选环节 ${elementIds.join('、')} 不是本次办理后的下一步`, { elementIds }),
};
