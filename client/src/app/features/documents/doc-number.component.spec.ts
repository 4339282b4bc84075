import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { OfficialDocument } from '@liuzhuan/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../core/icons';
import { DocNumberComponent } from './doc-number.component';
import { DocumentsApi } from './documents-api.service';

describe('DocNumberComponent', () => {
  let fixture: ComponentFixture<DocNumberComponent>;
  let root: HTMLElement;
  let http: HttpTestingController;
  let emitted: OfficialDocument[];

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), DocumentsApi],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(DocNumberComponent);
    root = fixture.nativeElement as HTMLElement;
    emitted = [];
    fixture.componentInstance.changed.subscribe((d) => emitted.push(d));
    fixture.componentRef.setInput('doc', { id: 'doc-1', docNumber: null });
    await render();
  });

  afterEach(() => http.verify());

  async function render(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  const button = (id: string) => root.querySelector<HTMLButtonElement>(`#${id}`);
  const message = () => root.querySelector('#doc-number-msg')?.textContent?.trim();

  it('should allocate the number with 编号 and hand the numbered document to the page', async () => {
    // When the clerk presses 编号
    button('doc-number-allocate')?.click();
    await render();
    // Then the number is asked for, and the server's answer goes to the page
    const request = http.expectOne({ method: 'POST', url: '/api/documents/doc-1/number' });
    expect(request.request.body).toEqual({});
    request.flush({ id: 'doc-1', docNumber: '安政发〔2026〕12号' });
    await render();
    expect(emitted.map((d) => d.docNumber)).toEqual(['安政发〔2026〕12号']);
  });

  it('should show the Chinese message of the refusal when the draft has no 机关代字', async () => {
    button('doc-number-allocate')?.click();
    await render();
    http
      .expectOne('/api/documents/doc-1/number')
      .flush({ code: 'DOCUMENT_ORG_CODE_MISSING', message: 'no org code' }, { status: 422, statusText: 'Unprocessable' });
    await render();
    expect(message()).toBe('请先填写机关代字');
    expect(emitted).toEqual([]);
  });

  it('should ask for a reason before voiding, then void the number with it', async () => {
    // Given a numbered document
    fixture.componentRef.setInput('doc', { id: 'doc-1', docNumber: '安政发〔2026〕12号' });
    await render();
    expect(button('doc-number-allocate')).toBeNull();
    // When 作废 is confirmed without a reason
    button('doc-number-void')?.click();
    await render();
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await render();
    // Then nothing is sent and the reason is asked for
    expect(message()).toBe('请填写理由');
    http.expectNone('/api/documents/doc-1/number/void');
    // When a reason is typed and confirmed
    const input = root.querySelector<HTMLInputElement>('#doc-number-reason')!;
    input.value = '  文号重复  ';
    input.dispatchEvent(new Event('input'));
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await render();
    // Then the number is voided with the trimmed reason
    const request = http.expectOne({ method: 'POST', url: '/api/documents/doc-1/number/void' });
    expect(request.request.body).toEqual({ reason: '文号重复' });
    request.flush({ id: 'doc-1', docNumber: null });
    await render();
    expect(emitted.map((d) => d.docNumber)).toEqual([null]);
    expect(root.querySelector('#doc-number-reason')).toBeNull();
  });
});
