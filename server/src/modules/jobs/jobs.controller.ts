import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { IdParamSchema, type Job, type JobList, type JobQuery, JobQuerySchema } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { RequireRoles } from '../auth/auth.api';
import type { JobEntity } from './job.entity';
import { JobRepository } from './job.repository';
import { JobRunner } from './job-runner.service';

export function toJob(row: JobEntity): Job {
  return {
    id: row.id,
    type: row.type,
    instanceId: row.instanceId,
    elementId: row.elementId,
    dueAt: row.dueAt.toISOString(),
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
  };
}

@Controller('jobs')
@RequireRoles('workflow_admin')
export class JobsController {
  constructor(
    private readonly jobs: JobRepository,
    private readonly runner: JobRunner,
  ) {}

  @Get()
  async list(@Query(validate(JobQuerySchema)) query: JobQuery): Promise<JobList> {
    return { items: (await this.jobs.listByInstance(query.instanceId, query.status)).map(toJob) };
  }

  @Post(':id/execute')
  @HttpCode(200)
  async execute(@Param('id', validate(IdParamSchema)) id: string): Promise<Job> {
    return toJob(await this.runner.runNow(id));
  }
}
