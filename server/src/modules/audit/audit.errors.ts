import { AUDIT_READER_ROLES } from '@liuzhuan/contracts';
import { DomainError } from '../../platform/errors/domain-error';

/** The audit module's rejections; the code is the generic 403 of libs/contracts auth.errors.ts. */
export const AuditErrors = {
  notAReader: () =>
    new DomainError('FORBIDDEN_ROLE', `The audit trail is read by the roles: ${AUDIT_READER_ROLES.join(', ')}`, {
      required: AUDIT_READER_ROLES,
    }),
};
