// Rejection codes of execute(): a command that does not fit the current state. The server maps
// them to 409/422; they belong in libs/contracts once the server exposes them.
export type RejectionCode =
  | 'PROCESS_NOT_EXECUTABLE'
  | 'INSTANCE_NOT_ACTIVE'
  | 'INSTANCE_ALREADY_STARTED'
  | 'INSTANCE_NOT_STARTED'
  | 'START_EVENT_NOT_FOUND'
  | 'ELEMENT_INSTANCE_NOT_FOUND'
  | 'TASK_NOT_OPEN'
  | 'TIMER_NOT_FOUND'
  | 'JOB_NOT_FOUND'
  | 'INCIDENT_NOT_FOUND'
  | 'NO_SUBSCRIPTION'
  | 'TARGET_NOT_VISITED'
  | 'TARGET_NOT_IN_SCOPE'
  | 'NOT_MULTI_INSTANCE'
  | 'NOT_WITHDRAWABLE'
  | 'INVALID_COMMAND';
