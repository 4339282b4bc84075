import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { IdParamSchema, type Job, type JobList, type JobQuery, JobQuerySchema } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { RequireRoles } from '../auth/auth.api';
import { type AuditContext, AuditTrail, RequestAudit } from '../audit/audit.api';
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
    private readonly trail: AuditTrail,
  ) {}

  @Get()
  async list(@Query(validate(JobQuerySchema)) query: JobQuery): Promise<JobList> {
    return { items: (await this.jobs.listByInstance(query.instanceId, query.status)).map(toJob) };
  }

  @Post(':id/execute')
  @HttpCode(200)
  async execute(@Param('id', validate(IdParamSchema)) id: string, @RequestAudit() audit: AuditContext): Promise<Job> {
    // an admin intervention: recorded in the unit that runs the job, or alone when it did not run or failed
    const event = { type: 'job.execute', targetType: 'job', targetId: id } as const;
    let ran = false;
    const job = await this.trail.failureRecorded(audit, event, () =>
      this.runner.runNow(id, (tx) => {
        ran = true;
        this.trail.record(tx, audit, { ...event, details: { status: 'done' } });
      }),
    );
    if (!ran) {
      const result = job.status === 'done' ? 'success' : 'failure';
      await this.trail.recordAlone(audit, { ...event, result, details: { status: job.status, ran: false } });
    }
    return toJob(job);
  }
}
