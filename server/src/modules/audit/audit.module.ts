import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditReader } from './audit-reader.service';
import { AuditRepository } from './audit.repository';
import { AuditTrail } from './audit-trail.service';

/** The audit trail: `AuditTrail` records (every module imports this module for it), `AuditReader` serves the auditor. */
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditReader, AuditRepository],
  exports: [AuditTrail],
})
export class AuditModule {}
