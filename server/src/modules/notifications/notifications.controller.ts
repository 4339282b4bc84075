import { Body, Controller, Get, Headers, HttpCode, type MessageEvent, Param, Post, Query, Sse } from '@nestjs/common';
import {
  EmptyBodySchema,
  IdParamSchema,
  type Notification,
  type NotificationList,
  type NotificationQuery,
  NotificationQuerySchema,
  NOTIFICATION_STREAM_EVENT,
  type ReadAllResult,
  type SessionUser,
} from '@liuzhuan/contracts';
import { Observable } from 'rxjs';
import { ID_PATTERN } from '../../platform/ids/ids';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { NotificationHub, NOTIFICATION_STREAM_SETTINGS } from './notification-hub';
import { NotificationsService, toNotification } from './notifications.service';

@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly hub: NotificationHub,
  ) {}

  @Get()
  list(@Query(validate(NotificationQuerySchema)) query: NotificationQuery, @CurrentUser() user: SessionUser): Promise<NotificationList> {
    return this.notifications.list(user.username, query);
  }

  /**
   * Server-sent events of the signed-in user's new notifications. Each event carries the
   * notification id, so a reconnecting client (EventSource, or a fetch reader) sends it back as
   * `Last-Event-ID` and gets what it missed. Heartbeats are comment lines, which clients ignore.
   */
  @Sse('stream')
  stream(@CurrentUser() user: SessionUser, @Headers('last-event-id') lastEventId: string | undefined): Observable<MessageEvent> {
    const resumeAfter = lastEventId && ID_PATTERN.test(lastEventId) ? lastEventId : null;
    return new Observable<MessageEvent>((observer) => {
      // the first write sends the headers, so the client knows it is connected
      observer.next({ comment: 'connected' });
      const subscription = this.hub.subscribe(user.username, resumeAfter).subscribe({
        next: (row) => observer.next({ id: row.id, type: NOTIFICATION_STREAM_EVENT, data: toNotification(row) }),
        error: (error: unknown) => observer.error(error),
        complete: () => observer.complete(),
      });
      const heartbeat = setInterval(() => observer.next({ comment: 'heartbeat' }), NOTIFICATION_STREAM_SETTINGS.heartbeatMs);
      heartbeat.unref();
      return () => {
        clearInterval(heartbeat);
        subscription.unsubscribe();
      };
    });
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@Body(validate(EmptyBodySchema)) _body: unknown, @CurrentUser() user: SessionUser): Promise<ReadAllResult> {
    return this.notifications.markAllRead(user.username);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(EmptyBodySchema)) _body: unknown,
    @CurrentUser() user: SessionUser,
  ): Promise<Notification> {
    return this.notifications.markRead(user.username, id);
  }
}
