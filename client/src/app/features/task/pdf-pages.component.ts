import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  effect,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import type { PDFDocumentLoadingTask } from 'pdfjs-dist';
import { TaskDocTranslatePipe } from './task-document-i18n';

/** Pages drawn at most: a longer PDF says how many more there are (the download link is beside). */
const MAX_PAGES = 30;

/**
 * Where pdf.js finds its worker and data, copied from pdfjs-dist into the build (client/project.json).
 * Served by the product itself, so the CSP's script-src 'self' admits the worker (worker-src falls
 * back to it) and connect-src 'self' the CMaps and fonts: no blob: worker, nothing from elsewhere.
 */
const PDFJS_ASSETS = 'assets/pdfjs/';

/**
 * A PDF drawn page by page on canvases with pdf.js — for phones, whose browsers show no PDF in a
 * frame. pdf.js loads on first use, in its own chunk (and its worker as a file of its own), so no
 * page that shows no PDF on a phone pays for it.
 */
@Component({
  selector: 'app-pdf-pages',
  imports: [TaskDocTranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { 'data-testid': 'attachment-pdf-pages' },
  template: `
    <div #pages class="pages" [attr.aria-label]="label()" role="group"></div>
    @if (state() === 'loading') {
      <p class="muted" aria-busy="true">{{ 'taskDoc.previewLoading' | tdt }}</p>
    } @else if (state() === 'failed') {
      <p class="muted" role="status">{{ 'taskDoc.previewFailed' | tdt }}</p>
    }
    @if (more() > 0) {
      <p class="muted">{{ 'taskDoc.pdfMorePages' | tdt: { count: more() } }}</p>
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .pages ::ng-deep canvas {
      display: block;
      width: 100%;
      height: auto;
      margin-bottom: 8px;
      border: 1px solid #f0f0f0;
      background: #fff;
    }
    .muted {
      color: #595959;
      margin: 0;
    }
  `,
})
export class PdfPagesComponent {
  /** The PDF's bytes. */
  readonly data = input.required<Blob>();
  /** The file's name, to name the pages for a screen reader. */
  readonly label = input.required<string>();

  private readonly pages = viewChild.required<ElementRef<HTMLElement>>('pages');
  protected readonly state = signal<'loading' | 'shown' | 'failed'>('loading');
  protected readonly more = signal(0);
  private task?: PDFDocumentLoadingTask;
  private generation = 0;

  constructor() {
    effect(() => {
      const data = this.data();
      untracked(() => void this.draw(data));
    });
    inject(DestroyRef).onDestroy(() => {
      this.generation++;
      void this.task?.destroy();
    });
  }

  private async draw(data: Blob): Promise<void> {
    const generation = ++this.generation;
    void this.task?.destroy();
    this.state.set('loading');
    this.more.set(0);
    const host = this.pages().nativeElement;
    host.replaceChildren();
    try {
      const pdfjs = await import('pdfjs-dist');
      pdfjs.GlobalWorkerOptions.workerSrc = new URL(`${PDFJS_ASSETS}pdf.worker.min.mjs`, document.baseURI).href;
      const bytes = new Uint8Array(await data.arrayBuffer());
      if (generation !== this.generation) return;
      this.task = pdfjs.getDocument({
        data: bytes,
        cMapUrl: new URL(`${PDFJS_ASSETS}cmaps/`, document.baseURI).href,
        standardFontDataUrl: new URL(`${PDFJS_ASSETS}standard_fonts/`, document.baseURI).href,
        // the CSP allows neither eval (script-src without 'unsafe-eval') nor WebAssembly ('wasm-unsafe-eval'):
        // pdf.js then draws glyphs and decodes images without them rather than trying and being refused
        isEvalSupported: false,
        useWasm: false,
      });
      const pdf = await this.task.promise;
      const count = Math.min(pdf.numPages, MAX_PAGES);
      const ratio = window.devicePixelRatio || 1;
      const width = Math.max(host.clientWidth, 320);
      for (let number = 1; number <= count; number++) {
        const page = await pdf.getPage(number);
        if (generation !== this.generation) return;
        const scale = (width / page.getViewport({ scale: 1 }).width) * ratio;
        const viewport = page.getViewport({ scale });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `${this.label()} · ${number}/${pdf.numPages}`);
        host.appendChild(canvas);
        await page.render({ canvas, viewport }).promise;
        if (number === 1) this.state.set('shown');
      }
      this.more.set(pdf.numPages - count);
    } catch {
      // a PDF pdf.js cannot read (or a refused worker): said in place; the download link beside still works
      if (generation === this.generation) this.state.set('failed');
    }
  }
}
