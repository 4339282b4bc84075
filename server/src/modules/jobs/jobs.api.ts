// The jobs module's public surface for other modules: the outbox, job handlers and external-task rows.
export { HandlesJob, type JobHandler } from './job-handler';
export type { JobEntity } from './job.entity';
export { JobRepository } from './job.repository';
export { JobOutbox, type NewJob } from './job-outbox';
export { JobRunner, type GivesUpJob } from './job-runner.service';
export { ApiKeyEntity, ExternalTaskEntity } from './external-tasks/external-task.entity';
export { ApiKeyRepository, ExternalTaskRepository } from './external-tasks/external-task.repository';
export { apiKeyLabels } from './external-tasks/api-key-labels';
export { JobsModule } from './jobs.module';
