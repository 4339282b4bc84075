import { DomainError } from '../../platform/errors/domain-error';

/** The notifications module's rejections; codes and Chinese texts are in libs/contracts notifications.errors.ts. */
export const NotificationErrors = {
  notFound: (id: string) => new DomainError('NOTIFICATION_NOT_FOUND', `Notification ${id} not found`),
};
