import { RenderingModule } from '../rendering/rendering.api';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DOCUMENT_ENTITIES } from './document.entity';
import { StorageModule } from '../../platform/storage/storage.module';
import { AuditModule } from '../audit/audit.api';
import { CalendarModule } from '../calendar/calendar.api';
import { DefinitionsModule } from '../definitions/definitions.api';
import { NotificationsModule } from '../notifications/notifications.api';
import { OrgModule } from '../org/org.api';
import { RuntimeModule } from '../runtime/runtime.api';
import { SigningModule } from '../signing/signing.api';
import { TasksModule } from '../tasks/tasks.api';
import { AttachmentsService } from './attachments.service';
import { CirculationService } from './circulation.service';
import { ClassificationService } from './classification.service';
import { CirculationRepository } from './circulation.repository';
import { CirculationsController } from './circulations.controller';
import { DocNumberService } from './doc-number.service';
import { DocNumbersController } from './doc-numbers.controller';
import { DocumentStepHook } from './document-step-hook';
import { DocumentOpinionSubject } from './document-opinion-subject';
import { DocumentAccess } from './document-access';
import { DocumentRepository } from './document.repository';
import { DocumentVersions } from './document-versions';
import { DocumentsController } from './documents.controller';
import { ProcessingSheetService } from './processing-sheet.service';
import { RenditionService } from './rendition.service';
import { DocumentRegisterService } from './document-register.service';
import { DocumentsService } from './documents.service';
import { DocumentDeadlines } from './document-deadlines';

/** 公文: registration and drafting (starting their processes), 发文字号, attachments, 传阅. */
import { DocumentVerificationController } from './document-verification.controller';
import { DocumentVerifier } from './document-verification';
import { DocumentSignatureRepository } from './document-signature.repository';
import { DocumentSignatures } from './document-signatures';
@Module({
  imports: [
    TypeOrmModule.forFeature([...DOCUMENT_ENTITIES]),
    RuntimeModule,
    DefinitionsModule,
    CalendarModule,
    OrgModule,
    NotificationsModule,
    StorageModule,
    TasksModule,
    RenderingModule,
    AuditModule,
    SigningModule,
  ],
  controllers: [DocumentsController, DocNumbersController, CirculationsController, DocumentVerificationController],
  providers: [
    DocumentRepository,
    CirculationRepository,
    DocumentAccess,
    DocumentVersions,
    DocumentsService,
    DocNumberService,
    AttachmentsService,
    CirculationService,
    ClassificationService,
    DocumentOpinionSubject,
    DocumentStepHook,
    ProcessingSheetService,
    RenditionService,
    DocumentRegisterService,
    DocumentVerifier,
    DocumentDeadlines,
    DocumentSignatureRepository,
    DocumentSignatures,
  ],
  exports: [DocumentsService, DocumentRepository],
})
export class DocumentsModule {}
