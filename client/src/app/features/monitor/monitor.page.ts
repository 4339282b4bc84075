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
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { UserNamePipe } from '../../shared/user-names.service';
import { type InstanceStatus, WorkflowApiService } from '../../shared/workflow-api.service';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import { WorkflowTranslatePipe } from '../../shared/workflow-i18n';
import { ErrorStateComponent, type LoadFailure, loadFailureOf } from '../../shared/states/error-state.component';
import { docTypeName, processName } from '../inbox/inbox-rows';
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
    NzSkeletonModule,
    NzTagModule,
    ErrorStateComponent,
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
    .filters {
      align-items: flex-end;
    }
    .filter {
      display: flex;
      flex-direction: column;
      gap: 2px;
    }
    .filter label {
      font-size: 13px;
      color: rgba(0, 0, 0, 0.75);
    }
    .filters nz-select,
    .filters input {
      width: 200px;
      max-width: 100%;
    }
    .sub {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      font-size: 12px;
      color: rgba(0, 0, 0, 0.65);
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
      <div class="filter">
        <label for="monitor-definition">{{ 'monitor.definition' | wt }}</label>
        <nz-select
          nzId="monitor-definition"
          name="definitionKey"
          [(ngModel)]="definitionKey"
          nzAllowClear
          [nzPlaceHolder]="'monitor.all' | wt"
        >
          @for (d of definitions(); track d.key) {
            <nz-option [nzValue]="d.key" [nzLabel]="d.label" />
          }
        </nz-select>
      </div>
      <div class="filter">
        <label for="monitor-status">{{ 'monitor.status' | wt }}</label>
        <nz-select nzId="monitor-status" name="status" [(ngModel)]="status" nzAllowClear [nzPlaceHolder]="'monitor.all' | wt">
          @for (s of statuses; track s) {
            <nz-option [nzValue]="s" [nzLabel]="'monitor.status.' + s | wt" />
          }
        </nz-select>
      </div>
      <div class="filter">
        <label for="monitor-business-key">{{ 'monitor.businessKey' | wt }}</label>
        <input nz-input id="monitor-business-key" name="businessKey" [(ngModel)]="businessKey" />
      </div>
      <button nz-button nzType="primary" type="submit">{{ 'monitor.search' | wt }}</button>
    </form>
    @if (failure(); as f) {
      <app-error-state [failure]="f" (retry)="load()" />
    } @else if (!loaded()) {
      <nz-skeleton data-testid="monitor-skeleton" [nzActive]="true" [nzTitle]="false" [nzParagraph]="{ rows: 6 }" />
    } @else {
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
        [nzScroll]="{ x: '900px' }"
      >
        <thead>
          <tr>
            <th>{{ 'monitor.col.title' | wt }}</th>
            <th nzWidth="150px">{{ 'monitor.col.definition' | wt }}</th>
            <th nzWidth="100px">{{ 'monitor.status' | wt }}</th>
            <th nzWidth="110px">{{ 'monitor.col.initiator' | wt }}</th>
            <th nzWidth="150px">{{ 'monitor.col.started' | wt }}</th>
            <th nzWidth="150px">{{ 'monitor.col.ended' | wt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of items(); track row.id) {
            <tr class="clickable" [attr.data-instance-id]="row.id" (click)="selected.set(row.id)">
              <td>
                <a href="" class="title" data-testid="monitor-title" (click)="$event.preventDefault()">{{
                  row.title ?? row.businessKey ?? processLabel(row.definitionKey)
                }}</a>
                <div class="sub">
                  @if (row.docNumber) {
                    <span data-testid="monitor-doc-number">{{ row.docNumber }}</span>
                  }
                  @if (row.docType) {
                    <span>{{ typeName(row.docType) }}</span>
                  }
                  @if (!row.title && !row.docNumber && row.businessKey === null) {
                    <span class="mono">{{ row.id }}</span>
                  }
                </div>
              </td>
              <td>{{ processLabel(row.definitionKey) }}</td>
              <td>
                <nz-tag [nzColor]="color(row.status)">{{ 'monitor.status.' + row.status | wt }}</nz-tag>
              </td>
              <td>{{ row.initiator ? (row.initiator | userName) : '—' }}</td>
              <td>{{ row.startedAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td>{{ row.endedAt ? (row.endedAt | date: 'yyyy-MM-dd HH:mm') : '—' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    }
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
  /** The deployed processes by name (收文办理), for the filter and the rows. */
  protected readonly definitions = signal<{ key: string; label: string }[]>([]);
  /** the list was read at least once: before that a skeleton, never the empty picture */
  protected readonly loaded = signal(false);
  protected readonly failure = signal<LoadFailure | null>(null);
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
    void firstValueFrom(this.api.definitionNames()).then(
      (list) =>
        this.definitions.set(list.map(({ key, name }) => ({ key, label: processName(key) !== key ? processName(key) : (name ?? key) }))),
      () => undefined,
    );
  }

  /** A process by its name: the shipped names, else the deployed definition's, else the key. */
  protected processLabel(key: string): string {
    return this.definitions().find((d) => d.key === key)?.label ?? processName(key);
  }

  protected typeName(code: string): string {
    return docTypeName(code);
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
        this.api.instances(
          {
            definitionKey: this.definitionKey ?? undefined,
            status: this.status ?? undefined,
            businessKey: this.businessKey.trim() || undefined,
            limit: PAGE_SIZE,
            offset: (this.pageIndex() - 1) * PAGE_SIZE,
          },
          true,
        ),
      );
      this.items.set(list.items);
      this.total.set(list.total);
      this.failure.set(null);
      this.loaded.set(true);
    } catch (error) {
      this.failure.set(loadFailureOf(error));
    } finally {
      this.loading.set(false);
    }
  }
}
