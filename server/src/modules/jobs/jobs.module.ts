import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.api';
import { ExternalTaskEntity } from './external-tasks/external-task.entity';
import { JobEntity } from './job.entity';
import { DiscoveryModule } from '@nestjs/core';
import { ExternalTaskRepository } from './external-tasks/external-task.repository';
import { JobOutbox } from './job-outbox';
import { JobRepository } from './job.repository';
import { JobRunner } from './job-runner.service';
import { JobsController } from './jobs.controller';

/**
 * The job table, the outbox relay, the runner with its discovered handlers and the sweeper.
 * Handlers live with the module whose work they do (runtime, definitions) and are found at boot.
 */
@Module({
  imports: [TypeOrmModule.forFeature([JobEntity, ExternalTaskEntity]), DiscoveryModule, AuditModule],
  controllers: [JobsController],
  providers: [JobRepository, JobOutbox, JobRunner, ExternalTaskRepository],
  exports: [JobRepository, JobOutbox, JobRunner, ExternalTaskRepository],
})
export class JobsModule {}
