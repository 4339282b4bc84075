import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { HttpContext } from '@angular/common/http';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import type { DocumentDetail } from '@liuzhuan/contracts';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { firstValueFrom } from 'rxjs';
import { ContractApi } from '../../core/api/contract-api.service';
import { apiErrorText } from '../../core/http/api-error';
import { SKIP_ERROR_MESSAGE } from '../../core/http/http-context';
import { I18nService } from '../../core/i18n/i18n.service';
import { DocsI18n, DocsTranslatePipe } from './documents-i18n';

/**
 * The red-header 公文 (GB/T 9704) of an outgoing document: the server's PDF shown in the page and
 * both downloads (PDF, DOCX). The PDF comes with the session's token (a frame cannot send it) as a
 * blob URL of type application/pdf, made again when the document's version changes and revoked
 * when the view goes away.
 */
@Component({
  selector: 'app-document-rendition',
  imports: [NzButtonModule, DocsTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="actions">
      <button nz-button nzSize="small" type="button" id="rendition-pdf" [disabled]="!url()" (click)="savePdf()">
        {{ 'docs.rendition.pdf' | dt }}
      </button>
      <button nz-button nzSize="small" type="button" id="rendition-docx" [nzLoading]="savingDocx()" (click)="saveDocx()">
        {{ 'docs.rendition.docx' | dt }}
      </button>
      @if (url(); as u) {
        <!-- a phone's browser may show no PDF in a frame: its own viewer opens it -->
        <a class="open" [href]="u.raw" target="_blank" rel="noopener">{{ 'docs.rendition.open' | dt }}</a>
      }
    </div>
    @if (draft()) {
      <p class="muted note">{{ 'docs.rendition.draftNote' | dt }}</p>
    }
    @if (url(); as u) {
      <iframe class="pdf" [src]="u.frame" [title]="'docs.rendition.frame' | dt" data-testid="rendition-frame"></iframe>
    } @else if (failed(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    } @else {
      <p class="muted" aria-busy="true">{{ 'docs.rendition.loading' | dt }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
      margin-bottom: 8px;
    }
    .open {
      font-size: 13px;
    }
    .pdf {
      display: block;
      width: 100%;
      height: min(80vh, 900px);
      border: 1px solid #f0f0f0;
      border-radius: 4px;
    }
    @media (max-width: 600px) {
      .pdf {
        height: 60vh;
      }
    }
    .muted {
      color: #595959;
      margin: 0 0 8px;
    }
    .error {
      color: #cf1322;
      margin: 0;
    }
  `,
})
export class DocumentRenditionComponent {
  private readonly api = inject(ContractApi);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly document = inject(DOCUMENT);
  private readonly docsI18n = inject(DocsI18n);
  private readonly i18n = inject(I18nService);

  readonly doc = input.required<DocumentDetail>();

  protected readonly url = signal<{ raw: string; frame: SafeResourceUrl } | null>(null);
  protected readonly failed = signal<string | null>(null);
  protected readonly savingDocx = signal(false);
  /** the server watermarks it 草稿 until 签发 and a 发文字号 */
  protected readonly draft = computed(() => !this.doc().handling.signedOff || !this.doc().docNumber);
  private readonly fileName = computed(() => `${this.doc().docNumber ?? '草稿'} ${this.doc().title}`.replace(/[\\/:*?"<>|]/g, '_'));

  constructor() {
    const version = computed(() => `${this.doc().id}@${this.doc().digest}`);
    effect(() => {
      version();
      untracked(() => void this.load(this.doc().id));
    });
    inject(DestroyRef).onDestroy(() => this.revoke());
  }

  protected savePdf(): void {
    const current = this.url();
    if (current) this.save(current.raw, `${this.fileName()}.pdf`);
  }

  protected async saveDocx(): Promise<void> {
    this.savingDocx.set(true);
    this.failed.set(null);
    try {
      const blob = await firstValueFrom(this.api.blob('GET /documents/:id/rendition.docx', { params: { id: this.doc().id } }));
      const raw = URL.createObjectURL(blob);
      this.save(raw, `${this.fileName()}.docx`);
      setTimeout(() => URL.revokeObjectURL(raw), 10_000);
    } finally {
      this.savingDocx.set(false);
    }
  }

  private save(href: string, name: string): void {
    const link = this.document.createElement('a');
    link.href = href;
    link.download = name;
    link.click();
  }

  private async load(id: string): Promise<void> {
    this.revoke();
    this.failed.set(null);
    try {
      const blob = await firstValueFrom(
        this.api.blob('GET /documents/:id/rendition.pdf', { params: { id }, context: new HttpContext().set(SKIP_ERROR_MESSAGE, true) }),
      );
      // the blob carries the type the page expects, never one the response might claim
      const raw = URL.createObjectURL(new Blob([blob], { type: 'application/pdf' }));
      // a blob URL this component made, of a PDF: safe to frame
      // fitted to the frame's width, so a phone shows the whole line, not the page's left corner
      this.url.set({ raw, frame: this.sanitizer.bypassSecurityTrustResourceUrl(`${raw}#view=FitH`) });
    } catch (error) {
      // shown in place; the DOCX download still works
      this.failed.set(this.docsI18n.t('docs.rendition.failed', { message: apiErrorText(error, this.i18n) }));
    }
  }

  private revoke(): void {
    const current = this.url();
    if (current) URL.revokeObjectURL(current.raw);
    this.url.set(null);
  }
}
