import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { Org } from '@liuzhuan/contracts';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { firstValueFrom } from 'rxjs';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import { AdminApiService } from './admin-api.service';
import { AdminTranslatePipe } from './admin-i18n';
import { ClassificationChangeFormComponent } from './classification-change-form.component';
import { UserListComponent } from './user-list.component';

/** 安全策略 (security admin): the roles of users under the 三员分立 rule, and 变更密级 of a document by its ID. */
@Component({
  selector: 'app-security-page',
  imports: [NzTabsModule, TranslatePipe, AdminTranslatePipe, UserListComponent, ClassificationChangeFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  template: `
    <h1 class="page-title">{{ 'nav.security' | t }}</h1>
    <nz-tabs [nzAnimated]="false">
      <nz-tab [nzTitle]="'security.title' | at">
        <app-user-list mode="security" [orgs]="orgs()" />
      </nz-tab>
      <nz-tab [nzTitle]="'reclass.tab' | at">
        <ng-template nz-tab><app-classification-change-form /></ng-template>
      </nz-tab>
    </nz-tabs>
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
