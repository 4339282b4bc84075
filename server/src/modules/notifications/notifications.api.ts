// The notifications module's public surface for other modules.
export { NotificationsModule } from './notifications.module';
export { NotificationsService, taskLink, type NewNotification } from './notifications.service';
