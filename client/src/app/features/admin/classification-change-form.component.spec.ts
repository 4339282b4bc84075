import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectorRef } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ClassificationChange } from '@liuzhuan/contracts';
import { ClassificationChangeFormComponent } from './classification-change-form.component';

const DOC_ID = '01m8f2cfmb4d8ms8m3thz4rak0';

describe('ClassificationChangeFormComponent', () => {
  let fixture: ComponentFixture<ClassificationChangeFormComponent>;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ClassificationChangeFormComponent);
    root = fixture.nativeElement as HTMLElement;
    await settle();
  });

  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  function type(selector: string, value: string): void {
    const input = root.querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  /** nz-select has no native control: set the model as a pick would. */
  async function pickLevel(level: string): Promise<void> {
    (fixture.componentInstance as unknown as { level: string }).level = level;
    fixture.componentRef.injector.get(ChangeDetectorRef).markForCheck();
    await settle();
  }

  async function submit(): Promise<void> {
    (root.querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle();
  }

  it('should ask for the period and paper custody only at 秘密 and above, with Chinese level names', async () => {
    expect(root.querySelector('[data-testid="reclass-classified"]')).toBeNull();
    expect(root.querySelector('#reclass-doc-id-hint')?.textContent).toContain('公文编号');
    await pickLevel('SECRET');
    for (const id of ['#reclass-period', '#reclass-copy', '#reclass-custodian', '#reclass-location']) {
      expect(root.querySelector(id), id).not.toBeNull();
    }
    await pickLevel('NONE');
    expect(root.querySelector('#reclass-copy')).toBeNull();
  });

  it('should post the change by the given ID and show the recorded change', async () => {
    type('#reclass-doc-id', `  http://10.0.0.5:3000/documents/${DOC_ID} `);
    await pickLevel('CONFIDENTIAL');
    type('#reclass-period', '6');
    (fixture.componentInstance as unknown as { periodUnit: string }).periodUnit = 'MONTH';
    type('#reclass-copy', '000012');
    type('#reclass-custodian', '王保管');
    type('#reclass-location', '机要室 2 号柜');
    type('#reclass-reason', '定密责任人决定提升密级');
    await submit();
    const req = http.expectOne((r) => r.url === `/api/documents/${DOC_ID}/classification` && r.method === 'POST');
    expect(req.request.body).toEqual({
      secretLevel: 'CONFIDENTIAL',
      reason: '定密责任人决定提升密级',
      secrecyPeriod: { value: 6, unit: 'MONTH' },
      copyNumber: '000012',
      custodian: '王保管',
      storageLocation: '机要室 2 号柜',
    });
    const change: ClassificationChange = {
      id: 'c1',
      documentId: DOC_ID,
      fromLevel: 'NONE',
      toLevel: 'CONFIDENTIAL',
      reason: '定密责任人决定提升密级',
      changedBy: 'secadmin',
      changedAt: '2026-03-04T05:06:00.000Z',
    };
    req.flush(change);
    await settle();
    const result = root.querySelector('#reclass-result') as HTMLElement;
    expect(result.querySelector('[data-testid="reclass-change"]')?.textContent?.trim()).toBe('非密 → 机密');
    expect(result.textContent).toContain('定密责任人决定提升密级');
    expect(result.textContent).toContain('2026-03-04');
  });

  it('should require a reason before asking the server, and show the server refusal in Chinese', async () => {
    type('#reclass-doc-id', DOC_ID);
    await submit();
    http.expectNone(() => true);
    expect(root.querySelector('#reclass-error')?.textContent).toContain('请填写变更原因');

    type('#reclass-reason', '解密');
    await submit();
    const req = http.expectOne(`/api/documents/${DOC_ID}/classification`);
    expect(req.request.body).toEqual({ secretLevel: 'NONE', reason: '解密' });
    req.flush({ code: 'DOCUMENT_NOT_FOUND', message: 'Document not found' }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(root.querySelector('#reclass-error')?.textContent).toContain('公文不存在');
    expect(root.querySelector('#reclass-result')).toBeNull();
  });
});
