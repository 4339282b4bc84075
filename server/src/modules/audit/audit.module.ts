import { Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail.service';

/**
 * The audit trail's write side: `AuditTrail` records (every module imports this module for it).
 * The read side (the auditor's console) is {@link AuditConsoleModule}: it names actors and targets
 * through the other modules, so it cannot be imported by them.
 */
@Module({
  providers: [AuditTrail],
  exports: [AuditTrail],
})
export class AuditModule {}
