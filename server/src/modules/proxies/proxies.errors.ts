import { DomainError } from '../../platform/errors/domain-error';

/** The proxies module's rejections (代理); codes and Chinese texts are in libs/contracts proxies.errors.ts and approvals.errors.ts. */
export const ProxyErrors = {
  forOthers: () => new DomainError('OPERATION_NOT_ALLOWED', 'Only a system admin sets a proxy for someone else'),
  invalidWindow: () =>
    new DomainError('PROXY_INVALID_WINDOW', 'The window must end after it starts and the deputy differ from the principal'),
  notFound: () => new DomainError('PROXY_NOT_FOUND', 'No proxy in force'),
  userUnknown: (username: string) => new DomainError('APPROVAL_USER_UNKNOWN', `No enabled user ${username}`, { username }),
};
