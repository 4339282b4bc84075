import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './platform/config/config';
import { JobRunner } from './modules/jobs/job-runner.service';
import { JOB_QUEUE, type JobQueue } from './platform/queue/job-queue';

/**
 * The production worker: same codebase, no HTTP. It consumes the job queue with the handlers
 * discovered at boot (a job type without a handler stops the boot) and runs the sweeper.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config));
  app.enableShutdownHooks();
  const queue = app.get<JobQueue>(JOB_QUEUE);
  await app.get(JobRunner).startProcessing();
  Logger.log(`worker consuming the ${queue.kind} queue (db: ${config.database.kind})`, 'Worker');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
