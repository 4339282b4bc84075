import { Reflector } from '@nestjs/core';
import type { DiscoveryService } from '@nestjs/core';
import type { AppConfig } from '../../platform/config/config';
import type { TransactionRunner } from '../../platform/database/transaction-runner';
import type { JobQueue } from '../../platform/queue/job-queue';
import { HandlesJob, JOB_TYPES } from './job-handler';
import type { JobOutbox } from './job-outbox';
import type { JobRepository } from './job.repository';
import { JobRunner } from './job-runner.service';

/** A runner whose discovery finds exactly these handler classes. */
function runnerWith(classes: (new () => object)[]): JobRunner {
  const discovery = {
    getProviders: () => classes.map((metatype) => ({ metatype, instance: new metatype() })),
  } as unknown as DiscoveryService;
  return new JobRunner(
    discovery,
    new Reflector(),
    {} as TransactionRunner,
    {} as JobRepository,
    {} as JobOutbox,
    {} as JobQueue,
    {} as AppConfig,
  );
}

const handlerFor = (type: string) => {
  @HandlesJob(type)
  class Handler {
    async handle(): Promise<void> {}
  }
  return Handler;
};

describe('JobRunner handler discovery', () => {
  it('should boot when every job type has exactly one handler', () => {
    // given
    const runner = runnerWith(JOB_TYPES.map(handlerFor));
    // when / then
    expect(() => runner.onApplicationBootstrap()).not.toThrow();
  });

  it('should refuse to boot when a job type has no handler', () => {
    const runner = runnerWith(JOB_TYPES.filter((t) => t !== 'timer').map(handlerFor));
    expect(() => runner.onApplicationBootstrap()).toThrow('no handler for job types: timer');
  });

  it('should refuse to boot when a job type has two handlers', () => {
    const runner = runnerWith([...JOB_TYPES.map(handlerFor), handlerFor('timer')]);
    expect(() => runner.onApplicationBootstrap()).toThrow('two handlers for job type timer');
  });
});
