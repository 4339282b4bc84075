import { ChangeDetectionStrategy, Component, computed, input, signal } from '@angular/core';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzTableModule } from 'ng-zorro-antd/table';
import { TranslatePipe } from '../../core/i18n/t.pipe';
import type { TranslationKey } from '../../core/i18n/zh-cn';

export type InboxView = 'inbox' | 'done' | 'started' | 'cc' | 'circulation';

/** A row of the task list; filled from the task API once the engine serves it. */
export interface InboxRow {
  id: string;
  title: string;
  docType: string;
  step: string;
  urgency: string;
  deadline: string | null;
  initiator: string;
}

@Component({
  selector: 'app-inbox-page',
  imports: [NzTableModule, NzEmptyModule, TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  template: `
    <h1 class="page-title">{{ titleKey() | t }}</h1>
    <nz-table
      [nzData]="rows()"
      [nzNoResult]="empty"
      [nzShowPagination]="false"
      nzSize="middle"
      [nzScroll]="{ x: '960px' }"
    >
      <thead>
        <tr>
          <th>{{ 'inbox.col.title' | t }}</th>
          <th nzWidth="120px">{{ 'inbox.col.type' | t }}</th>
          <th nzWidth="140px">{{ 'inbox.col.step' | t }}</th>
          <th nzWidth="110px">{{ 'inbox.col.urgency' | t }}</th>
          <th nzWidth="130px">{{ 'inbox.col.deadline' | t }}</th>
          <th nzWidth="120px">{{ 'inbox.col.initiator' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (row of rows(); track row.id) {
          <tr>
            <td>{{ row.title }}</td>
            <td>{{ row.docType }}</td>
            <td>{{ row.step }}</td>
            <td>{{ row.urgency }}</td>
            <td>{{ row.deadline }}</td>
            <td>{{ row.initiator }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #empty>
      <nz-empty [nzNotFoundContent]="emptyKey() | t" />
    </ng-template>
  `,
})
export default class InboxPage {
  /** From the route's `data`, via component input binding. */
  readonly view = input<InboxView>('inbox');
  /** Empty until the task API exists; the table and its empty state are what this page shows now. */
  protected readonly rows = signal<readonly InboxRow[]>([]);
  protected readonly titleKey = computed(() => `nav.${this.view()}` as TranslationKey);
  protected readonly emptyKey = computed(() => `inbox.empty.${this.view()}` as TranslationKey);
}
