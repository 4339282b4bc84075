import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DefinitionEntity, DeploymentEntity, EventSubscriptionEntity } from './definition.entity';
import { CalendarModule } from '../calendar/calendar.api';
import { JobsModule } from '../jobs/jobs.api';
import { FormsModule } from '../forms/forms.api';
import { AuditModule } from '../audit/audit.api';
import { DefinitionRepository, SubscriptionRepository } from './definition.repository';
import { DefinitionsController } from './definitions.controller';
import { DefinitionsService } from './definitions.service';
import { ProcessCache } from './process-cache';
import { ShippedWorkflows } from './shipped-workflows';

/** Deploy, validate and version BPMN; start events registered at deploy; event subscriptions. */
@Module({
  imports: [
    TypeOrmModule.forFeature([DeploymentEntity, DefinitionEntity, EventSubscriptionEntity]),
    JobsModule,
    CalendarModule,
    FormsModule,
    AuditModule,
  ],
  controllers: [DefinitionsController],
  providers: [DefinitionRepository, SubscriptionRepository, DefinitionsService, ProcessCache, ShippedWorkflows],
  exports: [DefinitionRepository, SubscriptionRepository, DefinitionsService, ProcessCache, ShippedWorkflows],
})
export class DefinitionsModule {}
