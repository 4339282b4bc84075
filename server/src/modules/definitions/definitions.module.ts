import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { JobsModule } from '../jobs/jobs.module';
import { DefinitionRepository, SubscriptionRepository } from './definition.repository';
import { DefinitionsController } from './definitions.controller';
import { DefinitionsService } from './definitions.service';
import { ProcessCache } from './process-cache';

/** Deploy, validate and version BPMN; start events registered at deploy; event subscriptions. */
@Module({
  imports: [JobsModule, CalendarModule],
  controllers: [DefinitionsController],
  providers: [DefinitionRepository, SubscriptionRepository, DefinitionsService, ProcessCache],
  exports: [DefinitionRepository, SubscriptionRepository, DefinitionsService, ProcessCache],
})
export class DefinitionsModule {}
