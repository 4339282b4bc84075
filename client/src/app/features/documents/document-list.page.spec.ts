import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../core/icons';
import DocumentListPage from './document-list.page';
import { DocumentsApi } from './documents-api.service';

const ROW = {
  id: 'doc-1',
  direction: 'incoming',
  docType: 'GW08',
  docTypeName: '通知',
  title: '关于做好防汛工作的通知',
  secretLevel: 'NONE',
  urgency: 'EXTRA_URGENT',
  docNumber: null,
  registration: { regNo: '收〔2026〕3号', sourceDocNumber: '陕政发〔2026〕5号' },
  status: 'handling',
  createdAt: '2026-11-27T01:00:00Z',
};

describe('DocumentListPage', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), DocumentsApi],
    });
  });

  it('should ask for the box, search and page from the URL and show the rows with their numbers', async () => {
    // Given the 全部 box, searched by pinyin, on page 2
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DocumentListPage);
    fixture.componentRef.setInput('box', 'all');
    fixture.componentRef.setInput('q', 'fxgz');
    fixture.componentRef.setInput('page', '2');
    fixture.detectChanges();
    // When the server answers
    const req = http.expectOne((r) => r.url === '/api/documents');
    expect(req.request.params.toString()).toBe('box=all&page=2&pageSize=20&q=fxgz');
    req.flush({ items: [ROW], total: 21 });
    await fixture.whenStable();
    // Then the row shows its 来文字号, its urgency and the total
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('td a')?.textContent?.trim()).toBe('关于做好防汛工作的通知');
    expect(root.textContent).toContain('陕政发〔2026〕5号');
    expect(root.textContent).toContain('特急');
    expect(root.textContent).toContain('共 21 件');
    http.verify();
  });

  it('should put the search into the URL from page 1 when the clerk searches', async () => {
    // Given the 待办 box on page 3
    const http = TestBed.inject(HttpTestingController);
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(DocumentListPage);
    fixture.componentRef.setInput('page', '3');
    fixture.detectChanges();
    http.expectOne((r) => r.url === '/api/documents').flush({ items: [], total: 0 });
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.textContent).toContain('没有符合条件的公文');
    // When a search is submitted
    const input = root.querySelector<HTMLInputElement>('#doc-search');
    if (!input) throw new Error('no search box');
    input.value = ' 防汛 ';
    root.querySelector('form[role="search"]')?.dispatchEvent(new Event('submit'));
    // Then the URL carries it, from the first page
    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ queryParams: { box: 'todo', q: '防汛', page: null } }));
  });

  it('should show a skeleton while loading and the error state with 重试, not the empty picture, when the server fails', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DocumentListPage);
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    expect(root.querySelector('[data-testid="documents-skeleton"]')).not.toBeNull();
    http
      .expectOne((r) => r.url === '/api/documents')
      .flush({ code: 'INTERNAL', message: 'x' }, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('[data-testid="error-state"]')?.getAttribute('data-failure')).toBe('error');
    expect(root.querySelector('[data-testid="retry"]')).not.toBeNull();
    expect(root.querySelector('nz-empty')).toBeNull();
  });
});
