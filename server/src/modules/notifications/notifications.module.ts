import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NotificationEntity } from './notification.entity';
import { CalendarModule } from '../calendar/calendar.api';
import { JobsModule } from '../jobs/jobs.api';
import { DueReminderScheduler } from './due-reminders';
import { NotificationHub } from './notification-hub';
import { NotificationsController } from './notifications.controller';
import { NotificationRepository } from './notification.repository';
import { NotificationsService } from './notifications.service';

/**
 * In-app notifications and their server-sent-events stream. Other modules import this module and
 * call `NotificationsService.send` inside their transaction.
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity]), JobsModule, CalendarModule],
  controllers: [NotificationsController],
  providers: [NotificationRepository, NotificationHub, NotificationsService, DueReminderScheduler],
  exports: [NotificationsService, DueReminderScheduler],
})
export class NotificationsModule {}
