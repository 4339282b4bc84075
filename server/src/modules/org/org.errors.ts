import type { Role } from '@liuzhuan/contracts';
import { DomainError } from '../../platform/errors/domain-error';

/** The org module's rejections; codes and Chinese texts are in libs/contracts org.errors.ts. */
export const OrgErrors = {
  orgNotFound: (id: string) => new DomainError('ORG_NOT_FOUND', `Organization ${id} not found`),
  parentNotFound: (id: string) => new DomainError('ORG_NOT_FOUND', `Parent organization ${id} not found`),
  codeTaken: (code: string) => new DomainError('ORG_CODE_TAKEN', `Organization code ${code} is taken`),
  parentCycle: () => new DomainError('ORG_PARENT_CYCLE', 'An organization cannot be placed under itself'),
  userNotFound: (id: string) => new DomainError('USER_NOT_FOUND', `User ${id} not found`),
  passwordTooWeak: () => new DomainError('PASSWORD_TOO_WEAK', 'Password does not meet the policy'),
  usernameTaken: (username: string) => new DomainError('USERNAME_TAKEN', `Username ${username} is taken`),
  roleSeparation: () => new DomainError('ROLE_SEPARATION', 'System admin, security admin and auditor must be different people'),
  selfAdministration: () =>
    new DomainError('SELF_ADMINISTRATION', 'An administrator changes neither their own roles, groups or password, nor disables themselves'),
  lastAdmin: (role: Role) =>
    new DomainError('LAST_ADMIN', `The last enabled holder of ${role} cannot be disabled or lose the role`, { role }),
  ownClearance: () => new DomainError('CLEARANCE_OWN_FORBIDDEN', 'No one sets their own clearance'),
  groupsNotFound: (missing: string[]) => new DomainError('GROUP_NOT_FOUND', `Unknown groups: ${missing.join(', ')}`, { missing }),
};
