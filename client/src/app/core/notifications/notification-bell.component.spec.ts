import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Notification } from '@liuzhuan/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { Subject } from 'rxjs';
import { APP_ICONS } from '../icons';
import { NotificationBellComponent } from './notification-bell.component';
import { NotificationStream } from './notification-stream.service';
import { notification } from './notification.testing';

describe('NotificationBellComponent', () => {
  let http: HttpTestingController;
  let live: Subject<Notification>;
  const unreadOne = notification({ id: '01m8f2cfmb4d8ms8m3thz4rak0', title: '待办：审核来文' });
  const readOne = notification({
    id: '01m8f2cfmb4d8ms8m3thz4raj9',
    title: '抄送：关于春节值班的通知',
    kind: 'cc',
    readAt: '2026-11-27T09:00:00.000Z',
    link: null,
  });

  beforeEach(() => {
    sessionStorage.clear();
    localStorage.clear(); // Chinese, whatever language an earlier spec file chose
    live = new Subject<Notification>();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'inbox', children: [] }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
        { provide: NotificationStream, useValue: { notifications: live.asObservable(), connected: signal(true) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render(): Promise<ComponentFixture<NotificationBellComponent>> {
    const fixture = TestBed.createComponent(NotificationBellComponent);
    http.expectOne('/api/notifications?pageSize=10').flush({ items: [unreadOne, readOne], total: 2, unread: 1 });
    await fixture.whenStable();
    return fixture;
  }

  const bell = (fixture: ComponentFixture<NotificationBellComponent>) =>
    (fixture.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('.bell-button')!;

  async function openPanel(
    fixture: ComponentFixture<NotificationBellComponent>,
    items: Notification[],
    unread: number,
  ): Promise<HTMLElement> {
    bell(fixture).click();
    // ng-zorro's dropdown settles its visibility after 150 ms
    await new Promise((r) => setTimeout(r, 200));
    await fixture.whenStable();
    http.expectOne('/api/notifications?pageSize=10').flush({ items, total: items.length, unread });
    await fixture.whenStable();
    return document.querySelector<HTMLElement>('.bell-panel')!;
  }

  it('should show the unread count from the server and count a live notification', async () => {
    // Given the bell with one unread notification
    const fixture = await render();
    expect(bell(fixture).getAttribute('aria-label')).toBe('消息通知，1 条未读');
    // When a new one arrives on the stream
    live.next(notification({ id: '01m8f2cfmb4d8ms8m3thz4ram1', title: '催办：审核来文', kind: 'task.urged' }));
    await fixture.whenStable();
    // Then the badge counts it
    expect(bell(fixture).getAttribute('aria-label')).toBe('消息通知，2 条未读');
  });

  it('should list the notifications, mark one read when it is opened and go to its task', async () => {
    // Given the open panel
    const fixture = await render();
    const panel = await openPanel(fixture, [unreadOne, readOne], 1);
    const entries = Array.from(panel.querySelectorAll<HTMLButtonElement>('.bell-item'));
    expect(entries.map((e) => e.querySelector('.bell-item-title')?.textContent?.trim())).toEqual([
      '待办：审核来文',
      '抄送：关于春节值班的通知',
    ]);
    expect(entries.map((e) => e.classList.contains('bell-unread'))).toEqual([true, false]);
    // When the unread one is clicked
    entries[0].click();
    http
      .expectOne({ method: 'POST', url: `/api/notifications/${unreadOne.id}/read` })
      .flush({ ...unreadOne, readAt: '2026-11-27T10:00:00.000Z' });
    await fixture.whenStable();
    // Then it is read, the count drops and the task opens
    expect(bell(fixture).getAttribute('aria-label')).toBe('消息通知，没有未读');
    expect(TestBed.inject(Router).url).toBe('/inbox?task=task-1');
  });

  it('should mark everything read with 全部标为已读', async () => {
    // Given the open panel with an unread notification
    const fixture = await render();
    const panel = await openPanel(fixture, [unreadOne, readOne], 1);
    // When 全部标为已读 is clicked
    panel.querySelector<HTMLButtonElement>('.bell-read-all')!.click();
    http.expectOne({ method: 'POST', url: '/api/notifications/read-all' }).flush({ updated: 1, unread: 0 });
    await fixture.whenStable();
    // Then nothing is unread any more
    expect(bell(fixture).getAttribute('aria-label')).toBe('消息通知，没有未读');
    expect(panel.querySelectorAll('.bell-unread')).toHaveLength(0);
  });
});
