import { Controller, Get, Inject } from '@nestjs/common';
import type { Health } from '@liuzhuan/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { databaseKind } from '../../platform/database/data-source';
import { JOB_QUEUE, type JobQueue } from '../../platform/queue/job-queue';
import { VERSION } from '../../version';
import { Public } from '../auth/auth.api';

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(JOB_QUEUE) private readonly queue: JobQueue,
  ) {}

  @Public()
  @Get()
  async health(): Promise<Health> {
    const [dbUp, queueUp] = await Promise.all([
      this.dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      this.queue.ping(),
    ]);
    return { status: dbUp && queueUp ? 'ok' : 'degraded', db: databaseKind(this.dataSource), queue: this.queue.kind, version: VERSION };
  }
}
