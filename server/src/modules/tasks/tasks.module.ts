import { Module } from '@nestjs/common';
import { RuntimeModule } from '../runtime/runtime.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** Inbox queries and task operations (complete, claim, unclaim) over the runtime's task projection. */
@Module({
  imports: [RuntimeModule],
  controllers: [TasksController],
  providers: [TasksService],
})
export class TasksModule {}
