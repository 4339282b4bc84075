import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import zh from '@angular/common/locales/zh';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DocumentDetail } from '@liuzhuan/contracts';
import { TaskDocumentComponent } from './task-document.component';

const PDF = {
  id: 'a1',
  name: '来文扫描件.pdf',
  contentType: 'application/pdf',
  size: 20_480,
  sm3: 'ab'.repeat(32),
  uploadedBy: 'clerk',
  uploadedAt: '2026-11-26T08:00:00Z',
};
const INCOMING = {
  id: 'd1',
  direction: 'incoming',
  docType: 'GW08',
  docTypeName: '通知',
  title: '关于做好冬季供热工作的通知',
  secretLevel: 'NONE',
  secrecyPeriod: null,
  urgency: 'URGENT',
  issuer: '陕西省住房和城乡建设厅',
  orgCode: null,
  docNumber: null,
  signers: [],
  mainRecipients: ['各市人民政府'],
  ccRecipients: [],
  writtenDate: '2026-11-20',
  note: null,
  disclosure: 'ON_REQUEST',
  disclosureReason: null,
  attachmentNotes: [],
  body: '各市人民政府：\n为做好今冬供热工作，现通知如下。',
  copyNumber: null,
  custodian: null,
  storageLocation: null,
  status: 'handling',
  instanceId: 'i1',
  version: 2,
  digest: 'cd'.repeat(32),
  registration: {
    regNo: '收〔2026〕12号',
    sourceOrg: '陕西省住房和城乡建设厅',
    sourceDocNumber: '陕建发〔2026〕88号',
    signedForBy: 'clerk',
    signedForAt: '2026-11-26T01:15:00Z',
    channel: 'EXCHANGE',
    handlingType: 'ACT',
    copies: 1,
    timeLimitWorkdays: 5,
    dueAt: '2026-12-03T09:00:00Z',
    dueProvisional: false,
    leadDept: null,
    assistDepts: [],
  },
  createdBy: 'clerk',
  createdAt: '2026-11-26T08:00:00Z',
  updatedAt: '2026-11-26T08:00:00Z',
  attachments: [PDF],
  processingRecord: [],
  handling: { office: '安康市人民政府办公室', leadDept: null, assistDepts: [], signedOff: null, issuer: null, countersigners: [] },
} as unknown as DocumentDetail;

describe('TaskDocumentComponent', () => {
  let fixture: ComponentFixture<TaskDocumentComponent>;
  let http: HttpTestingController;

  beforeAll(() => registerLocaleData(zh));

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:preview');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  });

  async function settle(): Promise<void> {
    await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  async function render(documentId: string): Promise<HTMLElement> {
    fixture = TestBed.createComponent(TaskDocumentComponent);
    fixture.componentRef.setInput('documentId', documentId);
    fixture.detectChanges();
    // the document's request is pending until the test answers it: no whenStable before that
    await new Promise((r) => setTimeout(r));
    return fixture.nativeElement as HTMLElement;
  }

  it('should show the 正文, the 来文 details and the scanned original inline when the document is an incoming one', async () => {
    // Given an incoming document with a body and a scanned PDF
    const root = await render('d1');
    http.expectOne('/api/documents/d1').flush(INCOMING);
    await settle();
    // When the PDF preview's bytes arrive
    const preview = http.expectOne('/api/documents/d1/attachments/a1/preview');
    expect(preview.request.responseType).toBe('blob');
    preview.flush(new Blob(['%PDF-1.4'], { type: 'application/pdf' }));
    await settle();
    // Then the body is text on the page, the 来文 details are listed, and the PDF is framed from a blob URL
    expect(root.querySelector('[data-testid="document-body"]')?.textContent).toContain('为做好今冬供热工作');
    const details = root.querySelector('[data-testid="incoming-details"]')?.textContent ?? '';
    for (const text of ['陕西省住房和城乡建设厅', '陕建发〔2026〕88号', '收〔2026〕12号', '2026-12-03']) expect(details).toContain(text);
    expect(root.querySelector('iframe[data-testid="attachment-pdf"]')?.getAttribute('src')).toBe('blob:preview');
    expect(root.querySelector('a[data-testid="open-document"]')?.getAttribute('href')).toBe('/documents/d1');
  });

  it('should show where the paper copy is, and no body or attachment list, when the document is classified', async () => {
    // Given a 秘密 document held as metadata only
    const root = await render('d2');
    http.expectOne('/api/documents/d2').flush({
      ...INCOMING,
      id: 'd2',
      secretLevel: 'SECRET',
      secrecyPeriod: { value: 5, unit: 'YEAR' },
      body: null,
      attachments: [],
      copyNumber: '000001',
      custodian: '张晓明',
      storageLocation: '机要室',
    });
    await settle();
    // Then the custody notice names the level, the copy, the custodian and the place
    const notice = root.querySelector('[data-testid="classified-notice"]')?.textContent ?? '';
    for (const text of ['秘密★5年', '000001', '张晓明', '机要室']) expect(notice).toContain(text);
    expect(root.querySelector('[data-testid="document-body"]')).toBeNull();
    expect(root.querySelector('.attachments')).toBeNull();
    http.expectNone((r) => r.url.includes('/preview'));
  });

  it('should show 主办 and 协办 of an incoming document to the departments', async () => {
    // Given an incoming document the 批示 gave to 市住建局 with 市财政局 and 市公安局 assisting
    const root = await render('d4');
    http.expectOne('/api/documents/d4').flush({
      ...INCOMING,
      id: 'd4',
      attachments: [],
      handling: {
        ...INCOMING.handling,
        leadDept: { id: 'o1', name: '安康市住房和城乡建设局' },
        assistDepts: [
          { id: 'o2', name: '安康市财政局' },
          { id: 'o3', name: '安康市公安局' },
        ],
      },
    });
    await settle();
    // Then the 来文信息 names them
    expect(root.querySelector('[data-testid="lead-dept"]')?.textContent?.trim()).toBe('安康市住房和城乡建设局');
    expect(root.querySelector('[data-testid="assist-depts"]')?.textContent?.trim()).toBe('安康市财政局、安康市公安局');
  });

  it('should show the chosen 签发人 and 会签单位 of a 发文 at 核稿, 会签 and 签发', async () => {
    // Given a 发文 whose drafter chose the mayor to sign and two department heads to countersign
    const root = await render('d5');
    const loaded: unknown[] = [];
    fixture.componentInstance.loaded.subscribe((d) => loaded.push(d));
    http.expectOne('/api/documents/d5').flush({
      ...INCOMING,
      id: 'd5',
      direction: 'outgoing',
      registration: null,
      attachments: [],
      handling: {
        ...INCOMING.handling,
        issuer: 'mayor',
        countersigners: [
          { username: 'zjj_head', org: { id: 'o1', name: '安康市住房和城乡建设局' } },
          { username: 'czj_head', org: { id: 'o2', name: '安康市财政局' } },
        ],
      },
    });
    await settle();
    const people: Record<string, string> = { mayor: '吴国强', zjj_head: '马文斌', czj_head: '单立新' };
    for (const request of http.match((r) => r.url === '/api/users')) {
      const username = request.request.params.get('q') ?? '';
      request.flush({ items: [{ username, displayName: people[username] }], total: 1 });
    }
    await settle();
    // Then 文稿信息 names them by name, and the page is told the document was read
    expect(root.querySelector('[data-testid="doc-issuer"]')?.textContent?.trim()).toBe('吴国强');
    const countersigners = root.querySelector('[data-testid="doc-countersigners"]')?.textContent?.replace(/\s+/g, '') ?? '';
    expect(countersigners).toBe('安康市住房和城乡建设局（马文斌）、安康市财政局（单立新）');
    expect(loaded).toEqual([expect.objectContaining({ id: 'd5' })]);
  });

  it('should say the document may not be read when the server refuses it', async () => {
    // Given a document the server answers 404 for
    const root = await render('d3');
    // When the refusal arrives
    http.expectOne('/api/documents/d3').flush({ code: 'DOCUMENT_NOT_FOUND', message: 'x' }, { status: 404, statusText: 'Not Found' });
    await settle();
    // Then the page says so in place, without an error alert
    expect(root.textContent).toContain('您无权查看该公文的内容');
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });
});
