import type { Role } from '@liuzhuan/contracts';
import { DomainError } from '../../platform/errors/domain-error';

/** The auth module's rejections; codes and Chinese texts are in libs/contracts auth.errors.ts. */
export const AuthErrors = {
  noBearer: () => new DomainError('AUTH_REQUIRED', 'Sign in first: send Authorization: Bearer <token>'),
  malformedToken: () => new DomainError('AUTH_REQUIRED', 'Sign in first'),
  invalidCredentials: () => new DomainError('AUTH_INVALID_CREDENTIALS', 'Wrong username or password'),
  userDisabled: () => new DomainError('AUTH_USER_DISABLED', 'This account is disabled'),
  accountLocked: (until: Date) =>
    new DomainError('AUTH_ACCOUNT_LOCKED', `Too many failed sign-ins; locked until ${until.toISOString()}`, {
      lockedUntil: until.toISOString(),
    }),
  sessionEnded: () => new DomainError('AUTH_SESSION_EXPIRED', 'The session has ended; sign in again'),
  sessionExpired: () => new DomainError('AUTH_SESSION_EXPIRED', 'The session has expired; sign in again'),
  roleRequired: (roles: Role[]) =>
    new DomainError('FORBIDDEN_ROLE', `This action needs one of the roles: ${roles.join(', ')}`, { required: roles }),
};
