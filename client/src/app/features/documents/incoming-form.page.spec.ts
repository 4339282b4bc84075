import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { Router, provideRouter } from '@angular/router';
import type { CreateDocument } from '@liuzhuan/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { I18nService } from '../../core/i18n/i18n.service';
import { APP_ICONS } from '../../core/icons';
import { DocumentsApi } from './documents-api.service';
import IncomingFormPage from './incoming-form.page';

const ORGS = {
  items: [
    { id: 'o-fin', parentId: null, code: 'CZJ', name: '市财政局', shortName: null, kind: 'department', sortOrder: 2 },
    { id: 'o-dev', parentId: null, code: 'FGW', name: '市发展改革委', shortName: null, kind: 'department', sortOrder: 1 },
  ],
};

describe('IncomingFormPage', () => {
  let fixture: ComponentFixture<IncomingFormPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), DocumentsApi],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(IncomingFormPage);
    root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/orgs').flush(ORGS);
    await render();
  });

  afterEach(() => http.verify());

  /** The reactive form behind the page (selects are set through it, inputs through the DOM). */
  function form(): FormGroup {
    return (fixture.componentInstance as unknown as { form: FormGroup }).form;
  }

  function type(selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
  }

  /** Render what changed; not `whenStable`, which waits for the requests the test has not answered yet. */
  async function render(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  async function submit(): Promise<void> {
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await render();
  }

  const messageOf = (id: string) => root.querySelector(`#${id}-msg`)?.textContent?.trim();

  it('should show Chinese required messages and send nothing when the empty form is submitted', async () => {
    // Given the empty registration form, when it is submitted
    await submit();
    // Then each required element says what is missing, in Chinese, and nothing is posted
    expect(messageOf('in-sourceOrg')).toBe('请填写来文机关');
    expect(messageOf('in-title')).toBe('请填写标题');
    expect(messageOf('in-docType')).toBe('请选择文种');
    expect(root.querySelector('[role="alert"].ant-alert, nz-alert[role="alert"]')?.textContent).toContain('处需要修改');
    http.expectNone('/api/documents');
  });

  it('should explain the 条例 rules when the title, urgency and departments break them', async () => {
    // Given a 请示 titled as a 通知, urgent without a time limit, assisted without a lead, with no 主送 or 签发人
    type('#in-sourceOrg', '市财政局');
    type('#in-title', '关于下达资金的通知');
    form().patchValue({ docType: 'GW11', urgency: 'URGENT', assistDepts: ['o-fin'] });
    // When it is submitted
    await submit();
    // Then every broken rule is shown on its field and nothing is posted
    expect(messageOf('in-title')).toBe('标题应以文种名称结尾');
    expect(messageOf('in-timeLimit')).toBe('紧急公文应当明确办理时限');
    expect(messageOf('in-leadDept')).toBe('两个以上部门办理的，应当明确主办部门');
    // And a received 请示 names exactly one 主送机关 and its 签发人
    expect(messageOf('in-mainRecipients')).toBe('请示只能主送一个机关');
    expect(messageOf('in-signers')).toBe('上行文（请示、报告、议案）应当标注签发人');
    http.expectNone('/api/documents');
  });

  it('should ask for a 保密期限 and warn that no electronic body is kept when the document is classified', async () => {
    // Given a 机密 document without a period
    type('#in-sourceOrg', '省政府办公厅');
    type('#in-title', '关于某事项的通知');
    form().patchValue({ docType: 'GW08', secretLevel: 'CONFIDENTIAL' });
    await submit();
    // Then the period is required and the metadata-only rule is explained
    expect(messageOf('in-secrecyValue')).toBe('涉密公文应当标注保密期限');
    expect(root.textContent).toContain('秘密及以上公文只登记元数据');
    http.expectNone('/api/documents');
  });

  it('should speak English, the 条例 rules too, when the user chose English', async () => {
    // Given the English UI
    TestBed.inject(I18nService).use('en');
    type('#in-title', '关于下达资金的请示');
    form().patchValue({ docType: 'GW08' });
    // When the form is submitted with a wrong title and no sender
    await submit();
    // Then the messages are English
    expect(messageOf('in-sourceOrg')).toBe('Sending organ is required');
    expect(messageOf('in-title')).toBe('The title must end with the document type');
    http.expectNone('/api/documents');
  });

  it('should show the due date from the working-day calendar when a time limit is entered', async () => {
    // Given a signing time and a limit of 5 working days
    form().patchValue({ signedForAt: '2026-09-30T10:00', timeLimitWorkdays: 5 });
    await render();
    // When the server counts the days (over the National Day holiday)
    const req = http.expectOne((r) => r.url === '/api/calendar/due');
    expect(req.request.params.get('from')).toBe('2026-09-30T10:00:00+08:00');
    expect(req.request.params.get('workdays')).toBe('5');
    req.flush({ dueAt: '2026-10-14T09:30:00.000Z', provisional: false, calendarVersion: 1 });
    await render();
    // Then the due date is shown in Beijing time
    expect(root.querySelector('#in-due')?.textContent).toContain('应于 2026年10月14日 17:30 前办结');
  });

  it('should post the registration and show the server details on the fields when the server refuses it', async () => {
    // Given a complete registration
    type('#in-sourceOrg', '市财政局');
    type('#in-sourceDocNumber', '安财发[2026]07号');
    await render();
    expect(messageOf('in-sourceDocNumber')).toBe('发文字号格式应为“机关代字〔年份〕序号号”，年份用六角括号，序号不编虚位');
    type('#in-sourceDocNumber', '安财发〔2026〕7号');
    type('#in-title', '关于下达资金的通知');
    form().patchValue({
      docType: 'GW08',
      signedForAt: '2026-11-27T09:05',
      timeLimitWorkdays: null,
      leadDept: 'o-dev',
      assistDepts: ['o-fin'],
    });
    // When it is submitted and the server finds a rule broken
    await submit();
    const req = http.expectOne('/api/documents');
    const body = req.request.body as CreateDocument;
    expect(body).toMatchObject({
      direction: 'incoming',
      docType: 'GW08',
      title: '关于下达资金的通知',
      registration: {
        sourceOrg: '市财政局',
        sourceDocNumber: '安财发〔2026〕7号',
        signedForAt: '2026-11-27T09:05:00+08:00',
        channel: 'EXCHANGE',
        handlingType: 'ACT',
        copies: 1,
        leadDept: 'o-dev',
        assistDepts: ['o-fin'],
      },
    });
    req.flush(
      {
        code: 'DOCUMENT_RULE_VIOLATION',
        message: 'rules',
        details: [
          { field: 'title', rule: 'TITLE_DOC_TYPE', message: 'x' },
          { field: 'writtenDate', rule: 'WRITTEN_DATE_INVALID', message: 'x' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await render();
    // Then the summary names the error code's text and each field shows its rule
    expect(root.textContent).toContain('公文不符合《党政机关公文处理工作条例》的要求');
    expect(messageOf('in-title')).toBe('标题应以文种名称结尾');
    expect(root.textContent).toContain('成文日期不是有效日期');
  });

  it('should open the registered document when the server accepts it', async () => {
    // Given a complete registration
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    type('#in-sourceOrg', '市财政局');
    type('#in-title', '关于下达资金的通知');
    form().patchValue({ docType: 'GW08' });
    // When the server registers it
    await submit();
    http
      .expectOne('/api/documents')
      .flush({ id: 'doc-1', registration: { regNo: '收〔2026〕1号' } }, { status: 201, statusText: 'Created' });
    await new Promise((resolve) => setTimeout(resolve));
    // Then its page opens
    expect(navigate).toHaveBeenCalledWith(['/documents', 'doc-1']);
  });
});
