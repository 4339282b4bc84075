import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiKeyEntity } from '../jobs/external-tasks/external-tasks.api';
import { ApiKeyRepository } from '../jobs/external-tasks/external-tasks.api';
import { AuditModule } from '../audit/audit.api';
import { JobsModule } from '../jobs/jobs.api';
import { RuntimeModule } from '../runtime/runtime.api';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { ExternalTasksController, KeyRefusalRecorder, WorkerKeyGuard } from './external-tasks.controller';
import { ExternalTasksService } from './external-tasks.service';

/**
 * The worker-facing side of external tasks. The task rows belong to the jobs module (the async
 * job handler writes them); this module needs the runtime to continue instances, hence its own.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ApiKeyEntity]), JobsModule, RuntimeModule, AuditModule],
  controllers: [ExternalTasksController, ApiKeysController],
  providers: [ExternalTasksService, ApiKeysService, ApiKeyRepository, WorkerKeyGuard, KeyRefusalRecorder],
})
export class ExternalTasksModule {}
