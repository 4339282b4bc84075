import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import type { Org } from '@liuzhuan/contracts';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import { AdminTranslatePipe } from './admin-i18n';
import { ApiKeyListComponent } from './api-key-list.component';
import { WorkCalendarComponent } from './calendar.component';
import { OrgListComponent } from './org-list.component';
import { UserListComponent } from './user-list.component';

/** 机构与用户 (system admin): organizations, users, the working-day calendar and API keys, one tab each. */
@Component({
  selector: 'app-admin-page',
  imports: [
    NzTabsModule,
    TranslatePipe,
    AdminTranslatePipe,
    OrgListComponent,
    UserListComponent,
    WorkCalendarComponent,
    ApiKeyListComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  template: `
    <h1 class="page-title">{{ 'nav.admin' | t }}</h1>
    <nz-tabs [nzAnimated]="false">
      <nz-tab [nzTitle]="'admin.tab.orgs' | at">
        <app-org-list (changed)="orgs.set($event)" />
      </nz-tab>
      <nz-tab [nzTitle]="'admin.tab.users' | at">
        <ng-template nz-tab><app-user-list mode="admin" [orgs]="orgs()" /></ng-template>
      </nz-tab>
      <nz-tab [nzTitle]="'admin.tab.calendar' | at">
        <ng-template nz-tab><app-work-calendar /></ng-template>
      </nz-tab>
      <nz-tab [nzTitle]="'apiKey.tab' | at">
        <ng-template nz-tab><app-api-key-list /></ng-template>
      </nz-tab>
    </nz-tabs>
  `,
})
export default class AdminPage {
  protected readonly orgs = signal<Org[]>([]);
}
