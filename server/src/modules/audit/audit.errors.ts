import { AUDIT_READER_ROLES } from '@liuzhuan/contracts';
import { DomainError } from '../../platform/errors/domain-error';
import type { ChainCheckResult } from './audit-chain-check';

/** The audit module's rejections; codes in libs/contracts (the 403 is the generic one of auth.errors.ts, the rest audit.errors.ts). */
export const AuditErrors = {
  notAReader: () =>
    new DomainError('FORBIDDEN_ROLE', `The audit trail is read by the roles: ${AUDIT_READER_ROLES.join(', ')}`, {
      required: AUDIT_READER_ROLES,
    }),
  notTheAuditor: () =>
    new DomainError('FORBIDDEN_ROLE', 'Only the auditor archives the audit trail and reads its archives', { required: ['auditor'] }),
  retention: (retentionDays: number, latestBefore: number) =>
    new DomainError(
      'AUDIT_RETENTION',
      `Events are kept at least ${retentionDays} days: archive before ${new Date(latestBefore).toISOString()} at the latest`,
      {
        retentionDays,
        latestBefore: new Date(latestBefore).toISOString(),
      },
    ),
  nothingToArchive: () => new DomainError('AUDIT_ARCHIVE_EMPTY', 'No event after the last anchor is older than the cut-off'),
  chainBroken: (check: ChainCheckResult) =>
    new DomainError('AUDIT_ARCHIVE_CHAIN_BROKEN', `The events to archive do not verify (first broken seq ${check.firstBrokenSeq})`, {
      firstBrokenSeq: check.firstBrokenSeq,
      firstBrokenId: check.firstBrokenId,
    }),
  conflict: () => new DomainError('AUDIT_ARCHIVE_CONFLICT', 'Another archive of the same events committed first'),
  anchorNotFound: () => new DomainError('AUDIT_ANCHOR_NOT_FOUND', 'No such anchor'),
  fileMissing: () => new DomainError('AUDIT_ARCHIVE_FILE_MISSING', "The anchor's archive file is not in the file store"),
};
