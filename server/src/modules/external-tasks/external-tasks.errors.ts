import { DomainError } from '../../platform/errors/domain-error';

/** The external-tasks module's rejections; codes and Chinese texts are in libs/contracts external-tasks.errors.ts. */
export const ExternalTaskErrors = {
  apiKeyInvalid: () => new DomainError('API_KEY_INVALID', 'Send a valid worker API key in X-Api-Key'),
  apiKeyRevoked: () => new DomainError('API_KEY_REVOKED', 'This API key has been revoked'),
  apiKeyExpired: () => new DomainError('API_KEY_EXPIRED', 'This API key has expired'),
  apiKeyNotFound: (id: string) => new DomainError('API_KEY_NOT_FOUND', `API key ${id} not found`),
  apiKeyExpiryInvalid: (maxDays: number) =>
    new DomainError('API_KEY_EXPIRY_INVALID', `expiresAt must be in the future and at most ${maxDays} days away`),
  topicForbidden: (topics: string[]) =>
    new DomainError('API_KEY_TOPIC_FORBIDDEN', `This API key may not fetch or act on topic ${topics.join(', ')}`, { topics }),
  notFound: (id: string) => new DomainError('EXTERNAL_TASK_NOT_FOUND', `External task ${id} not found`),
  notLocked: (id: string) => new DomainError('EXTERNAL_TASK_NOT_LOCKED', `External task ${id} is not locked, or its lock has expired`),
  lockedByOther: (id: string, workerId: string) =>
    new DomainError('EXTERNAL_TASK_LOCKED_BY_OTHER', `External task ${id} is not locked by worker ${workerId} with this API key`),
  workerIdRequired: () => new DomainError('EXTERNAL_TASK_WORKER_ID_REQUIRED', 'Send the workerId that holds the lock'),
  variableReserved: (names: string[]) =>
    new DomainError('EXTERNAL_TASK_VARIABLE_RESERVED', `A worker may not set the reserved variable(s) ${names.join(', ')}`, {
      variables: names,
    }),
};
