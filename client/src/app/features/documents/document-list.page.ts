import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, numberAttribute } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { DOC_TYPE_NAMES, type DocumentList } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { AuthService } from '../../core/auth/auth.service';
import { ErrorStateComponent, loadFailureOf } from '../../shared/states/error-state.component';
import { BEIJING, valueOr } from './doc-form';
import { DocsI18n, DocsTranslatePipe } from './documents-i18n';
import { DocumentsApi, type DocumentBox } from './documents-api.service';

export const BOXES: readonly DocumentBox[] = ['todo', 'done', 'mine', 'all'];
const PAGE_SIZE = 20;

type Row = DocumentList['items'][number];

/** The number a clerk knows a document by: 发文字号, else 来文字号, else 收文号. */
export function documentNumber(doc: Row): string {
  return doc.docNumber ?? doc.registration?.sourceDocNumber ?? doc.registration?.regNo ?? '';
}

/** 公文 list: 待办/已办/我的/全部 with pinyin-aware search and paging; the state lives in the URL. */
@Component({
  selector: 'app-document-list-page',
  imports: [
    DatePipe,
    FormsModule,
    RouterLink,
    NzButtonModule,
    NzEmptyModule,
    NzInputModule,
    NzSkeletonModule,
    NzTableModule,
    NzTabsModule,
    NzTagModule,
    DocsTranslatePipe,
    ErrorStateComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  styles: `
    .list-header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      margin-bottom: 8px;
    }
    .list-header .page-title {
      margin: 0;
    }
    .list-actions {
      display: flex;
      gap: 8px;
    }
    .list-tools {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 16px;
      margin-bottom: 12px;
    }
    .list-search {
      width: 360px;
      max-width: 100%;
    }
    .list-total {
      color: #5c6b7a;
    }
    .title-cell a {
      color: #1f2d3d;
      font-weight: 500;
    }
    .title-cell a:hover,
    .title-cell a:focus-visible {
      color: #1677ff;
    }
    .number-cell {
      white-space: nowrap;
    }
    nz-tabs {
      margin-bottom: 4px;
    }
  `,
  template: `
    <div class="list-header">
      <h1 class="page-title">{{ 'docs.list.title' | dt }}</h1>
      @if (isClerk()) {
        <div class="list-actions">
          <a nz-button nzType="primary" routerLink="incoming/new">{{ 'docs.new.incoming' | dt }}</a>
          <a nz-button routerLink="outgoing/new">{{ 'docs.new.outgoing' | dt }}</a>
          <a nz-button id="open-register" routerLink="register">{{ 'docs.register.open' | dt }}</a>
        </div>
      }
    </div>
    <nz-tabs [nzSelectedIndex]="boxIndex()" (nzSelectedIndexChange)="go({ box: boxes[$event], page: 1 })" [nzAnimated]="false">
      @for (b of boxes; track b) {
        <nz-tab [nzTitle]="'docs.box.' + b | dt" />
      }
    </nz-tabs>
    <div class="list-tools">
      <form class="list-search" role="search" (submit)="$event.preventDefault(); go({ q: searchInput.value.trim(), page: 1 })">
        <nz-input-group nzSearch [nzAddOnAfter]="searchButton">
          <input
            #searchInput
            nz-input
            type="search"
            id="doc-search"
            [value]="q()"
            [placeholder]="'docs.search' | dt"
            [attr.aria-label]="'docs.search' | dt"
          />
        </nz-input-group>
        <ng-template #searchButton>
          <button nz-button nzType="primary" nzSearch type="submit">{{ 'docs.search.button' | dt }}</button>
        </ng-template>
      </form>
      <span class="list-total" aria-live="polite">{{ 'docs.total' | dt: { total: list()?.total ?? 0 } }}</span>
    </div>
    @if (documents.error(); as error) {
      <app-error-state [failure]="failureOf(error)" (retry)="documents.reload()" />
    } @else if (!list()) {
      <nz-skeleton data-testid="documents-skeleton" [nzActive]="true" [nzTitle]="false" [nzParagraph]="{ rows: 6 }" />
    } @else {
      <nz-table
        [nzData]="list()?.items ?? []"
        [nzLoading]="documents.isLoading()"
        [nzFrontPagination]="false"
        [nzTotal]="list()?.total ?? 0"
        [nzPageIndex]="page()"
        [nzPageSize]="pageSize"
        (nzPageIndexChange)="go({ page: $event })"
        [nzNoResult]="empty"
        nzSize="middle"
        [nzScroll]="{ x: '1000px' }"
      >
        <thead>
          <tr>
            <th>{{ 'docs.col.title' | dt }}</th>
            <th nzWidth="70px">{{ 'docs.col.direction' | dt }}</th>
            <th nzWidth="70px">{{ 'docs.col.type' | dt }}</th>
            <th nzWidth="190px">{{ 'docs.col.number' | dt }}</th>
            <th nzWidth="90px">{{ 'docs.col.urgency' | dt }}</th>
            <th nzWidth="90px">{{ 'docs.col.status' | dt }}</th>
            <th nzWidth="150px">{{ 'docs.col.created' | dt }}</th>
          </tr>
        </thead>
        <tbody>
          @for (doc of list()?.items ?? []; track doc.id) {
            <tr>
              <td class="title-cell">
                <a [routerLink]="doc.id">{{ doc.title }}</a>
                @if (doc.secretLevel !== 'NONE') {
                  <nz-tag nzColor="red">{{ docsI18n.label('secret', doc.secretLevel) }}</nz-tag>
                }
              </td>
              <td>{{ 'docs.direction.' + doc.direction | dt }}</td>
              <td>{{ typeNames[doc.docType] }}</td>
              <td class="number-cell">{{ number(doc) }}</td>
              <td>
                @if (doc.urgency !== 'NONE') {
                  <nz-tag [nzColor]="doc.urgency === 'EXTRA_URGENT' ? 'red' : 'orange'">{{
                    docsI18n.label('urgency', doc.urgency)
                  }}</nz-tag>
                }
              </td>
              <td>{{ 'docs.status.' + doc.status | dt }}</td>
              <td>{{ doc.createdAt | date: 'yyyy-MM-dd HH:mm' : beijing }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    }
    <ng-template #empty>
      <nz-empty [nzNotFoundContent]="'docs.empty' | dt" />
    </ng-template>
  `,
})
export default class DocumentListPage {
  private readonly api = inject(DocumentsApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly auth = inject(AuthService);
  protected readonly docsI18n = inject(DocsI18n);

  /** Query parameters, via component input binding. */
  readonly box = input<DocumentBox, unknown>('todo', {
    transform: (v) => (BOXES.includes(v as DocumentBox) ? (v as DocumentBox) : 'todo'),
  });
  readonly q = input<string, unknown>('', { transform: (v) => (typeof v === 'string' ? v : '') });
  readonly page = input<number, unknown>(1, { transform: (v) => Math.max(1, numberAttribute(v, 1)) });

  protected readonly boxes = BOXES;
  protected readonly pageSize = PAGE_SIZE;
  protected readonly typeNames = DOC_TYPE_NAMES;
  protected readonly beijing = BEIJING;
  protected readonly number = documentNumber;
  protected readonly boxIndex = computed(() => BOXES.indexOf(this.box()));
  protected readonly isClerk = computed(() => this.auth.roles().includes('clerk'));

  protected readonly documents = rxResource({
    params: () => ({ box: this.box(), q: this.q(), page: this.page(), pageSize: PAGE_SIZE }),
    stream: ({ params }) => this.api.list(params),
  });

  protected readonly list = computed(() => valueOr(this.documents, null));
  protected readonly failureOf = loadFailureOf;

  protected go(change: { box?: DocumentBox; q?: string; page?: number }): void {
    const next = { box: this.box(), q: this.q(), page: this.page(), ...change };
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { box: next.box, q: next.q || null, page: next.page > 1 ? next.page : null },
    });
  }
}
