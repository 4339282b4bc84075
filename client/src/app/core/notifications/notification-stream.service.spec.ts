import { provideHttpClient, withInterceptors, HttpEventType } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Notification } from '@liuzhuan/contracts';
import { authInterceptor } from '../auth/auth.interceptor';
import { AuthService } from '../auth/auth.service';
import { loginResponse } from '../auth/auth.testing';
import { notification } from './notification.testing';
import { NotificationStream, STREAM_RETRY } from './notification-stream.service';

const eventText = (n: Notification) => `id: ${n.id}\nevent: notification\ndata: ${JSON.stringify(n)}\n\n`;

describe('NotificationStream', () => {
  let http: HttpTestingController;
  const firstMs = STREAM_RETRY.firstMs;

  beforeEach(async () => {
    sessionStorage.clear();
    STREAM_RETRY.firstMs = 1;
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    const login = TestBed.inject(AuthService).login('clerk', 'secret');
    http.expectOne('/api/auth/login').flush(loginResponse());
    await login;
  });
  afterEach(() => {
    STREAM_RETRY.firstMs = firstMs;
  });

  it('should open the stream with the bearer token once signed in and emit each notification', async () => {
    // Given the stream service of a signed-in user
    const stream = TestBed.inject(NotificationStream);
    const received: Notification[] = [];
    stream.ofKind('task.assigned').subscribe((n) => received.push(n));
    TestBed.tick();
    const request = http.expectOne('/api/notifications/stream');
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-123');
    // When two events and a heartbeat arrive, one of another kind
    const a = notification();
    const b = notification({ id: '01m8f2cfmb4d8ms8m3thz4rak1', kind: 'cc', title: '抄送' });
    request.event({ type: HttpEventType.DownloadProgress, loaded: 10, partialText: `: connected\n\n${eventText(a)}` });
    request.event({
      type: HttpEventType.DownloadProgress,
      loaded: 20,
      partialText: `: connected\n\n${eventText(a)}: heartbeat\n\n${eventText(b)}`,
    });
    // Then the subscriber of task.assigned got its one notification
    expect(received).toEqual([a]);
  });

  it('should reconnect after a dropped connection, resuming after the last event', async () => {
    // Given an open stream that delivered one event
    TestBed.inject(NotificationStream);
    TestBed.tick();
    const first = http.expectOne('/api/notifications/stream');
    first.event({ type: HttpEventType.DownloadProgress, loaded: 10, partialText: eventText(notification()) });
    // When the connection drops
    first.error(new ProgressEvent('error'));
    // Then it comes back with Last-Event-ID
    await new Promise((r) => setTimeout(r, 20));
    const second = http.expectOne('/api/notifications/stream');
    expect(second.request.headers.get('Last-Event-ID')).toBe('01m8f2cfmb4d8ms8m3thz4rak0');
  });

  it('should close the stream when the user signs out', () => {
    // Given an open stream
    TestBed.inject(NotificationStream);
    TestBed.tick();
    const request = http.expectOne('/api/notifications/stream');
    // When the session ends
    TestBed.inject(AuthService).clearSession();
    TestBed.tick();
    // Then the request is cancelled and none follows
    expect(request.cancelled).toBe(true);
    http.expectNone('/api/notifications/stream');
  });
});
