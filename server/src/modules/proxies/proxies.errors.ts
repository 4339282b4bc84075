import { DomainError } from '../../platform/errors/domain-error';

/** The proxies module's rejections (代理); codes and Chinese texts are in libs/contracts proxies.errors.ts and approvals.errors.ts. */
export const ProxyErrors = {
  forOthers: () => new DomainError('OPERATION_NOT_ALLOWED', 'Only the security admin sets a proxy for someone else'),
  reasonRequired: () => new DomainError('PROXY_REASON_REQUIRED', 'A proxy set for someone else needs a reason'),
  selfAppointment: () =>
    new DomainError('PROXY_SELF_APPOINTMENT', 'Whoever sets a proxy for someone else cannot name themselves the deputy'),
  deputyOutsideOrg: (deputy: string) =>
    new DomainError('PROXY_DEPUTY_OUTSIDE_ORG', `${deputy} is neither of the principal's organization nor of one above it`, { deputy }),
  deputyLacksRole: (deputy: string, missing: string[]) =>
    new DomainError('PROXY_DEPUTY_LACKS_ROLE', `${deputy} does not hold the principal's roles: ${missing.join(', ')}`, { deputy, missing }),
  invalidWindow: () =>
    new DomainError('PROXY_INVALID_WINDOW', 'The window must end after it starts and the deputy differ from the principal'),
  notFound: () => new DomainError('PROXY_NOT_FOUND', 'No proxy in force'),
  userUnknown: (username: string) => new DomainError('APPROVAL_USER_UNKNOWN', `No enabled user ${username}`, { username }),
};
