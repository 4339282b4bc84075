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
