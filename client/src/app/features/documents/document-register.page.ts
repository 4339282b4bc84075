import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { BEIJING, valueOr } from './doc-form';
import { DocsI18n, DocsTranslatePipe } from './documents-i18n';
import { DocumentsApi } from './documents-api.service';

/** "2026-01-01": the first day of this year in Beijing (the register is kept by year). */
function yearStart(now = new Date()): string {
  return `${new Date(now.getTime() + 8 * 3600_000).getUTCFullYear()}-01-01`;
}

/**
 * 收文登记簿: the registered incoming documents, one line each in the register's columns, for a
 * range of 签收 dates; exported as XLSX by the server, printed with the print stylesheet (the
 * shell's menu and header, the filters and buttons are not printed).
 */
@Component({
  selector: 'app-document-register-page',
  imports: [DatePipe, FormsModule, RouterLink, NzAlertModule, NzButtonModule, DocsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'page' },
  styles: `
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 12px;
      align-items: center;
      margin-bottom: 12px;
    }
    .filters label {
      display: inline-flex;
      gap: 6px;
      align-items: center;
    }
    .filters input {
      height: 32px;
      padding: 0 8px;
      border: 1px solid #d9d9d9;
      border-radius: 4px;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      width: 100%;
      min-width: 960px;
      border-collapse: collapse;
      font-size: 13px;
    }
    th,
    td {
      border: 1px solid #d9d9d9;
      padding: 6px;
      text-align: left;
      vertical-align: top;
    }
    th {
      background: #fafafa;
      white-space: nowrap;
    }
    td.nowrap {
      white-space: nowrap;
    }
    .muted {
      color: rgba(0, 0, 0, 0.55);
    }
    h1 {
      margin: 0 0 12px;
      font-size: 20px;
    }
    @media print {
      .no-print {
        display: none !important;
      }
      table {
        min-width: 0;
        font-size: 10pt;
      }
      .scroll {
        overflow: visible;
      }
      a {
        color: inherit;
        text-decoration: none;
      }
    }
  `,
  template: `
    <h1 class="page-title">{{ 'docs.register.title' | dt }}</h1>
    <form class="filters no-print" (submit)="$event.preventDefault(); apply()">
      <label>{{ 'docs.register.from' | dt }} <input type="date" name="from" [(ngModel)]="fromInput" /></label>
      <label>{{ 'docs.register.to' | dt }} <input type="date" name="to" [(ngModel)]="toInput" /></label>
      <button nz-button nzType="primary" type="submit">{{ 'docs.register.query' | dt }}</button>
      <button nz-button type="button" id="register-export" (click)="exportXlsx()">{{ 'docs.register.export' | dt }}</button>
      <button nz-button type="button" id="register-print" (click)="print()">{{ 'docs.register.print' | dt }}</button>
    </form>
    @if (failed(); as text) {
      <nz-alert class="no-print" nzType="error" nzShowIcon [nzMessage]="text" />
    }
    @if (rows(); as items) {
      @if (items.length) {
        <div class="scroll">
          <table id="register-table">
            <thead>
              <tr>
                @for (col of columns; track col) {
                  <th scope="col">{{ 'docs.register.col.' + col | dt }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (r of items; track r.id) {
                <tr>
                  <td class="nowrap">
                    <a [routerLink]="['/documents', r.id]">{{ r.regNo }}</a>
                  </td>
                  <td class="nowrap">{{ r.signedForAt | date: 'yyyy-MM-dd HH:mm' : beijing }}</td>
                  <td>{{ r.sourceOrg }}</td>
                  <td>{{ r.sourceDocNumber ?? '' }}</td>
                  <td>{{ r.title }}</td>
                  <td class="nowrap">{{ i18n.label('secret', r.secretLevel) }}</td>
                  <td class="nowrap">{{ i18n.label('urgency', r.urgency) }}</td>
                  <td class="nowrap">{{ r.dueAt | date: 'yyyy-MM-dd' : beijing }}</td>
                  <td>{{ r.leadDept ?? '' }}</td>
                  <td class="nowrap">{{ 'docs.register.status.' + r.status | dt }}</td>
                </tr>
              }
            </tbody>
          </table>
        </div>
      } @else {
        <p class="muted">{{ 'docs.register.empty' | dt }}</p>
      }
    } @else if (register.error()) {
      <nz-alert nzType="error" nzShowIcon [nzMessage]="'docs.register.failed' | dt: { message: errorText() }" />
    } @else {
      <p class="muted" aria-busy="true">…</p>
    }
  `,
})
export default class DocumentRegisterPage {
  private readonly api = inject(DocumentsApi);
  private readonly document = inject(DOCUMENT);
  private readonly i18nService = inject(I18nService);
  protected readonly i18n = inject(DocsI18n);
  protected readonly beijing = BEIJING;
  protected readonly columns = [
    'regNo',
    'signedForAt',
    'sourceOrg',
    'sourceDocNumber',
    'title',
    'secretLevel',
    'urgency',
    'dueAt',
    'leadDept',
    'status',
  ] as const;

  protected fromInput = yearStart();
  protected toInput = '';
  private readonly range = signal<{ from: string | null; to: string | null }>({ from: this.fromInput, to: null });
  protected readonly register = rxResource({
    params: () => this.range(),
    stream: ({ params }) => this.api.register(params.from, params.to),
  });
  protected readonly rows = computed(() => valueOr(this.register, null)?.items ?? null);
  protected readonly errorText = computed(() => apiErrorText(this.register.error(), this.i18nService));
  protected readonly failed = signal<string | null>(null);

  protected apply(): void {
    this.range.set({ from: this.fromInput || null, to: this.toInput || null });
  }

  protected async exportXlsx(): Promise<void> {
    this.failed.set(null);
    try {
      const { from, to } = this.range();
      const blob = await this.api.registerXlsx(from, to);
      const url = URL.createObjectURL(blob);
      const link = this.document.createElement('a');
      link.href = url;
      link.download = '收文登记簿.xlsx';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.failed.set(this.i18n.t('docs.register.failed', { message: apiErrorText(error, this.i18nService) }));
    }
  }

  protected print(): void {
    this.document.defaultView?.print();
  }
}
