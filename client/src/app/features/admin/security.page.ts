import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { Org } from '@liuzhuan/contracts';
import { firstValueFrom } from 'rxjs';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import { AdminApiService } from './admin-api.service';
import { AdminTranslatePipe } from './admin-i18n';
import { UserListComponent } from './user-list.component';

/** 安全策略 (security admin): the roles of users, under the 三员分立 rule. */
@Component({
  selector: 'app-security-page',
  imports: [TranslatePipe, AdminTranslatePipe, UserListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  template: `
    <h1 class="page-title">{{ 'nav.security' | t }} · {{ 'security.title' | at }}</h1>
    <app-user-list mode="security" [orgs]="orgs()" />
  `,
})
export default class SecurityPage {
  private readonly api = inject(AdminApiService);
  protected readonly orgs = signal<Org[]>([]);

  constructor() {
    void firstValueFrom(this.api.orgs()).then(
      (orgs) => this.orgs.set(orgs),
      () => undefined,
    );
  }
}
