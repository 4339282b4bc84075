import { Module } from '@nestjs/common';
import { StorageModule } from '../../platform/storage/storage.module';
import { AuditAccess } from './audit-access';
import { AuditArchiveController } from './audit-archive.controller';
import { AuditArchiveRepository } from './audit-archive.repository';
import { AuditArchiver } from './audit-archive.service';
import { AuditController } from './audit.controller';
import { AuditReader } from './audit-reader.service';
import { AuditRepository } from './audit.repository';
import { AuditTrail } from './audit-trail.service';

/**
 * The audit trail: `AuditTrail` records (every module imports this module for it), `AuditReader`
 * serves the auditor, `AuditArchiver` archives old events and verifies the archives.
 */
@Module({
  imports: [StorageModule],
  controllers: [AuditController, AuditArchiveController],
  providers: [AuditTrail, AuditReader, AuditRepository, AuditAccess, AuditArchiver, AuditArchiveRepository],
  exports: [AuditTrail],
})
export class AuditModule {}
