import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, linkedSignal, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink, RouterOutlet } from '@angular/router';
import { HealthSchema } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { catchError, filter, map, of } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { ContractApi } from '../api/contract-api.service';
import { Connectivity } from '../http/connectivity.service';
import { quietRequest } from '../http/http-context';
import { I18nService } from '../i18n/i18n.service';
import { TranslatePipe } from '../i18n/t.pipe';
import { NotificationBellComponent } from '../notifications/notification-bell.component';
import type { TranslationKey } from '../i18n/zh-cn';
import { MenuCounts } from './menu-counts.service';
import { type NavItem, navItemsFor } from './nav-items';
import { TABLET_MEDIA_QUERY, phoneQuery } from './phone-query';

/**
 * Header, role-dependent side menu, footer: the frame around every signed-in page. On a phone
 * (narrower than 768 px) the side menu is not rendered: the header's menu button opens it in a
 * drawer, which closes again on navigation, and carries the sum of the menu's counts. Between
 * phone and 1000 px (a small laptop, a tablet) the sider starts collapsed to its icons, so that
 * the page keeps its width; the header's button opens it.
 */
@Component({
  selector: 'app-shell',
  imports: [
    NgTemplateOutlet,
    RouterOutlet,
    RouterLink,
    NzLayoutModule,
    NzMenuModule,
    NzBadgeModule,
    NzDrawerModule,
    NzIconModule,
    NzButtonModule,
    NzTagModule,
    NzTooltipModule,
    TranslatePipe,
    NotificationBellComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
})
export class ShellComponent {
  private readonly auth = inject(AuthService);
  protected readonly i18n = inject(I18nService);

  protected readonly user = this.auth.user;
  protected readonly offline = inject(Connectivity).offline;
  private readonly counts = inject(MenuCounts).counts;
  /** A phone-wide screen: the menu lives in a drawer instead of the sider. */
  protected readonly phone = phoneQuery();
  /** Narrower than 1000 px: the sider starts collapsed. */
  private readonly narrow = phoneQuery(TABLET_MEDIA_QUERY);
  /** The sider's state: collapsed on a narrow screen, open on a wide one, until the user toggles it (again when the width crosses 1000 px). */
  protected readonly collapsed = linkedSignal(() => this.narrow());
  protected readonly drawerOpen = signal(false);
  /** The hamburger's badge on a phone: every count of the menu together. */
  protected readonly totalCount = computed(() => this.menu().reduce((sum, item) => sum + this.countOf(item), 0));
  protected readonly menu = computed(() => navItemsFor(this.auth.roles()));
  protected readonly roleLabels = computed(() => this.auth.roles().map((role) => `role.${role}` as TranslationKey));

  /** Shown in the footer so that a support call can name the deployed build. */
  protected readonly version = toSignal(
    inject(ContractApi)
      .call('GET /health', { context: quietRequest() })
      .pipe(
        map((body) => HealthSchema.parse(body).version),
        // Health is informational here; a failure must not disturb the page.
        catchError(() => of(null)),
      ),
    { initialValue: null },
  );

  /** The badge of a menu item: its count, when it has one and it is not zero. */
  protected countOf(item: NavItem): number {
    return item.count ? (this.counts()?.[item.count] ?? 0) : 0;
  }

  constructor() {
    // the drawer closes on every navigation (also one started by a link on the page)
    const navigations = inject(Router)
      .events.pipe(filter((event) => event instanceof NavigationEnd))
      .subscribe(() => this.drawerOpen.set(false));
    inject(DestroyRef).onDestroy(() => navigations.unsubscribe());
  }

  protected toggleMenu(): void {
    if (this.phone()) this.drawerOpen.update((open) => !open);
    else this.collapsed.update((collapsed) => !collapsed);
  }

  protected closeDrawer(): void {
    this.drawerOpen.set(false);
  }

  protected logout(): void {
    void this.auth.logout();
  }
}
