// The notifications module's public surface for other modules.
export { NotificationsModule } from './notifications.module';
export { NotificationsService, taskLink, type NewNotification } from './notifications.service';
export { DueReminderScheduler, TASK_DUE_REMINDER_JOB, type DueReminderPayload, type DueReminderStage } from './due-reminders';
export { notifyTaskNotifications } from './notify-service-task';
export { NO_MATTER, notificationTitle, type MatterName } from './notification-title';
