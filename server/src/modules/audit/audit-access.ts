import { Injectable } from '@nestjs/common';
import type { SessionUser } from '@liuzhuan/contracts';
import type { AuditContext } from './audit-event';
import { AuditErrors } from './audit.errors';
import type { AuditScope } from './audit.repository';
import { AuditTrail } from './audit-trail.service';

/**
 * Who may do what with the audit trail (三员分立), each refusal recorded as
 * `audit.access.denied` naming the attempted event type: the 安全审计员 reads, verifies, archives
 * and downloads archives; the 安全保密管理员 reads the auditor's own events and the chain's state
 * (verify, the anchors), never an archive's content; everyone else nothing.
 */
@Injectable()
export class AuditAccess {
  constructor(private readonly trail: AuditTrail) {}

  /** A reader's scope: all events (the auditor) or the auditor's (the security admin). */
  async scopeOf(user: SessionUser, context: AuditContext, attempted: string): Promise<AuditScope> {
    if (user.roles.includes('auditor')) return 'all';
    if (user.roles.includes('security_admin')) return 'auditor-events';
    await this.refuse(context, attempted);
    throw AuditErrors.notAReader();
  }

  /** The auditor only: archiving, and the archived events themselves. */
  async auditorOnly(user: SessionUser, context: AuditContext, attempted: string): Promise<void> {
    if (user.roles.includes('auditor')) return;
    await this.refuse(context, attempted);
    throw AuditErrors.notTheAuditor();
  }

  private async refuse(context: AuditContext, attempted: string): Promise<void> {
    await this.trail.recordAlone(context, {
      type: 'audit.access.denied',
      result: 'failure',
      errorCode: 'FORBIDDEN_ROLE',
      details: { attempted },
    });
  }
}
