import { ChangeDetectionStrategy, Component, DOCUMENT, computed, inject, input, signal } from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { apiErrorText } from '../../core/http/api-error';
import { I18nService } from '../../core/i18n/i18n.service';
import { valueOr } from './doc-form';
import { DocsI18n, DocsTranslatePipe } from './documents-i18n';
import { DocumentsApi } from './documents-api.service';
import { ProcessingSheetComponent } from './processing-sheet.component';

/**
 * 打印处理单 (`/print/documents/:id`): the 公文处理单 alone on an A4 page, outside the app's shell —
 * no menu, no header; the toolbar (打印, 下载PDF, 返回) is not printed.
 */
@Component({
  selector: 'app-processing-sheet-page',
  imports: [RouterLink, NzAlertModule, NzButtonModule, DocsTranslatePipe, ProcessingSheetComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host {
      display: block;
      background: #f0f2f5;
      min-height: 100vh;
      padding: 16px 8px;
    }
    .toolbar {
      max-width: 210mm;
      margin: 0 auto 12px;
      display: flex;
      gap: 8px;
      flex-wrap: wrap;
    }
    .paper {
      box-sizing: border-box;
      max-width: 210mm;
      min-height: 297mm;
      margin: 0 auto;
      padding: 20mm 18mm;
      background: #fff;
      box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15);
    }
    @media (max-width: 600px) {
      .paper {
        padding: 16px 10px;
        min-height: 0;
      }
    }
    @media print {
      :host {
        background: none;
        padding: 0;
      }
      .toolbar {
        display: none;
      }
      .paper {
        box-shadow: none;
        padding: 0;
        max-width: none;
        min-height: 0;
      }
    }
  `,
  template: `
    <div class="toolbar">
      <button nz-button nzType="primary" type="button" id="sheet-print" (click)="print()">{{ 'docs.sheet.printNow' | dt }}</button>
      <button nz-button type="button" id="sheet-pdf" (click)="pdf()">{{ 'docs.sheet.pdf' | dt }}</button>
      <a nz-button [routerLink]="['/documents', id()]">{{ 'docs.sheet.back' | dt }}</a>
    </div>
    @if (failed(); as text) {
      <nz-alert class="toolbar" nzType="error" nzShowIcon [nzMessage]="text" />
    }
    @if (current(); as d) {
      <article class="paper"><app-processing-sheet [doc]="d" /></article>
    } @else if (doc.error()) {
      <nz-alert class="toolbar" nzType="error" nzShowIcon [nzMessage]="'docs.view.loadFailed' | dt" />
    } @else {
      <p class="paper" aria-busy="true">…</p>
    }
  `,
})
export default class ProcessingSheetPage {
  private readonly api = inject(DocumentsApi);
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(I18nService);
  private readonly t = inject(DocsI18n).t;

  readonly id = input.required<string>();
  protected readonly doc = rxResource({ params: () => this.id(), stream: ({ params }) => this.api.get(params) });
  protected readonly current = computed(() => valueOr(this.doc, undefined));
  protected readonly failed = signal<string | null>(null);

  protected print(): void {
    this.document.defaultView?.print();
  }

  /** The server's PDF of the same sheet, opened for saving or printing. */
  protected async pdf(): Promise<void> {
    this.failed.set(null);
    try {
      const blob = await this.api.processingSheetPdf(this.id());
      const url = URL.createObjectURL(blob);
      const link = this.document.createElement('a');
      link.href = url;
      link.download = `${this.current()?.registration?.regNo ?? this.current()?.docNumber ?? this.id()}-处理单.pdf`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      this.failed.set(this.t('docs.sheet.pdfFailed', { message: apiErrorText(error, this.i18n) }));
    }
  }
}
