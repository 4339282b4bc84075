import { Module } from '@nestjs/common';
import { StorageModule } from '../../platform/storage/storage.module';
import { AuditAccess } from './audit-access';
import { AuditArchiveController } from './audit-archive.controller';
import { AuditArchiveRepository } from './audit-archive.repository';
import { AuditArchiver } from './audit-archive.service';
import { AuditController } from './audit.controller';
import { AuditModule } from './audit.module';
import { AuditNames } from './audit-names';
import { AuditReader } from './audit-reader.service';
import { AuditRepository } from './audit.repository';

/**
 * The audit trail's read side: `AuditReader` serves the auditor (search, export, verify),
 * `AuditArchiver` archives old events and verifies the archives, and `AuditNames` names the actors
 * and targets through the owning modules' look-ups (their *.api.ts: plain functions on the data
 * source, so this module imports none of their Nest modules). Only the application imports it;
 * the other modules import {@link AuditModule}.
 */
@Module({
  imports: [AuditModule, StorageModule],
  controllers: [AuditController, AuditArchiveController],
  providers: [AuditReader, AuditRepository, AuditNames, AuditAccess, AuditArchiver, AuditArchiveRepository],
})
export class AuditConsoleModule {}
