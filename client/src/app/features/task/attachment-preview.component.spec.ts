import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, input } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { Attachment } from '@liuzhuan/contracts';
import { AttachmentPreviewComponent, previewTypeOf } from './attachment-preview.component';
import { PdfPagesComponent } from './pdf-pages.component';

/** Stands in for the pdf.js pages (pdf.js draws on a canvas jsdom does not have). */
@Component({ selector: 'app-pdf-pages', template: '<canvas></canvas>' })
class FakePdfPages {
  readonly data = input.required<Blob>();
  readonly label = input.required<string>();
}

const IMAGE: Attachment = {
  id: 'a2',
  name: '现场照片.png',
  contentType: 'image/png',
  size: 1024,
  sm3: 'ab'.repeat(32),
  uploadedBy: 'clerk',
  uploadedAt: '2026-11-26T08:00:00Z',
};

describe('AttachmentPreviewComponent', () => {
  let fixture: ComponentFixture<AttachmentPreviewComponent>;
  let http: HttpTestingController;
  const made: Blob[] = [];

  beforeEach(() => {
    made.length = 0;
    // the texts are Chinese unless a language was chosen: an earlier spec file may have chosen English
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      made.push(blob as Blob);
      return 'blob:image';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });

  async function settle(): Promise<void> {
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  it('should show an image from a blob of the checked type, whatever the response claims', async () => {
    // Given an image attachment
    fixture = TestBed.createComponent(AttachmentPreviewComponent);
    fixture.componentRef.setInput('documentId', 'd1');
    fixture.componentRef.setInput('attachment', IMAGE);
    fixture.detectChanges();
    // When its bytes arrive labelled as HTML
    http.expectOne('/api/documents/d1/attachments/a2/preview').flush(new Blob(['x'], { type: 'text/html' }));
    await settle();
    // Then an <img> shows it, from a blob typed image/png
    const img = (fixture.nativeElement as HTMLElement).querySelector('img[data-testid="attachment-image"]');
    expect(img?.getAttribute('src')).toBe('blob:image');
    expect(made.map((b) => b.type)).toEqual(['image/png']);
  });

  it('should say the preview failed when the server refuses it', async () => {
    // Given a PDF attachment whose preview the server refuses
    fixture = TestBed.createComponent(AttachmentPreviewComponent);
    fixture.componentRef.setInput('documentId', 'd1');
    fixture.componentRef.setInput('attachment', { ...IMAGE, id: 'a3', contentType: 'application/pdf' });
    fixture.detectChanges();
    // When the refusal arrives
    http.expectOne('/api/documents/d1/attachments/a3/preview').flush(new Blob(['{}']), { status: 409, statusText: 'Conflict' });
    await settle();
    // Then the preview says so and frames nothing
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('iframe')).toBeNull();
    expect(root.textContent).toContain('预览加载失败');
  });

  it('should preview only PDF and raster images', () => {
    expect(['application/pdf', 'image/jpeg', 'IMAGE/PNG; charset=x'].map(previewTypeOf)).toEqual([
      'application/pdf',
      'image/jpeg',
      'image/png',
    ]);
    expect(['image/svg+xml', 'text/html', 'application/octet-stream'].map(previewTypeOf)).toEqual([null, null, null]);
  });

  describe('on a phone', () => {
    const realMatchMedia = window.matchMedia;

    beforeEach(() => {
      // every media query matches: the window is phone-wide
      window.matchMedia = ((query: string) =>
        ({
          matches: true,
          media: query,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
        }) as unknown as MediaQueryList) as typeof window.matchMedia;
      // a module of its own: the outer set-up has already used the one it made
      TestBed.resetTestingModule();
      TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
      TestBed.overrideComponent(AttachmentPreviewComponent, {
        remove: { imports: [PdfPagesComponent] },
        add: { imports: [FakePdfPages] },
      });
      http = TestBed.inject(HttpTestingController);
    });

    afterEach(() => {
      window.matchMedia = realMatchMedia;
    });

    it('should draw a PDF in the page, with a download link, and never frame it or open a window', async () => {
      // Given a PDF attachment on a phone
      fixture = TestBed.createComponent(AttachmentPreviewComponent);
      fixture.componentRef.setInput('documentId', 'd1');
      fixture.componentRef.setInput('attachment', { ...IMAGE, id: 'a4', name: '检查方案.pdf', contentType: 'application/pdf' });
      fixture.detectChanges();
      // When its bytes arrive
      http.expectOne('/api/documents/d1/attachments/a4/preview').flush(new Blob(['%PDF-1.4'], { type: 'application/pdf' }));
      await settle();
      // Then the pages are drawn from the PDF's bytes, beside a link that downloads it
      const root = fixture.nativeElement as HTMLElement;
      const pages = fixture.debugElement.query((el) => el.componentInstance instanceof FakePdfPages);
      expect((pages.componentInstance as FakePdfPages).data().type).toBe('application/pdf');
      expect((pages.componentInstance as FakePdfPages).label()).toBe('检查方案.pdf');
      const link = root.querySelector('a[data-testid="attachment-pdf-download"]');
      expect(link?.getAttribute('download')).toBe('检查方案.pdf');
      expect(link?.getAttribute('href')).toBe('blob:image');
      expect(link?.getAttribute('target')).toBeNull();
      expect(root.querySelector('iframe')).toBeNull();
    });
  });
});
