import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { DocumentDetail } from '@liuzhuan/contracts';
import { DocumentRenditionComponent } from './document-rendition.component';

const DOC = {
  id: 'doc-1',
  title: '安康市人民政府关于加强城市燃气安全管理工作的通知',
  docNumber: null,
  digest: 'a',
  handling: { office: '安康市人民政府办公室', leadDept: null, assistDepts: [], signedOff: null },
} as unknown as DocumentDetail;

describe('DocumentRenditionComponent', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:rendition');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });

  it('should frame the server PDF of the document, say a draft is watermarked, and load it again for a new version', async () => {
    // given a draft
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DocumentRenditionComponent);
    fixture.componentRef.setInput('doc', DOC);
    fixture.detectChanges();
    // when the server answers with the PDF
    http.expectOne('/api/documents/doc-1/rendition.pdf').flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    await fixture.whenStable();
    fixture.detectChanges();
    // then it is shown in a frame, with both downloads and the draft's note
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('iframe[data-testid="rendition-frame"]')?.getAttribute('src')).toBe('blob:rendition#view=FitH');
    expect(root.querySelector('#rendition-pdf')?.textContent?.trim()).toBe('下载PDF');
    expect(root.querySelector('#rendition-docx')?.textContent?.trim()).toBe('下载Word');
    expect(root.textContent).toContain('草稿');
    // and a new version of the document is rendered anew, the old blob let go
    fixture.componentRef.setInput('doc', { ...DOC, digest: 'b' });
    fixture.detectChanges();
    http.expectOne('/api/documents/doc-1/rendition.pdf');
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:rendition');
    http.verify();
  });

  it('should say in place when the server cannot render it', async () => {
    // given
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DocumentRenditionComponent);
    fixture.componentRef.setInput('doc', DOC);
    fixture.detectChanges();
    // when the server fails
    http.expectOne('/api/documents/doc-1/rendition.pdf').flush(new Blob(['{}']), { status: 503, statusText: 'Unavailable' });
    await fixture.whenStable();
    fixture.detectChanges();
    // then the failure is shown where the preview would be
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('红头公文生成失败');
    expect(root.querySelector('iframe')).toBeNull();
  });
});
