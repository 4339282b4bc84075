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
  passwordChangeRequired: () =>
    new DomainError('AUTH_PASSWORD_CHANGE_REQUIRED', 'Change the password first: this sign-in is good for POST /api/auth/password only'),
  currentPasswordWrong: () => new DomainError('AUTH_CURRENT_PASSWORD_WRONG', 'The current password is wrong'),
  passwordUnchanged: () => new DomainError('PASSWORD_UNCHANGED', 'The new password must differ from the current one'),
  passwordTooWeak: () =>
    new DomainError('PASSWORD_TOO_WEAK', 'At least 10 characters, three of lower/upper case, digit, symbol, and not the username'),
  userNotFound: (id: string) => new DomainError('USER_NOT_FOUND', `User ${id} not found`),
  selfUnlock: () => new DomainError('SELF_ADMINISTRATION', 'An administrator does not unlock their own account'),
  passwordReused: (history: number) =>
    new DomainError('PASSWORD_REUSED', `The new password must differ from the last ${history} passwords`, { history }),
  selfReset: () => new DomainError('SELF_ADMINISTRATION', 'An administrator does not reset their own password; change it instead'),
  roleRequired: (roles: Role[]) =>
    new DomainError('FORBIDDEN_ROLE', `This action needs one of the roles: ${roles.join(', ')}`, { required: roles }),
};
