import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { Attachment } from '@liuzhuan/contracts';
import { AttachmentPreviewComponent, previewTypeOf } from './attachment-preview.component';

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
});
