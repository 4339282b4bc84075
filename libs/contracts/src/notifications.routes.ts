import type { ApiRoute } from './api-route';
import { NotificationListSchema, NotificationQuerySchema, NotificationSchema, ReadAllResultSchema } from './notifications';
import { EmptyBodySchema } from './runtime';

/** Routes of In-app notifications and their event stream. */
export const NOTIFICATION_ROUTES = [
  {
    method: 'GET',
    path: '/notifications',
    tag: 'notifications',
    summary: 'My notifications, newest first (unread=true: only unread), with my unread count',
    query: NotificationQuerySchema,
    responses: { 200: NotificationListSchema },
  },
  {
    method: 'GET',
    path: '/notifications/stream',
    tag: 'notifications',
    summary:
      'Server-sent events: one `notification` event per new notification (data: Notification, id: its id; send Last-Event-ID to resume); comment lines are heartbeats',
    responseContentType: 'text/event-stream',
    responses: { 200: NotificationSchema },
  },
  {
    method: 'POST',
    path: '/notifications/read-all',
    tag: 'notifications',
    summary: 'Mark all my notifications read',
    body: EmptyBodySchema,
    responses: { 200: ReadAllResultSchema },
  },
  {
    method: 'POST',
    path: '/notifications/:id/read',
    tag: 'notifications',
    summary: 'Mark one of my notifications read',
    body: EmptyBodySchema,
    responses: { 200: NotificationSchema },
  },
] as const satisfies readonly ApiRoute[];
