import * as z from 'zod';

/**
 * In-app notifications (站内消息): one row per recipient, listed in the bell, delivered live over
 * server-sent events at `GET /api/notifications/stream` (event `notification`, data
 * {@link Notification}, `id` the notification id for `Last-Event-ID` resume; `:` comment lines
 * are heartbeats).
 */

/** Kinds the server sends today; `kind` is an open string so that new senders need no schema change. */
export const NOTIFICATION_KINDS = [
  'task.assigned',
  'task.urged',
  'task.due-soon',
  'task.overdue',
  'task.due-changed',
  'cc',
  'circulate',
  'withdrawn',
  'returned',
  'info',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The SSE event name of a new notification. */
export const NOTIFICATION_STREAM_EVENT = 'notification';

export const NotificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    instanceId: z.string().nullable(),
    taskId: z.string().nullable(),
    /** a client route to open */
    link: z.string().nullable(),
    /** who caused it; null for the system */
    actor: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof NotificationSchema>;

export const NotificationQuerySchema = z
  .object({
    unread: z.enum(['true', 'false']).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type NotificationQuery = z.infer<typeof NotificationQuerySchema>;

export const NotificationListSchema = z
  .object({
    items: z.array(NotificationSchema),
    /** how many match the query */
    total: z.number().int(),
    /** the caller's unread notifications, whatever the query */
    unread: z.number().int(),
  })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const ReadAllResultSchema = z.object({ updated: z.number().int(), unread: z.number().int() }).meta({ id: 'NotificationsReadAll' });
export type ReadAllResult = z.infer<typeof ReadAllResultSchema>;
