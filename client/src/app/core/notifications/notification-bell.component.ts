import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import { BellOutline } from '@ant-design/icons-angular/icons';
import { type Notification, NotificationListSchema, NotificationSchema, ReadAllResultSchema } from '@liuzhuan/contracts';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDropDownModule } from 'ng-zorro-antd/dropdown';
import { NzIconModule, NzIconService } from 'ng-zorro-antd/icon';
import { firstValueFrom } from 'rxjs';
import { ContractApi } from '../api/contract-api.service';
import { I18nService } from '../i18n/i18n.service';
import { NotificationStream } from './notification-stream.service';

/** How many notifications the dropdown lists; older ones stay in the list API. */
const SHOWN = 10;

const TEXT = {
  zh: {
    title: '消息通知',
    readAll: '全部标为已读',
    empty: '暂无消息',
    bell: '消息通知，{n} 条未读',
    none: '消息通知，没有未读',
    offline: '实时连接已断开，正在重连',
  },
  en: {
    title: 'Notifications',
    readAll: 'Mark all read',
    empty: 'No notifications',
    bell: 'Notifications, {n} unread',
    none: 'Notifications, none unread',
    offline: 'Live updates disconnected, reconnecting',
  },
};

/**
 * The bell in the shell header: the unread count as a badge, the latest notifications in a
 * dropdown. It loads the list once and then follows the live stream; opening an entry marks it
 * read and goes to its link (the task).
 */
@Component({
  selector: 'app-notification-bell',
  imports: [DatePipe, NzBadgeModule, NzButtonModule, NzDropDownModule, NzIconModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      nz-button
      nzType="text"
      type="button"
      class="bell-button"
      nz-dropdown
      nzTrigger="click"
      nzPlacement="bottomRight"
      [nzDropdownMenu]="panel"
      (nzVisibleChange)="$event && load()"
      [attr.aria-label]="unread() ? text().bell.replace('{n}', unread() > 99 ? '99+' : unread() + '') : text().none"
      [title]="stream.connected() ? text().title : text().offline"
    >
      <nz-badge [nzCount]="unread()" nzSize="small" [nzOverflowCount]="99">
        <nz-icon nzType="bell" class="bell-icon" />
      </nz-badge>
    </button>
    <nz-dropdown-menu #panel="nzDropdownMenu">
      <div class="bell-panel" role="dialog" [attr.aria-label]="text().title">
        <div class="bell-head">
          <strong>{{ text().title }}</strong>
          <button
            nz-button
            nzType="link"
            nzSize="small"
            type="button"
            class="bell-read-all"
            [disabled]="unread() === 0"
            (click)="markAllRead()"
          >
            {{ text().readAll }}
          </button>
        </div>
        @if (items().length === 0) {
          <div class="bell-empty">{{ text().empty }}</div>
        } @else {
          <ul class="bell-list">
            @for (item of items(); track item.id) {
              <li>
                <button type="button" class="bell-item" [class.bell-unread]="!item.readAt" (click)="open(item)">
                  <span class="bell-item-title">{{ item.title }}</span>
                  @if (item.body) {
                    <span class="bell-item-body">{{ item.body }}</span>
                  }
                  <span class="bell-item-time">{{ item.createdAt | date: 'MM-dd HH:mm' }}</span>
                </button>
              </li>
            }
          </ul>
        }
      </div>
    </nz-dropdown-menu>
  `,
  styles: `
    .bell-icon {
      font-size: 18px;
    }
    .bell-panel {
      width: 340px;
      background: #fff;
      border-radius: 4px;
      box-shadow:
        0 3px 6px -4px rgb(0 0 0 / 12%),
        0 6px 16px rgb(0 0 0 / 8%);
    }
    .bell-head {
      display: flex;
      justify-content: space-between;
      align-items: center;
      padding: 8px 12px;
      border-bottom: 1px solid #f0f0f0;
    }
    .bell-empty {
      padding: 24px;
      text-align: center;
      color: rgb(0 0 0 / 45%);
    }
    .bell-list {
      list-style: none;
      margin: 0;
      padding: 0;
      max-height: 400px;
      overflow-y: auto;
    }
    .bell-item {
      display: flex;
      flex-direction: column;
      gap: 2px;
      width: 100%;
      padding: 8px 12px;
      border: 0;
      border-bottom: 1px solid #f5f5f5;
      background: none;
      text-align: left;
      cursor: pointer;
    }
    .bell-item:hover,
    .bell-item:focus-visible {
      background: #f5f5f5;
    }
    .bell-item-title {
      color: rgb(0 0 0 / 65%);
    }
    .bell-unread .bell-item-title {
      color: rgb(0 0 0 / 88%);
      font-weight: 600;
    }
    .bell-item-body {
      color: rgb(0 0 0 / 45%);
      font-size: 12px;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .bell-item-time {
      color: rgb(0 0 0 / 45%);
      font-size: 12px;
    }
  `,
})
export class NotificationBellComponent {
  private readonly api = inject(ContractApi);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18nService);
  protected readonly stream = inject(NotificationStream);

  protected readonly items = signal<Notification[]>([]);
  protected readonly unread = signal(0);
  protected readonly text = computed(() => (this.i18n.isChinese() ? TEXT.zh : TEXT.en));

  constructor() {
    inject(NzIconService).addIcon(BellOutline);
    this.stream.notifications.pipe(takeUntilDestroyed(inject(DestroyRef))).subscribe((n) => this.arrived(n));
    void this.load();
  }

  /** The latest notifications and the unread count, fresh from the server. */
  async load(): Promise<void> {
    try {
      const list = NotificationListSchema.parse(await firstValueFrom(this.api.call('GET /notifications', { query: { pageSize: SHOWN } })));
      this.items.set(list.items);
      this.unread.set(list.unread);
    } catch {
      // the error interceptor has told the user; the bell keeps what it showed
    }
  }

  protected async open(item: Notification): Promise<void> {
    if (!item.readAt) {
      try {
        const read = NotificationSchema.parse(
          await firstValueFrom(this.api.call('POST /notifications/:id/read', { params: { id: item.id }, body: {} })),
        );
        this.items.update((all) => all.map((n) => (n.id === read.id ? read : n)));
        this.unread.update((count) => Math.max(0, count - 1));
      } catch {
        // shown by the error interceptor; the link still opens
      }
    }
    if (item.link) await this.router.navigateByUrl(item.link);
  }

  protected async markAllRead(): Promise<void> {
    try {
      const result = ReadAllResultSchema.parse(await firstValueFrom(this.api.call('POST /notifications/read-all', { body: {} })));
      const now = new Date().toISOString();
      this.items.update((all) => all.map((n) => (n.readAt ? n : { ...n, readAt: now })));
      this.unread.set(result.unread);
    } catch {
      // shown by the error interceptor
    }
  }

  private arrived(notification: Notification): void {
    if (this.items().some((n) => n.id === notification.id)) return;
    this.items.update((all) => [notification, ...all].slice(0, SHOWN));
    if (!notification.readAt) this.unread.update((count) => count + 1);
  }
}
