import { DestroyRef, Injectable, effect, inject, signal, untracked } from '@angular/core';
import { NavigationEnd, Router } from '@angular/router';
import { catchError, debounceTime, filter, firstValueFrom, map, merge, of } from 'rxjs';
import { ContractApi } from '../api/contract-api.service';
import { AuthService } from '../auth/auth.service';
import { quietRequest } from '../http/http-context';
import { NotificationStream } from '../notifications/notification-stream.service';

/** The menu's badges: 待办 open tasks (mine and claimable), 传阅 waiting for me, 抄送 unread. */
export interface MenuCountValues {
  inbox: number;
  circulation: number;
  cc: number;
}

/** Notifications that change a count. */
const COUNTED_KINDS = ['task.assigned', 'task.urged', 'returned', 'withdrawn', 'cc', 'circulate'];

/**
 * Keeps the menu's counts: read when someone signs in, after a notification that changes them and
 * after each navigation (a task done, a copy read). A count that cannot be read keeps its value.
 */
@Injectable({ providedIn: 'root' })
export class MenuCounts {
  private readonly api = inject(ContractApi);
  private readonly auth = inject(AuthService);
  private readonly values = signal<MenuCountValues | null>(null);
  readonly counts = this.values.asReadonly();

  constructor() {
    effect(() => {
      if (this.auth.signedIn()) untracked(() => void this.refresh());
      else this.values.set(null);
    });
    const stream = inject(NotificationStream);
    const router = inject(Router);
    const changes = merge(stream.ofKind(...COUNTED_KINDS), router.events.pipe(filter((e) => e instanceof NavigationEnd)))
      .pipe(debounceTime(400))
      .subscribe(() => {
        if (this.auth.signedIn()) void this.refresh();
      });
    inject(DestroyRef).onDestroy(() => changes.unsubscribe());
  }

  async refresh(): Promise<void> {
    const me = this.auth.user()?.username;
    const quiet = { context: quietRequest() };
    const count = <T>(call: () => Promise<T>) => call().catch(() => null);
    const [inbox, circulation, cc] = await Promise.all([
      count(() =>
        firstValueFrom(
          this.api
            .call('GET /tasks', { query: { assignee: 'me', candidate: 'me', status: 'open', limit: 1 }, ...quiet })
            .pipe(map((b) => b.total)),
        ),
      ),
      count(() =>
        firstValueFrom(
          this.api
            .call('GET /circulations', { query: { mine: 'true' }, ...quiet })
            .pipe(map((b) => b.items.filter((c) => c.status === 'active' && !!me && c.holders.includes(me)).length)),
        ),
      ),
      count(() =>
        firstValueFrom(
          this.api.call('GET /cc', { query: { mine: 'true', unread: 'true' }, ...quiet }).pipe(
            map((b) => b.total),
            catchError(() => of(null)),
          ),
        ),
      ),
    ]);
    const was = this.values() ?? { inbox: 0, circulation: 0, cc: 0 };
    this.values.set({ inbox: inbox ?? was.inbox, circulation: circulation ?? was.circulation, cc: cc ?? was.cc });
  }
}
