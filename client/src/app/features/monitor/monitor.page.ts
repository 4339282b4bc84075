import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { InstanceSummary } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from '../../shared/a11y/select-label.directive';
import { NzTableModule, type NzTableQueryParams } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { UserNamePipe } from '../../shared/user-names.service';
import { type InstanceStatus, WorkflowApiService } from '../../shared/workflow-api.service';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import { WorkflowTranslatePipe } from '../../shared/workflow-i18n';
import { InstanceDetailComponent } from './instance-detail.component';

const PAGE_SIZE = 20;
const STATUS_COLORS: Record<InstanceStatus, string> = { active: 'processing', completed: 'success', terminated: 'default' };

/** 流程监控 (workflow admin): instances with filters; an instance's detail in a drawer. */
@Component({
  selector: 'app-monitor-page',
  imports: [
    DatePipe,
    FormsModule,
    NzButtonModule,
    NzDrawerModule,
    NzEmptyModule,
    NzInputModule,
    NzSelectModule,
    SelectLabelDirective,
    NzTableModule,
    NzTagModule,
    InstanceDetailComponent,
    TranslatePipe,
    UserNamePipe,
    WorkflowTranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin-bottom: 12px;
    }
    .filters nz-select {
      width: 200px;
    }
    .filters input {
      width: 200px;
    }
    .mono {
      font-family: ui-monospace, monospace;
      font-size: 12px;
    }
    tr.clickable {
      cursor: pointer;
    }
  `,
  template: `
    <h1 class="page-title">{{ 'nav.monitor' | t }}</h1>
    <form class="filters" role="search" (ngSubmit)="search()">
      <nz-select
        name="definitionKey"
        [(ngModel)]="definitionKey"
        nzAllowClear
        [nzPlaceHolder]="'monitor.definition' | wt"
        [attr.aria-label]="'monitor.definition' | wt"
      >
        @for (key of keys(); track key) {
          <nz-option [nzValue]="key" [nzLabel]="key" />
        }
      </nz-select>
      <nz-select
        name="status"
        [(ngModel)]="status"
        nzAllowClear
        [nzPlaceHolder]="'monitor.status' | wt"
        [attr.aria-label]="'monitor.status' | wt"
      >
        @for (s of statuses; track s) {
          <nz-option [nzValue]="s" [nzLabel]="'monitor.status.' + s | wt" />
        }
      </nz-select>
      <input
        nz-input
        name="businessKey"
        [(ngModel)]="businessKey"
        [placeholder]="'monitor.businessKey' | wt"
        [attr.aria-label]="'monitor.businessKey' | wt"
      />
      <button nz-button nzType="primary" type="submit">{{ 'monitor.search' | wt }}</button>
    </form>
    <nz-table
      [nzData]="items()"
      [nzFrontPagination]="false"
      [nzTotal]="total()"
      [nzPageIndex]="pageIndex()"
      [nzPageSize]="pageSize"
      [nzLoading]="loading()"
      [nzNoResult]="empty"
      (nzQueryParams)="onQuery($event)"
      nzSize="middle"
      [nzScroll]="{ x: '960px' }"
    >
      <thead>
        <tr>
          <th>{{ 'monitor.col.definition' | wt }}</th>
          <th nzWidth="160px">{{ 'monitor.businessKey' | wt }}</th>
          <th nzWidth="100px">{{ 'monitor.status' | wt }}</th>
          <th nzWidth="110px">{{ 'monitor.col.initiator' | wt }}</th>
          <th nzWidth="150px">{{ 'monitor.col.started' | wt }}</th>
          <th nzWidth="150px">{{ 'monitor.col.ended' | wt }}</th>
          <th nzWidth="230px">{{ 'monitor.col.id' | wt }}</th>
        </tr>
      </thead>
      <tbody>
        @for (row of items(); track row.id) {
          <tr class="clickable" [attr.data-instance-id]="row.id" (click)="selected.set(row.id)">
            <td>
              <a href="" (click)="$event.preventDefault()">{{ row.definitionKey }} · v{{ row.version }}</a>
            </td>
            <td>{{ row.businessKey ?? '—' }}</td>
            <td>
              <nz-tag [nzColor]="color(row.status)">{{ 'monitor.status.' + row.status | wt }}</nz-tag>
            </td>
            <td>{{ row.initiator ? (row.initiator | userName) : '—' }}</td>
            <td>{{ row.startedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
            <td>{{ row.endedAt ? (row.endedAt | date: 'yyyy-MM-dd HH:mm') : '—' }}</td>
            <td class="mono">{{ row.id }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #empty><nz-empty [nzNotFoundContent]="'monitor.empty' | wt" /></ng-template>
    <nz-drawer [nzVisible]="selected() !== null" [nzWidth]="920" [nzTitle]="'monitor.detail' | wt" (nzOnClose)="selected.set(null)">
      <ng-container *nzDrawerContent>
        @if (selected(); as id) {
          <app-instance-detail [instanceId]="id" (changed)="load()" />
        }
      </ng-container>
    </nz-drawer>
  `,
})
export default class MonitorPage {
  private readonly api = inject(WorkflowApiService);
  protected readonly statuses: InstanceStatus[] = ['active', 'completed', 'terminated'];
  protected readonly pageSize = PAGE_SIZE;
  protected readonly keys = signal<string[]>([]);
  protected readonly items = signal<InstanceSummary[]>([]);
  protected readonly total = signal(0);
  protected readonly pageIndex = signal(1);
  protected readonly loading = signal(false);
  protected readonly selected = signal<string | null>(null);
  protected definitionKey: string | null = null;
  protected status: InstanceStatus | null = null;
  protected businessKey = '';

  constructor() {
    void this.load();
    void firstValueFrom(this.api.definitionKeys()).then(
      (keys) => this.keys.set(keys),
      () => undefined,
    );
  }

  protected color(status: InstanceStatus): string {
    return STATUS_COLORS[status];
  }

  protected search(): void {
    this.pageIndex.set(1);
    void this.load();
  }

  protected onQuery(params: NzTableQueryParams): void {
    this.pageIndex.set(params.pageIndex);
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    try {
      const list = await firstValueFrom(
        this.api.instances({
          definitionKey: this.definitionKey ?? undefined,
          status: this.status ?? undefined,
          businessKey: this.businessKey.trim() || undefined,
          limit: PAGE_SIZE,
          offset: (this.pageIndex() - 1) * PAGE_SIZE,
        }),
      );
      this.items.set(list.items);
      this.total.set(list.total);
    } catch {
      // the error interceptor has told the user
    } finally {
      this.loading.set(false);
    }
  }
}
