import { Module } from '@nestjs/common';
import { NotificationHub } from './notification-hub';
import { NotificationsController } from './notifications.controller';
import { NotificationRepository } from './notification.repository';
import { NotificationsService } from './notifications.service';

/**
 * In-app notifications and their server-sent-events stream. Other modules import this module and
 * call `NotificationsService.send` inside their transaction.
 */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationRepository, NotificationHub, NotificationsService],
  exports: [NotificationsService],
})
export class NotificationsModule {}
