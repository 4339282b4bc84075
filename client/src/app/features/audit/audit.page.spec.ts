import { registerLocaleData } from '@angular/common';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import zh from '@angular/common/locales/zh';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuditEvent, Role } from '@liuzhuan/contracts';
import { AuthService } from '../../core/auth/auth.service';
import { loginResponse, sessionUser } from '../../core/auth/auth.testing';
import type { AuditFilterForm } from './audit-filter';
import AuditPage from './audit.page';

// the app registers it in app.config.ts; the date-time pickers format with it
registerLocaleData(zh);

const EVENT: AuditEvent = {
  id: '01JAUDITEVENT0000000000001',
  seq: 7,
  at: '2026-12-07T02:30:00.000Z',
  actor: 'mayor',
  actorName: '王市长',
  roles: ['leader'],
  ip: '10.1.2.3',
  userAgent: 'Mozilla/5.0',
  eventType: 'auth.login.failure',
  targetType: 'user',
  targetId: '01JUSERMAYOR00000000000001',
  targetName: '王市长（mayor）',
  result: 'failure',
  errorCode: 'AUTH_INVALID_CREDENTIALS',
  details: { reason: 'wrong_password', failures: 2 },
  hash: 'ab'.repeat(32),
};

describe('AuditPage', () => {
  let fixture: ComponentFixture<AuditPage>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  /** Display names: the user search answers with nobody, so usernames stay. */
  function answerNames(): void {
    http.match((r) => r.url === '/api/users').forEach((r) => r.flush({ items: [], total: 0 }));
  }

  function expectSearch(): TestRequest {
    return http.expectOne((r) => r.url === '/api/audit/events');
  }

  async function render(roles: Role[]): Promise<HTMLElement> {
    const login = TestBed.inject(AuthService).login('someone', 'secret');
    http.expectOne('/api/auth/login').flush(loginResponse(sessionUser({ roles })));
    await login;
    fixture = TestBed.createComponent(AuditPage);
    fixture.detectChanges();
    await settle();
    expectSearch().flush({ items: [EVENT], total: 45 });
    await settle();
    answerNames();
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  function form(): AuditFilterForm {
    return (fixture.componentInstance as unknown as { form: AuditFilterForm }).form;
  }

  function type(root: HTMLElement, name: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  function button(root: HTMLElement, action: string): HTMLButtonElement {
    return root.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!;
  }

  it('should list the first page of events with time, names, address, label and result when the auditor opens it', async () => {
    // Given the auditor, when the console opens
    const root = await render(['auditor']);
    // Then it is titled 审计日志 and the row shows the event in Chinese, by names, in Beijing time
    expect(root.querySelector('h1')?.textContent).toContain('审计日志');
    const row = root.querySelector(`tr[data-event-id="${EVENT.id}"]`)!;
    const cells = Array.from(row.querySelectorAll('td')).map((td) => td.textContent?.replace(/\s+/g, ' ').trim());
    expect(cells).toEqual(['2026-12-07 10:30:00', '王市长 mayor', '10.1.2.3', '登录失败', '用户王市长（mayor）', '失败']);
    expect(row.textContent).not.toContain(EVENT.targetId!);
    expect(root.textContent).toContain('共 45 条');
  });

  it('should send the filters as API parameters, blanks left out, and keep them when paging', async () => {
    // Given the console
    const root = await render(['auditor']);
    // When the auditor sets a time range, an actor with spaces, an event type, a result and a target, and searches
    const from = new Date('2026-12-01T00:00:00+08:00');
    const to = new Date('2026-12-08T00:00:00+08:00');
    form().range = [from, to];
    form().eventType = 'auth.login.failure';
    form().result = 'failure';
    type(root, 'actor', '  mayor ');
    form().targetType = 'user';
    type(root, 'targetId', '   ');
    root.querySelector<HTMLFormElement>('form.audit-filters')!.dispatchEvent(new Event('submit'));
    await settle();
    // Then the search carries exactly those filters, from the first row
    const search = expectSearch();
    const params = search.request.params;
    expect(params.get('from')).toBe('2026-11-30T16:00:00.000Z');
    expect(params.get('to')).toBe('2026-12-07T16:00:00.000Z');
    expect(params.get('actor')).toBe('mayor');
    expect(params.get('eventType')).toBe('auth.login.failure');
    expect(params.get('result')).toBe('failure');
    expect(params.get('targetType')).toBe('user');
    expect(params.has('targetId')).toBe(false);
    expect(params.get('offset')).toBe('0');
    expect(params.get('limit')).toBe('20');
    search.flush({ items: [EVENT], total: 45 });
    await settle();

    // When the auditor turns to page 3
    (fixture.componentInstance as unknown as { changePage(i: number): void }).changePage(3);
    await settle();
    // Then the same filters are asked for rows 40…59
    const page3 = expectSearch();
    expect(page3.request.params.get('offset')).toBe('40');
    expect(page3.request.params.get('actor')).toBe('mayor');
    page3.flush({ items: [], total: 45 });
  });

  it('should show 完整，已校验 N 条 when the chain verifies and the broken row in red when it does not', async () => {
    // Given the console, not verified yet
    const root = await render(['auditor']);
    const chain = () => root.querySelector('[data-testid="audit-chain"]')!;
    expect(chain().textContent).toContain('尚未校验');
    // When 校验 is clicked and the server finds the chain intact
    button(root, 'verify').click();
    await settle();
    http.expectOne('/api/audit/verify').flush({ ok: true, checked: 128 });
    await settle();
    // Then the count is shown
    expect(chain().textContent).toContain('完整，已校验 128 条');
    expect(chain().querySelector('.chain-broken')).toBeNull();

    // When it is verified again after a row was changed in the database
    button(root, 'verify').click();
    await settle();
    http.expectOne('/api/audit/verify').flush({ ok: false, checked: 6, firstBrokenSeq: 7, firstBrokenId: EVENT.id });
    await settle();
    // Then the broken row is named, in red
    const broken = chain().querySelector('.chain-broken');
    expect(broken?.textContent).toContain('第 7 条被改动');
    expect(broken?.textContent).toContain(EVENT.id);
  });

  it('should download the export with the applied filters under a Chinese file name', async () => {
    // Given the console filtered to failures, and a browser that saves what the page links
    const root = await render(['auditor']);
    form().result = 'failure';
    root.querySelector<HTMLFormElement>('form.audit-filters')!.dispatchEvent(new Event('submit'));
    await settle();
    expectSearch().flush({ items: [EVENT], total: 1 });
    await settle();
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:audit';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    // When 导出 CSV is clicked
    button(root, 'export-csv').click();
    await settle();
    // Then the export asks for CSV with the same filters, as bytes
    const request = http.expectOne((r) => r.url === '/api/audit/export');
    expect(request.request.params.get('format')).toBe('csv');
    expect(request.request.params.get('result')).toBe('failure');
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['\uFEFFseq,id\r\n'], { type: 'text/csv' }));
    await settle();
    // And the file is saved as 审计日志-<today>.csv
    expect(blobs).toHaveLength(1);
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatch(/^审计日志-\d{8}\.csv$/);

    // When 导出 XLSX is clicked, then it asks for XLSX
    button(root, 'export-xlsx').click();
    await settle();
    const xlsx = http.expectOne((r) => r.url === '/api/audit/export');
    expect(xlsx.request.params.get('format')).toBe('xlsx');
    xlsx.flush(new Blob(['PK']));
    await settle();
    expect(saved[1]).toMatch(/^审计日志-\d{8}\.xlsx$/);
  });

  it('should open the event in a drawer in Chinese: names, the error in words, the details as a labelled list, the hash', async () => {
    // Given the console with one event
    const root = await render(['auditor']);
    // When its row is clicked
    root.querySelector<HTMLElement>(`tr[data-event-id="${EVENT.id}"]`)!.click();
    await settle();
    // Then the drawer names the actor and target, gives the time in Beijing time and the error's message
    const detail = document.querySelector('[data-testid="audit-detail"]')!;
    expect(document.querySelector('[data-testid="audit-actor"]')?.textContent).toBe('王市长');
    expect(document.querySelector('[data-testid="audit-target"]')?.textContent).toBe('王市长（mayor）');
    expect(detail.textContent).toContain('2026-12-07 10:30:00');
    expect(detail.textContent).toContain('领导');
    expect(detail.textContent).toContain('AUTH_INVALID_CREDENTIALS');
    expect(document.querySelector('[data-testid="audit-error"]')?.textContent).toMatch(/[\u4e00-\u9fff]/);
    expect(detail.textContent).toContain('Mozilla/5.0');
    expect(detail.textContent).toContain('auth.login.failure');
    // and the details as 原因 密码错误, 失败次数 2
    const list = document.querySelector('[data-testid="audit-details"]')!;
    const pairs = Array.from(list.querySelectorAll('dt')).map((dt) => [dt.textContent?.trim(), dt.nextElementSibling?.textContent?.trim()]);
    expect(pairs).toEqual([
      ['原因', '密码错误'],
      ['失败次数', '2'],
    ]);
    expect(document.querySelector('[data-testid="audit-hash"]')?.textContent).toBe(EVENT.hash);
  });

  it('should be titled 审计员操作记录 when the security admin opens it', async () => {
    // Given the security admin, when the console opens, then it is the mutual-check view
    const root = await render(['security_admin']);
    expect(root.querySelector('h1')?.textContent).toContain('审计员操作记录');
    expect(root.textContent).toContain('只列出安全审计员本人的操作记录');
  });
});
