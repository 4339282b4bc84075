import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { DomSanitizer, type SafeResourceUrl } from '@angular/platform-browser';
import { HttpContext } from '@angular/common/http';
import type { Attachment } from '@liuzhuan/contracts';
import { firstValueFrom } from 'rxjs';
import { ContractApi } from '../../core/api/contract-api.service';
import { SKIP_ERROR_MESSAGE } from '../../core/http/http-context';
import { phoneQuery } from '../../core/layout/phone-query';
import { PdfPagesComponent } from './pdf-pages.component';
import { TaskDocTranslatePipe } from './task-document-i18n';

/** The types the server shows inline (GET …/attachments/:id/preview): PDF and raster images. */
const PREVIEW_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
type PreviewType = (typeof PREVIEW_TYPES)[number];

/** The attachment's type as one the page shows inline, else null (the user downloads it). */
export function previewTypeOf(contentType: string): PreviewType | null {
  const bare = contentType.split(';')[0].trim().toLowerCase();
  return (PREVIEW_TYPES as readonly string[]).includes(bare) ? (bare as PreviewType) : null;
}

/**
 * One attachment shown in the page: a PDF in a frame, an image as an image. The bytes come with
 * the session's token (a frame cannot send it), as a blob URL of the checked type, revoked when
 * the preview goes away. On a phone, whose browser shows no PDF in a frame (and would open a new
 * window for it), the PDF's pages are drawn in the page (PdfPagesComponent), a download link beside.
 */
@Component({
  selector: 'app-attachment-preview',
  imports: [PdfPagesComponent, TaskDocTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (url(); as u) {
      @if (isPdf() && phone()) {
        <app-pdf-pages [data]="u.blob" [label]="attachment().name" />
        <a class="open" [href]="u.raw" [download]="attachment().name" data-testid="attachment-pdf-download">{{
          'taskDoc.download' | tdt
        }}</a>
      } @else if (isPdf()) {
        <iframe class="pdf" [src]="u.frame" [title]="attachment().name" data-testid="attachment-pdf"></iframe>
        <a class="open" [href]="u.raw" target="_blank" rel="noopener">{{ 'taskDoc.openPdf' | tdt }}</a>
      } @else {
        <img class="image" [src]="u.raw" [alt]="attachment().name" data-testid="attachment-image" />
      }
    } @else if (failed()) {
      <p class="muted" role="status">{{ 'taskDoc.previewFailed' | tdt }}</p>
    } @else {
      <p class="muted" aria-busy="true">{{ 'taskDoc.previewLoading' | tdt }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .pdf {
      width: 100%;
      height: min(70vh, 720px);
      border: 1px solid #f0f0f0;
      border-radius: 4px;
    }
    .open {
      display: inline-block;
      margin-top: 4px;
      font-size: 13px;
    }
    @media (max-width: 600px) {
      .pdf {
        height: 55vh;
      }
    }
    .image {
      display: block;
      max-width: 100%;
      height: auto;
      border: 1px solid #f0f0f0;
    }
    .muted {
      color: #595959;
      margin: 0;
    }
  `,
})
export class AttachmentPreviewComponent {
  private readonly api = inject(ContractApi);
  private readonly sanitizer = inject(DomSanitizer);

  readonly documentId = input.required<string>();
  readonly attachment = input.required<Attachment>();

  protected readonly url = signal<{ blob: Blob; raw: string; frame: SafeResourceUrl } | null>(null);
  /** A phone-wide screen: the PDF is drawn by pdf.js rather than framed. */
  protected readonly phone = phoneQuery();
  protected readonly failed = signal(false);
  protected readonly isPdf = computed(() => previewTypeOf(this.attachment().contentType) === 'application/pdf');

  constructor() {
    effect(() => {
      const documentId = this.documentId();
      const attachment = this.attachment();
      untracked(() => void this.load(documentId, attachment));
    });
    inject(DestroyRef).onDestroy(() => this.revoke());
  }

  private async load(documentId: string, attachment: Attachment): Promise<void> {
    this.revoke();
    this.failed.set(false);
    const type = previewTypeOf(attachment.contentType);
    if (!type) {
      this.failed.set(true);
      return;
    }
    try {
      const blob = await firstValueFrom(
        this.api.blob('GET /documents/:id/attachments/:attachmentId/preview', {
          params: { id: documentId, attachmentId: attachment.id },
          context: new HttpContext().set(SKIP_ERROR_MESSAGE, true),
        }),
      );
      // the blob carries the checked type, never one the response might claim
      const typed = new Blob([blob], { type });
      const raw = URL.createObjectURL(typed);
      // a blob URL this component made, of a PDF or image type: safe to frame
      this.url.set({ blob: typed, raw, frame: this.sanitizer.bypassSecurityTrustResourceUrl(raw) });
    } catch {
      // shown in place; the download button next to it still works
      this.failed.set(true);
    }
  }

  private revoke(): void {
    const current = this.url();
    if (current) URL.revokeObjectURL(current.raw);
    this.url.set(null);
  }
}
