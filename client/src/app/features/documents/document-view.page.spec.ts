import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DocumentDetail, ProcessingStep } from '@liuzhuan/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { AuthService } from '../../core/auth/auth.service';
import { loginResponse, sessionUser } from '../../core/auth/auth.testing';
import { APP_ICONS } from '../../core/icons';
import DocumentViewPage from './document-view.page';
import { DocumentsApi } from './documents-api.service';

const DOC = {
  id: 'doc-1',
  direction: 'outgoing',
  docType: 'GW11',
  docTypeName: '请示',
  title: '安康市人民政府办公室关于申请防汛经费的请示',
  secretLevel: 'SECRET',
  secrecyPeriod: { value: 1, unit: 'YEAR' },
  urgency: 'URGENT',
  issuer: '安康市人民政府办公室',
  orgCode: '安政办',
  docNumber: '安政办〔2026〕12号',
  signers: ['吴国强'],
  mainRecipients: ['安康市人民政府'],
  ccRecipients: ['安康市财政局'],
  writtenDate: '2026-07-01',
  note: '（联系人：王五）',
  disclosure: 'NOT_PUBLIC',
  disclosureReason: '涉密',
  attachmentNotes: [],
  body: null,
  status: 'handling',
  instanceId: null,
  version: 2,
  digest: 'd',
  registration: null,
  createdBy: 'clerk',
  createdAt: '2026-07-01T01:00:00Z',
  updatedAt: '2026-07-01T01:00:00Z',
  attachments: [],
  handling: { office: '安康市人民政府办公室', leadDept: null, assistDepts: [], signedOff: null },
  processingRecord: [
    {
      taskId: 't1',
      step: 'review',
      name: '核稿',
      assignee: 'head',
      status: 'completed',
      createdAt: '2026-07-01T01:00:00Z',
      completedAt: '2026-07-01T02:00:00Z',
      completedBy: 'deputy',
      opinion: '同意',
      opinions: [{ kind: 'HEGAO', text: '同意', author: 'deputy', onBehalfOf: 'head', documentDigest: 'd', at: '2026-07-01T02:00:00Z' }],
    },
    {
      taskId: 't2',
      step: 'sign',
      name: '签发',
      assignee: 'clerk',
      status: 'open',
      createdAt: '2026-07-01T02:00:00Z',
      completedAt: null,
      completedBy: null,
      opinion: null,
      opinions: [],
    },
  ],
} as unknown as DocumentDetail;

describe('DocumentViewPage', () => {
  it('should show the GB/T 9704 elements, the proxy marker and the way to my task when the document loads', async () => {
    // Given the clerk signed in and an outgoing 请示 with one step done by a deputy and one open for the clerk
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), DocumentsApi],
    });
    const http = TestBed.inject(HttpTestingController);
    const auth = TestBed.inject(AuthService);
    const login = auth.login('clerk', 'x');
    http.expectOne('/api/auth/login').flush(loginResponse(sessionUser({ username: 'clerk' })));
    await login;
    const fixture = TestBed.createComponent(DocumentViewPage);
    fixture.componentRef.setInput('id', 'doc-1');
    fixture.detectChanges();
    // When the document, its circulation and the organizations arrive
    http.expectOne('/api/documents/doc-1').flush(DOC);
    http.expectOne('/api/documents/doc-1/circulation').flush({ items: [] });
    http.expectOne('/api/orgs').flush({ items: [] });
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    // Then the 版头 shows 密级★期限 and the 发文字号, the 处理单 the deputy as 周（代刘）, and 去办理 links to the task
    expect(root.textContent).toContain('秘密★1年');
    expect(root.querySelector('#doc-number')?.textContent?.trim()).toBe('安政办〔2026〕12号');
    expect(root.textContent).toContain('2026年7月1日');
    // (display names are looked up on the side; until they arrive a placeholder shows, never the username)
    expect(root.textContent).toContain('…（代…）');
    expect(root.textContent).not.toContain('deputy');
    for (const r of http.match((r) => r.url === '/api/users')) {
      const q = r.request.params.get('q');
      r.flush({ items: [{ username: q, displayName: q === 'deputy' ? '周副市长' : '刘主任' }], total: 1 });
    }
    fixture.detectChanges();
    expect(root.textContent).toContain('周副市长（代刘主任）');
    expect(root.querySelector('a[href="/tasks/t2"]')?.textContent?.trim()).toBe('去办理');
    expect(root.textContent).toContain('未传阅');
    // And a classified document offers no upload, saying why
    expect(root.querySelector('input[type="file"]')).toBeNull();
    expect(root.textContent).toContain('秘密及以上公文只登记元数据');
    // And the document's record is verified by the server (its SM3 chain): 记录完整
    http.expectOne('/api/documents/doc-1/verify').flush({ ok: true, checked: 1, legacy: 0 });
    await fixture.whenStable();
    fixture.detectChanges();
    expect(root.querySelector('#doc-verification')?.textContent?.trim()).toBe('记录完整');
    // And the red-header 公文 of the outgoing document is asked for, to be shown in the page
    expect(root.textContent).toContain('红头公文');
    http.expectOne('/api/documents/doc-1/rendition.pdf');
    http.verify();
  });

  async function openAs(username: string, roles: ('clerk' | 'leader')[], doc: DocumentDetail) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), DocumentsApi],
    });
    const http = TestBed.inject(HttpTestingController);
    const login = TestBed.inject(AuthService).login(username, 'x');
    http.expectOne('/api/auth/login').flush(loginResponse(sessionUser({ username, roles })));
    await login;
    const fixture = TestBed.createComponent(DocumentViewPage);
    fixture.componentRef.setInput('id', doc.id);
    fixture.detectChanges();
    http.expectOne(`/api/documents/${doc.id}`).flush(doc);
    http.expectOne(`/api/documents/${doc.id}/circulation`).flush({ items: [] });
    http.expectOne('/api/orgs').flush({ items: [] });
    await fixture.whenStable();
    http.match((r) => r.url === '/api/users');
    http.match((r) => r.url.endsWith('/verify'));
    http.match((r) => r.url.endsWith('/rendition.pdf'));
    return { http, fixture, root: fixture.nativeElement as HTMLElement };
  }

  const step = (name: string, stepId: string, status: string): ProcessingStep => ({
    taskId: `t-${stepId}`,
    step: stepId,
    name,
    assignee: 'clerk',
    status,
    createdAt: '2026-10-12T01:00:00.000Z',
    completedAt: status === 'completed' ? '2026-10-12T02:00:00.000Z' : null,
    completedBy: status === 'completed' ? 'clerk' : null,
    opinion: null,
    opinions: [],
  });

  it('should offer no 编号 before the 发文 reaches 登记', async () => {
    // Given an unnumbered outgoing 通知 at 核稿, opened by a clerk
    const atReview = {
      ...DOC,
      docNumber: null,
      secretLevel: 'NONE',
      secrecyPeriod: null,
      processingRecord: [step('拟稿', 'draft', 'completed'), step('核稿', 'review', 'open')],
    } as DocumentDetail;
    const { http, root } = await openAs('clerk', ['clerk'], atReview);
    // Then the number is to come at 登记, with no button to take one now
    expect(root.querySelector('#doc-number')?.textContent?.trim()).toBe('登记时编号');
    expect(root.querySelector('#doc-number-allocate')).toBeNull();
    http.verify();
  });

  it('should let a clerk number an outgoing document at 登记 and show the allocated number and the new version', async () => {
    // Given an unnumbered outgoing 通知 whose 登记 is open
    const draft = {
      ...DOC,
      docNumber: null,
      secretLevel: 'NONE',
      secrecyPeriod: null,
      processingRecord: [step('签发', 'signOff', 'completed'), step('登记（编发文字号）', 'register', 'open')],
    } as DocumentDetail;
    const { http, fixture, root } = await openAs('clerk', ['clerk'], draft);
    expect(root.querySelector('#doc-number')?.textContent?.trim()).toBe('登记时编号');
    // When 编号 is pressed and the server allocates the number
    root.querySelector<HTMLButtonElement>('#doc-number-allocate')?.click();
    await fixture.whenStable();
    http
      .expectOne({ method: 'POST', url: '/api/documents/doc-1/number' })
      .flush({ ...draft, docNumber: '安政办〔2026〕13号', version: 3, digest: 'e' });
    await fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    // Then the number and the version show, and 作废 replaces 编号
    expect(root.querySelector('#doc-number')?.textContent?.trim()).toBe('安政办〔2026〕13号');
    expect(root.querySelector('#doc-version')?.textContent).toContain('第 3 版');
    expect(root.querySelector('#doc-number-allocate')).toBeNull();
    expect(root.querySelector('#doc-number-void')).not.toBeNull();
    // (the new version is rendered anew)
    http.match((r) => r.url.endsWith('/rendition.pdf'));
    http.verify();
  });

  it('should offer neither 编号, 修改文稿 nor an upload to a leader who neither drafted it nor holds a task', async () => {
    const { http, root } = await openAs('mayor', ['leader'], { ...DOC, docNumber: null, processingRecord: [] } as DocumentDetail);
    expect(root.querySelector('#doc-number-allocate')).toBeNull();
    expect(root.querySelector('#doc-edit')).toBeNull();
    expect(root.querySelector('input[type="file"]')).toBeNull();
    http.verify();
  });

  it('should say the document could not be loaded when the server answers 404', async () => {
    // Given a document that does not exist
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), DocumentsApi],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DocumentViewPage);
    fixture.componentRef.setInput('id', 'missing');
    fixture.detectChanges();
    // When the server says so
    http
      .expectOne('/api/documents/missing')
      .flush({ code: 'DOCUMENT_NOT_FOUND', message: 'not found' }, { status: 404, statusText: 'Not Found' });
    http
      .expectOne('/api/documents/missing/circulation')
      .flush({ code: 'DOCUMENT_NOT_FOUND', message: 'not found' }, { status: 404, statusText: 'Not Found' });
    http.expectOne('/api/orgs').flush({ items: [] });
    await fixture.whenStable();
    // Then the page says it calmly instead of breaking
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('公文加载失败');
    http.verify();
  });

  it('should show a 收文 without a system id, 签发人 or 公开属性, and say under 正文 that it has no electronic body', async () => {
    // Given an incoming 通知 registered without an electronic body
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), DocumentsApi],
    });
    const http = TestBed.inject(HttpTestingController);
    const auth = TestBed.inject(AuthService);
    const login = auth.login('clerk', 'x');
    http.expectOne('/api/auth/login').flush(loginResponse(sessionUser({ username: 'clerk' })));
    await login;
    const fixture = TestBed.createComponent(DocumentViewPage);
    fixture.componentRef.setInput('id', '01m99t7nydyqdg0bkad7psbzbn');
    fixture.detectChanges();
    const incoming = {
      ...DOC,
      id: '01m99t7nydyqdg0bkad7psbzbn',
      direction: 'incoming',
      secretLevel: 'NONE',
      secrecyPeriod: null,
      signers: [],
      docNumber: null,
      disclosure: 'ON_REQUEST',
      disclosureReason: null,
      processingRecord: [],
    } as unknown as DocumentDetail;
    // When it loads
    http.expectOne('/api/documents/01m99t7nydyqdg0bkad7psbzbn').flush(incoming);
    http.expectOne('/api/documents/01m99t7nydyqdg0bkad7psbzbn/circulation').flush({ items: [] });
    http.expectOne('/api/orgs').flush({ items: [] });
    await fixture.whenStable();
    fixture.detectChanges();
    const root = fixture.nativeElement as HTMLElement;
    // Then no raw id, no 签发人 line and no 公开属性 nobody chose are shown
    expect(root.textContent).not.toContain('01m99t7nydyqdg0bkad7psbzbn');
    expect(root.querySelector('#doc-signer')).toBeNull();
    expect(root.textContent).not.toContain('尚未签发');
    expect(root.querySelector('#doc-disclosure')).toBeNull();
    expect(root.textContent).not.toContain('依申请公开');
    // And （无电子正文） is the value of the 正文 row
    const body = root.querySelector('#doc-body');
    expect(body?.previousElementSibling?.textContent?.trim()).toBe('正文');
    expect(body?.textContent?.trim()).toBe('（无电子正文）');
  });
});
