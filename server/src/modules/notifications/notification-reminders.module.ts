import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './notification.entity';
import { JobsModule } from '../jobs/jobs.api';
import { RuntimeModule } from '../runtime/runtime.api';
import { NotificationRepository } from './notification.repository';
import { NotificationsModule } from './notifications.module';
import { TaskDueReminderJob } from './task-due-reminder.job';

/**
 * The due-date reminder job. Apart from NotificationsModule because it needs the runtime (tasks,
 * history), while the runtime needs NotificationsModule (the `notify` service task, scheduling).
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), JobsModule, RuntimeModule, NotificationsModule],
  providers: [NotificationRepository, TaskDueReminderJob],
})
export class NotificationRemindersModule {}
