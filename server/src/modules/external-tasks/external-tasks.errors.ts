import { DomainError } from '../../platform/errors/domain-error';

/** The external-tasks module's rejections; codes and Chinese texts are in libs/contracts external-tasks.errors.ts. */
export const ExternalTaskErrors = {
  apiKeyInvalid: () => new DomainError('API_KEY_INVALID', 'Send a valid worker API key in X-Api-Key'),
  notFound: (id: string) => new DomainError('EXTERNAL_TASK_NOT_FOUND', `External task ${id} not found`),
  notLocked: (id: string, workerId?: string) =>
    new DomainError('EXTERNAL_TASK_NOT_LOCKED', `External task ${id} is not locked${workerId ? ` by ${workerId}` : ''}`),
};
