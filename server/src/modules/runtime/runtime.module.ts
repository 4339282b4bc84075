import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HistoryEventEntity, InstanceEntity } from './instance.entity';
import { CcCopyEntity, TaskCandidateEntity, TaskEntity } from './task.entity';
import { CalendarModule } from '../calendar/calendar.api';
import { DefinitionsModule } from '../definitions/definitions.api';
import { JobsModule } from '../jobs/jobs.api';
import { NotificationsModule } from '../notifications/notifications.api';
import { OrgModule } from '../org/org.api';
import { ProxiesModule } from '../proxies/proxies.api';
import { CallerAuthority } from './caller-authority';
import { EligiblePeople } from './eligible-people';
import { AuditModule } from '../audit/audit.api';
import { CommandExecutor } from './command-executor.service';
import { EffectApplier } from './effect-applier';
import { EngineEnvFactory } from './engine-env';
import { EventsService } from './events.service';
import { InstanceAccess } from './instance-access';
import { InstanceClassification } from './instance-classification';
import { InstanceRepository } from './instance.repository';
import { EventsController, InstancesController } from './instances.controller';
import { InstancesService } from './instances.service';
import { RUNTIME_JOB_HANDLERS } from './runtime.jobs';
import { TaskProjection } from './task-projection';
import { TaskRepository } from './task.repository';

/** Process instances: the command executor, effect appliers, and the job handlers that continue instances. */
@Module({
  imports: [
    TypeOrmModule.forFeature([InstanceEntity, HistoryEventEntity, TaskEntity, TaskCandidateEntity, CcCopyEntity]),
    DefinitionsModule,
    JobsModule,
    CalendarModule,
    OrgModule,
    NotificationsModule,
    ProxiesModule,
    AuditModule,
  ],
  controllers: [InstancesController, EventsController],
  providers: [
    CallerAuthority,
    EligiblePeople,
    CommandExecutor,
    EffectApplier,
    EngineEnvFactory,
    EventsService,
    InstanceAccess,
    InstanceClassification,
    InstanceRepository,
    InstancesService,
    TaskProjection,
    TaskRepository,
    ...RUNTIME_JOB_HANDLERS,
  ],
  exports: [CallerAuthority, EligiblePeople, CommandExecutor, InstanceAccess, InstanceClassification, InstanceRepository, TaskRepository],
})
export class RuntimeModule {}
