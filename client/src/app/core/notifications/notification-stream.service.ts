import { HttpClient, HttpContext, HttpEventType, HttpHeaders } from '@angular/common/http';
import { DestroyRef, Injectable, effect, inject, signal, untracked } from '@angular/core';
import { NOTIFICATION_STREAM_EVENT, type Notification, NotificationSchema } from '@liuzhuan/contracts';
import { Observable, Subject, Subscription, filter } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { contractUrl } from '../api/contract-api.service';
import { SKIP_ERROR_MESSAGE } from '../http/http-context';
import { SseParser } from './sse-parser';

/** Reconnect delays: doubled after each failure up to the maximum, reset by a received event. */
export const STREAM_RETRY = { firstMs: 1000, maxMs: 30_000 };
/** A connection is renewed after this much text, so the buffered response does not grow forever. */
const MAX_CONNECTION_TEXT = 1_000_000;

/**
 * The signed-in user's live notifications from `GET /api/notifications/stream`. Read through
 * HttpClient with download progress instead of `EventSource`, because the API authenticates with
 * the bearer token (added by the auth interceptor) and `EventSource` cannot send headers. Like
 * `EventSource` it reconnects with `Last-Event-ID`, so nothing is lost across a reconnect.
 *
 * Features subscribe to {@link notifications} or {@link ofKind} (the inbox refreshes on
 * `task.assigned`).
 */
@Injectable({ providedIn: 'root' })
export class NotificationStream {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly incoming = new Subject<Notification>();
  private connection: Subscription | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = STREAM_RETRY.firstMs;
  private lastEventId: string | null = null;

  /** Every new notification of the signed-in user, as it arrives. */
  readonly notifications: Observable<Notification> = this.incoming.asObservable();
  /** Whether the stream is open now (the bell can show a quiet hint when it is not). */
  readonly connected = signal(false);

  constructor() {
    // connected exactly while someone is signed in
    effect(() => {
      const signedIn = this.auth.signedIn();
      untracked(() => (signedIn ? this.connect() : this.disconnect()));
    });
    inject(DestroyRef).onDestroy(() => this.disconnect());
  }

  ofKind(...kinds: string[]): Observable<Notification> {
    return this.notifications.pipe(filter((n) => kinds.includes(n.kind)));
  }

  private connect(): void {
    if (this.connection) return;
    this.clearRetry();
    const parser = new SseParser();
    let headers = new HttpHeaders({ Accept: 'text/event-stream' });
    if (this.lastEventId) headers = headers.set('Last-Event-ID', this.lastEventId);
    this.connection = this.http
      .get(contractUrl('/notifications/stream'), {
        headers,
        observe: 'events',
        reportProgress: true,
        responseType: 'text',
        // a dropped stream is retried quietly; a 401 still ends the session (auth interceptor)
        context: new HttpContext().set(SKIP_ERROR_MESSAGE, true),
      })
      .subscribe({
        next: (event) => {
          if (event.type === HttpEventType.ResponseHeader) this.connected.set(event.ok);
          if (event.type !== HttpEventType.DownloadProgress || !event.partialText) return;
          for (const sse of parser.next(event.partialText)) this.receive(sse.event, sse.id, sse.data);
          if (event.partialText.length > MAX_CONNECTION_TEXT) this.reconnectNow();
        },
        error: () => this.dropped(),
        complete: () => this.dropped(),
      });
  }

  private receive(type: string, id: string | null, data: string): void {
    if (type !== NOTIFICATION_STREAM_EVENT) return;
    let value: unknown;
    try {
      value = JSON.parse(data);
    } catch {
      // not JSON: not an event this client understands, the stream goes on
      return;
    }
    const parsed = NotificationSchema.safeParse(value);
    if (!parsed.success) return;
    if (id) this.lastEventId = id;
    this.retryMs = STREAM_RETRY.firstMs;
    this.incoming.next(parsed.data);
  }

  private reconnectNow(): void {
    this.connection?.unsubscribe();
    this.connection = null;
    this.connect();
  }

  private dropped(): void {
    this.connection = null;
    this.connected.set(false);
    if (!this.auth.signedIn()) return;
    this.clearRetry();
    this.retryTimer = setTimeout(() => this.connect(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, STREAM_RETRY.maxMs);
  }

  private disconnect(): void {
    this.clearRetry();
    this.connection?.unsubscribe();
    this.connection = null;
    this.connected.set(false);
    this.lastEventId = null;
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
