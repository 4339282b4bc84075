import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import type { Org, TaskQuery } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { SelectLabelDirective } from '../../shared/a11y/select-label.directive';
import { NzTableModule, type NzTableSortOrder } from 'ng-zorro-antd/table';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { Subject, catchError, debounceTime, distinctUntilChanged, firstValueFrom, from, of, switchMap } from 'rxjs';
import { ContractApi } from '../../core/api/contract-api.service';
import { AuthService } from '../../core/auth/auth.service';
import { I18nService } from '../../core/i18n/i18n.service';
import { NotificationStream } from '../../core/notifications/notification-stream.service';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import { phoneQuery } from '../../core/layout/phone-query';
import type { TranslationKey } from '../../core/i18n/zh-cn';
import { ErrorStateComponent, type LoadFailure, loadFailureOf } from '../../shared/states/error-state.component';
import { UserNamePipe, UserNames } from '../../shared/user-names.service';
import { WorkflowApiService } from '../../shared/workflow-api.service';
import { WorkflowI18n, WorkflowTranslatePipe } from '../../shared/workflow-i18n';
import {
  DOC_TYPE_OPTIONS,
  type DueState,
  type InboxFilter,
  type InboxRow,
  URGENCY_CODE,
  type Urgency,
  ccRow,
  circulationRow,
  compareByDue,
  dueState,
  filterRows,
  instanceRow,
  taskRow,
} from './inbox-rows';

export type InboxView = 'inbox' | 'done' | 'started' | 'cc' | 'circulation';

/** How often a visible inbox reloads on its own while the live notification stream is down. */
const REFRESH_MS = 60_000;
/** Notifications that change what the inbox lists (new, returned, withdrawn tasks; copies; circulations). */
const LIVE_KINDS = ['task.assigned', 'returned', 'withdrawn', 'cc', 'circulate'];
/** The views other than the task lists bring this many rows; filters, search and paging then work on them in the page. */
const FETCH_LIMIT = 200;
/** 待办 and 已办 are searched, filtered, sorted and paged by the server (GET /api/tasks), this many a page. */
const PAGE_SIZE = 20;
/** Typing in the search box asks the server once it pauses this long. */
const SEARCH_DEBOUNCE_MS = 300;
const serverSide = (view: InboxView) => view === 'inbox' || view === 'done';

@Component({
  selector: 'app-inbox-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzEmptyModule,
    NzInputModule,
    NzSelectModule,
    SelectLabelDirective,
    NzTableModule,
    NzTagModule,
    NzSkeletonModule,
    NzTooltipModule,
    ErrorStateComponent,
    TranslatePipe,
    UserNamePipe,
    WorkflowTranslatePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page', '(document:visibilitychange)': 'onVisibility()' },
  styles: `
    .inbox-head {
      display: flex;
      align-items: baseline;
      gap: 12px;
    }
    .inbox-count {
      color: #595959;
    }
    .inbox-filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      margin: 12px 0;
      align-items: center;
    }
    .inbox-filters .search {
      width: 260px;
    }
    .inbox-filters nz-select {
      width: 160px;
    }
    .title-link {
      font-weight: 500;
    }
    tr.overdue td:first-child {
      box-shadow: inset 3px 0 0 #cf1322;
    }
    tr.soon td:first-child {
      box-shadow: inset 3px 0 0 #d48806;
    }
    .due-overdue {
      color: #cf1322;
    }
    .due-soon {
      color: #874d00;
    }
    nz-tag {
      margin-right: 0;
    }
    .urged-tag {
      margin-left: 6px;
      cursor: default;
    }
    .inbox-head .urge-all {
      margin-left: auto;
    }
    /* phones: each row a block — the title on its line, type, step, urgency, deadline and initiator below */
    @media (max-width: 767.98px) {
      .inbox-filters .search,
      .inbox-filters nz-select {
        width: calc(50% - 4px);
      }
      :host ::ng-deep .ant-table-thead,
      :host ::ng-deep .ant-table colgroup {
        display: none;
      }
      :host ::ng-deep .ant-table table,
      .ant-table-tbody {
        display: block;
        width: 100%;
        min-width: 0;
      }
      .ant-table-tbody > tr {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 4px 12px;
        padding: 10px 8px;
        border-bottom: 1px solid #f0f0f0;
      }
      .ant-table-tbody > tr > td {
        display: block;
        padding: 0;
        border: 0;
        color: rgba(0, 0, 0, 0.65);
      }
      .ant-table-tbody > tr > td:first-child {
        flex: 1 0 100%;
        box-shadow: none;
      }
      tr.overdue {
        box-shadow: inset 3px 0 0 #cf1322;
      }
      tr.soon {
        box-shadow: inset 3px 0 0 #d48806;
      }
    }
  `,
  template: `
    <div class="inbox-head">
      <h1 class="page-title">{{ titleKey() | t }}</h1>
      @if (loaded() && !failure()) {
        <span class="inbox-count" data-testid="inbox-count">{{ 'wf.count' | wt: { count: count() } }}</span>
      }
      @if (view() === 'started') {
        <button
          nz-button
          class="urge-all"
          type="button"
          data-testid="urge-overdue"
          [title]="'inbox.urgeOverdueHint' | t"
          [nzLoading]="urging()"
          (click)="urgeOverdue()"
        >
          {{ 'inbox.urgeOverdue' | t }}
        </button>
      }
    </div>
    <div class="inbox-filters" role="search">
      <input
        nz-input
        class="search"
        type="search"
        [placeholder]="'wf.search' | wt"
        [attr.aria-label]="'wf.search' | wt"
        [ngModel]="filter().q"
        (ngModelChange)="patch({ q: $event })"
      />
      <nz-select
        [ngModel]="filter().urgency"
        (ngModelChange)="patch({ urgency: $event })"
        [attr.aria-label]="'wf.filter.urgency' | wt"
        [nzPlaceHolder]="'wf.filter.urgency' | wt"
      >
        <nz-option nzValue="" [nzLabel]="('wf.filter.urgency' | wt) + '：' + ('wf.filter.all' | wt)" />
        @for (u of urgencies; track u) {
          <nz-option [nzValue]="u" [nzLabel]="'wf.urgency.' + u | wt" />
        }
      </nz-select>
      <nz-select [ngModel]="filter().due" (ngModelChange)="patch({ due: $event })" [attr.aria-label]="'wf.filter.due' | wt">
        <nz-option nzValue="" [nzLabel]="('wf.filter.due' | wt) + '：' + ('wf.filter.all' | wt)" />
        <nz-option nzValue="overdue" [nzLabel]="'wf.due.overdue' | wt" />
        <nz-option nzValue="soon" [nzLabel]="'wf.due.soon' | wt" />
        <nz-option nzValue="none" [nzLabel]="'wf.due.none' | wt" />
      </nz-select>
      <nz-select [ngModel]="filter().type" (ngModelChange)="patch({ type: $event })" [attr.aria-label]="'wf.filter.type' | wt">
        <nz-option nzValue="" [nzLabel]="('wf.filter.type' | wt) + '：' + ('wf.filter.all' | wt)" />
        @if (server()) {
          @for (type of docTypes; track type.code) {
            <nz-option [nzValue]="type.code" [nzLabel]="type.name" />
          }
        } @else {
          @for (type of types(); track type) {
            <nz-option [nzValue]="type" [nzLabel]="type" />
          }
        }
      </nz-select>
      @if (server()) {
        <!-- 部门: the 公文's 主办 department or the initiator's organization (the server's orgId) -->
        <nz-select
          class="org-filter"
          [ngModel]="filter().orgId ?? ''"
          (ngModelChange)="patch({ orgId: $event })"
          [attr.aria-label]="'wf.filter.dept' | wt"
          nzShowSearch
        >
          <nz-option nzValue="" [nzLabel]="('wf.filter.dept' | wt) + '：' + ('wf.filter.all' | wt)" />
          @for (org of orgs(); track org.id) {
            <nz-option [nzValue]="org.id" [nzLabel]="org.name" />
          }
        </nz-select>
      }
      <button nz-button type="button" (click)="reload()" [nzLoading]="loading()">{{ 'wf.refresh' | wt }}</button>
    </div>
    @if (failure(); as f) {
      <app-error-state [failure]="f" (retry)="reload()" />
    } @else if (!loaded()) {
      <nz-skeleton data-testid="inbox-skeleton" [nzActive]="true" [nzTitle]="false" [nzParagraph]="{ rows: 6 }" />
    } @else {
      <nz-table
        #table
        [nzData]="visible()"
        [nzNoResult]="empty"
        [nzPageSize]="pageSize"
        [nzFrontPagination]="!server()"
        [nzTotal]="server() ? total() : visible().length"
        [nzPageIndex]="page()"
        (nzPageIndexChange)="page.set($event)"
        [nzHideOnSinglePage]="true"
        [nzLoading]="loading()"
        nzSize="middle"
        [nzScroll]="phone() ? {} : { x: '960px' }"
      >
        <thead>
          <tr>
            <th>{{ 'inbox.col.title' | t }}</th>
            <th nzWidth="120px">{{ 'inbox.col.type' | t }}</th>
            <th nzWidth="140px">{{ (view() === 'done' ? 'inbox.col.myStep' : 'inbox.col.step') | t }}</th>
            <th nzWidth="110px">{{ 'inbox.col.urgency' | t }}</th>
            <th
              nzWidth="150px"
              [nzSortFn]="server() ? true : byDue"
              [nzSortOrder]="dueSort()"
              (nzSortOrderChange)="sortBy($event)"
              [nzSortDirections]="server() ? ['ascend', null] : ['ascend', 'descend', null]"
            >
              {{ 'inbox.col.deadline' | t }}
            </th>
            <th nzWidth="120px">{{ 'inbox.col.initiator' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (row of table.data; track row.id) {
            <tr [class]="due(row)" [attr.data-row-id]="row.id">
              <td>
                @if (row.link.length) {
                  <a class="title-link" [routerLink]="row.link">{{ row.title }}</a>
                } @else {
                  {{ row.title }}
                }
                @if (row.urgeCount) {
                  <nz-tag
                    class="urged-tag"
                    nzColor="volcano"
                    data-testid="urged-tag"
                    tabindex="0"
                    nz-tooltip
                    [nzTooltipTitle]="'inbox.urgedAt' | t: { at: (row.lastUrgedAt | date: 'yyyy-MM-dd HH:mm') ?? '' }"
                    [attr.aria-label]="
                      ('inbox.urgedTimes' | t: { count: row.urgeCount }) +
                      '，' +
                      ('inbox.urgedAt' | t: { at: (row.lastUrgedAt | date: 'yyyy-MM-dd HH:mm') ?? '' })
                    "
                    >{{ 'inbox.urged' | t }}{{ row.urgeCount > 1 ? ' ×' + row.urgeCount : '' }}</nz-tag
                  >
                }
              </td>
              <td>{{ row.type }}</td>
              <td>{{ row.step }}</td>
              <td>
                @if (row.urgency !== 'NONE') {
                  <nz-tag [nzColor]="row.urgency === '特急' ? 'red' : 'orange'">{{ 'wf.urgency.' + row.urgency | wt }}</nz-tag>
                } @else {
                  {{ 'wf.urgency.NONE' | wt }}
                }
              </td>
              <td [class]="'due-' + due(row)">
                {{ row.dueAt ? (row.dueAt | date: 'yyyy-MM-dd HH:mm') : '—' }}
                @if (due(row) === 'overdue' || due(row) === 'soon') {
                  <div class="due-flag">{{ 'wf.due.' + due(row) | wt }}</div>
                }
              </td>
              <td>{{ row.initiator | userName }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    }
    <ng-template #empty>
      <nz-empty [nzNotFoundContent]="emptyKey() | t" />
    </ng-template>
  `,
})
export default class InboxPage {
  private readonly api = inject(WorkflowApiService);
  private readonly auth = inject(AuthService);
  private readonly texts = inject(WorkflowI18n);
  private readonly names = inject(UserNames);

  /** From the route's `data`, via component input binding. */
  readonly view = input<InboxView>('inbox');
  protected readonly rows = signal<readonly InboxRow[]>([]);
  protected readonly loading = signal(false);
  /** On a phone the rows stack (no sideways scrolling of a 960 px table). */
  protected readonly phone = phoneQuery();
  /** the view's rows were loaded at least once: before that a skeleton, never the empty picture */
  protected readonly loaded = signal(false);
  /** the last load failed: an error state with 重试 in place of the list (an error never looks empty) */
  protected readonly failure = signal<LoadFailure | null>(null);
  protected readonly urging = signal(false);
  private readonly contract = inject(ContractApi);
  private readonly message = inject(NzMessageService);
  private readonly i18n = inject(I18nService);
  protected readonly filter = signal<InboxFilter>({ q: '', urgency: '', due: '', type: '' });
  protected readonly dueSort = signal<NzTableSortOrder>(null);
  protected readonly now = signal(new Date());
  protected readonly urgencies: Urgency[] = ['NONE', '加急', '特急'];
  protected readonly titleKey = computed(() => `nav.${this.view()}` as TranslationKey);
  protected readonly emptyKey = computed(() => `inbox.empty.${this.view()}` as TranslationKey);
  protected readonly types = computed(() =>
    [
      ...new Set(
        this.rows()
          .map((r) => r.type)
          .filter(Boolean),
      ),
    ].sort(),
  );
  /** 待办 and 已办: the server filters and pages; the rows are one page */
  protected readonly server = computed(() => serverSide(this.view()));
  protected readonly visible = computed(() =>
    this.server() ? this.rows() : filterRows(this.rows(), this.filter(), this.now(), (u) => this.names.name(u)),
  );
  protected readonly total = signal(0);
  protected readonly count = computed(() => (this.server() ? this.total() : this.visible().length));
  protected readonly page = signal(1);
  protected readonly pageSize = PAGE_SIZE;
  protected readonly docTypes = DOC_TYPE_OPTIONS;
  protected readonly orgs = signal<readonly Org[]>([]);
  /** the search text the server is asked for: the box's text once typing pauses */
  private readonly searched = toSignal(
    toObservable(computed(() => this.filter().q.trim())).pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged()),
    { initialValue: '' },
  );
  /** each load request; a newer one cancels the one in flight (switchMap), so the newest load wins */
  private readonly loads = new Subject<void>();
  /** the filters the server applies, but the search text (that one waits for typing to pause) */
  private readonly serverFilter = computed(() => {
    const f = this.filter();
    return [f.urgency, f.due, f.type, f.orgId ?? ''].join('|');
  });
  protected readonly byDue = compareByDue;

  constructor() {
    this.loads
      .pipe(
        switchMap(() => {
          this.loading.set(true);
          return from(this.fetch(this.view())).pipe(
            // shown in place of the list, with 重试 (a lost network is retried first: the banner)
            catchError((error: unknown) => {
              this.failure.set(loadFailureOf(error));
              return of(null);
            }),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((page) => {
        if (page) {
          this.rows.set(page.rows);
          if (page.total !== undefined) this.total.set(page.total);
          this.failure.set(null);
          this.loaded.set(true);
        }
        this.now.set(new Date());
        this.loading.set(false);
      });
    effect(() => {
      const view = this.view();
      untracked(() => {
        this.dueSort.set(view === 'inbox' ? 'ascend' : null);
        this.page.set(1);
        // another list: its own skeleton until it is read
        this.loaded.set(false);
        this.failure.set(null);
        if (serverSide(view) && !this.orgs().length) this.loadOrgs();
      });
    });
    // a server-side view asks again whenever its query changes (view, filters, search, page, sort)
    effect(() => {
      if (serverSide(this.view())) {
        this.page();
        this.dueSort();
        this.searched();
        this.serverFilter();
      }
      untracked(() => this.reload());
    });
    const stream = inject(NotificationStream);
    // a burst of notifications (a countersign creating several tasks) reloads once
    const live = stream
      .ofKind(...LIVE_KINDS)
      .pipe(debounceTime(300))
      .subscribe(() => this.reload());
    const timer = setInterval(() => {
      if (!stream.connected()) this.onVisibility();
    }, REFRESH_MS);
    inject(DestroyRef).onDestroy(() => {
      clearInterval(timer);
      live.unsubscribe();
    });
  }

  protected patch(change: Partial<InboxFilter>): void {
    this.filter.update((f) => ({ ...f, ...change }));
    if (this.server()) this.page.set(1);
  }

  protected sortBy(order: NzTableSortOrder): void {
    this.dueSort.set(order);
    if (this.server()) this.page.set(1);
  }

  private loadOrgs(): void {
    this.api.orgs().subscribe({ next: (orgs) => this.orgs.set(orgs), error: () => undefined });
  }

  protected due(row: InboxRow): DueState {
    return dueState(row.dueAt, this.now());
  }

  protected onVisibility(): void {
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') this.reload();
  }

  /** 一键催办: urges every overdue item the user started, and says how many. */
  protected async urgeOverdue(): Promise<void> {
    if (this.urging()) return;
    this.urging.set(true);
    try {
      const r = await firstValueFrom(this.contract.call('POST /tasks/urge-overdue', { body: {} }));
      if (r.urged) this.message.success(this.i18n.t('inbox.urgeOverdueDone', { count: r.urged, people: r.recipients }));
      else this.message.info(this.i18n.t('inbox.urgeOverdueNone'));
    } catch {
      // told by the error interceptor
    } finally {
      this.urging.set(false);
    }
  }

  /** Loads the view's rows; a newer load wins over an older one still in flight. */
  reload(): void {
    this.loads.next();
  }

  /** The rows of a view, and for the server-paged views the total the server counted. */
  private async fetch(view: InboxView): Promise<{ rows: InboxRow[]; total?: number }> {
    switch (view) {
      case 'inbox':
        // mine and my groups' unclaimed ones (assignee=me&candidate=me), asked for explicitly:
        // without a filter a workflow admin (who may also be a leader) would be given every open task
        return this.taskPage({ assignee: 'me', candidate: 'me', status: 'open' });
      case 'done':
        // a 公文 once, at the latest step the user did
        return this.taskPage({ assignee: 'me', status: 'completed', distinct: 'instance' });
      case 'started': {
        const me = this.auth.user()?.username;
        const list = await firstValueFrom(this.api.instances({ limit: FETCH_LIMIT }));
        const mine = list.items.filter((i) => i.initiator === me);
        // the matter (title, type, urgency) comes with each instance of the list: none is read
        return { rows: mine.map((i) => instanceRow(i, this.texts.t(`monitor.status.${i.status}`))) };
      }
      case 'cc':
        // likewise with each copy
        return { rows: (await firstValueFrom(this.api.ccItems())).map(ccRow) };
      case 'circulation':
        return { rows: (await firstValueFrom(this.api.circulations())).map(circulationRow) };
    }
  }

  /**
   * One page of tasks, searched and filtered by the server; the matter (title, type, urgency,
   * initiator) comes with each task: no instance is read.
   */
  private async taskPage(base: Partial<TaskQuery>): Promise<{ rows: InboxRow[]; total: number }> {
    const f = this.filter();
    const query: Partial<TaskQuery> = {
      ...base,
      q: this.searched() || undefined,
      urgency: f.urgency ? URGENCY_CODE[f.urgency] : undefined,
      due: f.due && f.due !== 'ok' ? f.due : undefined,
      docType: f.type || undefined,
      orgId: f.orgId || undefined,
      sort: this.dueSort() === 'ascend' ? 'due' : undefined,
      offset: (this.page() - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
    };
    const list = await firstValueFrom(this.api.tasks(query));
    return { rows: list.items.map((task) => taskRow(task)), total: list.total };
  }
}
