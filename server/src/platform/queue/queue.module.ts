import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { BullmqJobQueue } from './bullmq-job-queue';
import { JOB_QUEUE, type JobQueue } from './job-queue';
import { LocalJobQueue } from './local-job-queue';

/** The one place that picks the queue driver from the configuration. */
export function createJobQueue(queue: AppConfig['queue']): JobQueue {
  return queue.kind === 'bullmq' ? new BullmqJobQueue(queue.url, queue.prefix) : new LocalJobQueue();
}

@Global()
@Module({
  providers: [{ provide: JOB_QUEUE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createJobQueue(config.queue) }],
  exports: [JOB_QUEUE],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(@Inject(JOB_QUEUE) private readonly queue: JobQueue) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
