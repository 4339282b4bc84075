import { DomainError } from '../../platform/errors/domain-error';

/** Rejections of a user's contact data (kept apart from org.errors.ts); codes in libs/contracts. */
export const UserContactErrors = {
  userNotFound: (id: string) => new DomainError('USER_NOT_FOUND', `User ${id} not found`),
  notYours: () => new DomainError('FORBIDDEN_ROLE', "Only the user or the system admin may change a user's contact data"),
};
