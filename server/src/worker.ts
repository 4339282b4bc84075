import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './platform/config/config';
import { JOB_QUEUE, type JobQueue } from './platform/queue/job-queue';

/**
 * The production worker: same codebase, no HTTP. It consumes the job queue; the job handlers
 * arrive with the runtime module, and a job name without a handler is refused loudly.
 */
async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config));
  app.enableShutdownHooks();
  const queue = app.get<JobQueue>(JOB_QUEUE);
  await queue.consume(async (job) => {
    throw new Error(`no handler for job type ${job.name}`);
  });
  Logger.log(`worker consuming the ${queue.kind} queue (db: ${config.database.kind})`, 'Worker');
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
