import { DomainError } from '../../platform/errors/domain-error';

/** The jobs module's rejections; codes and Chinese texts are in libs/contracts jobs.errors.ts. */
export const JobErrors = {
  notFound: (id: string) => new DomainError('JOB_NOT_FOUND', `Job ${id} not found`),
};
