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
