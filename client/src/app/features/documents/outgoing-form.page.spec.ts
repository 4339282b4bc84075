import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { Router, provideRouter } from '@angular/router';
import type { CreateDocument } from '@liuzhuan/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../core/icons';
import { DocumentsApi } from './documents-api.service';
import OutgoingFormPage from './outgoing-form.page';

const GOV = { id: 'o-gov', parentId: null, code: 'ankang', name: '安康市人民政府', shortName: '安政', kind: 'government', sortOrder: 0 };
const ZJJ = {
  id: 'o-zjj',
  parentId: 'o-gov',
  code: 'zjj',
  name: '安康市住房和城乡建设局',
  shortName: '市住建局',
  kind: 'department',
  sortOrder: 3,
};
const ISSUERS = {
  elementId: 'signOff',
  name: '签发',
  variable: 'issuer',
  multiple: false,
  sources: ['group:city-leaders'],
  people: [{ username: 'mayor', displayName: '吴国强', pinyin: 'wuguoqiang', initials: 'wgq', position: '市长', orgId: 'o-gov' }],
  orgs: [{ ...GOV, keys: 'ankangshirenminzhengfu akszrmzf anzheng az' }],
};
const COUNTERSIGNERS = {
  elementId: 'countersign',
  name: '会签',
  variable: 'countersigners',
  multiple: true,
  sources: ['org-heads'],
  people: [{ username: 'zjj_head', displayName: '马文斌', pinyin: 'mawenbin', initials: 'mwb', position: '局长', orgId: 'o-zjj' }],
  orgs: [
    { ...GOV, keys: 'ankangshirenminzhengfu akszrmzf' },
    { ...ZJJ, keys: 'shizhujianju szjj 市住建局 zjj' },
  ],
};

describe('OutgoingFormPage', () => {
  let fixture: ComponentFixture<OutgoingFormPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), DocumentsApi],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OutgoingFormPage);
    root = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    http.expectOne('/api/orgs').flush({ items: [] });
    await render();
    http.expectOne('/api/eligible?definitionKey=outgoing-document&field=issuer').flush(ISSUERS);
    http.expectOne('/api/eligible?definitionKey=outgoing-document&field=countersigners').flush(COUNTERSIGNERS);
    await render();
  });

  afterEach(() => http.verify());

  const form = () => (fixture.componentInstance as unknown as { form: FormGroup }).form;
  const messageOf = (id: string) => root.querySelector(`#${id}-msg`)?.textContent?.trim();

  /** Render what changed; not `whenStable`, which waits for the requests the test has not answered yet. */
  async function render(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  async function submit(): Promise<void> {
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await render();
  }

  const settle = render;

  function chooseFiles(files: File[]): void {
    const input = root.querySelector<HTMLInputElement>('#out-attachments');
    if (!input) throw new Error('no file input');
    Object.defineProperty(input, 'files', { value: files, configurable: true });
    input.dispatchEvent(new Event('change'));
  }

  it('should show Chinese required messages and send nothing when the empty draft is submitted', async () => {
    await submit();
    expect(messageOf('out-docType')).toBe('请选择文种');
    expect(messageOf('out-title')).toBe('请填写标题');
    http.expectNone('/api/documents');
  });

  it('should require exactly one main recipient when the draft is a 请示', async () => {
    // Given a 请示 to two organs with no 签发人 yet
    form().patchValue({ docType: 'GW11', title: '关于申请防汛经费的请示', mainRecipients: ['市政府', '市财政局'] });
    // When it is submitted
    await submit();
    // Then the 条例 rule is on its field; the 签发人 is asked for only at 签发
    expect(messageOf('out-mainRecipients')).toBe('请示只能主送一个机关');
    expect(messageOf('out-signers')).toBe('上行文版头标注的签发人姓名，输入后按回车；上行文签发时必填');
    http.expectNone('/api/documents');
  });

  it('should disable the body and attachments with the reason when the draft is classified', async () => {
    // Given a draft with a body, when it is marked 秘密
    form().patchValue({ body: '正文内容' });
    form().patchValue({ secretLevel: 'SECRET' });
    await render();
    // Then the body is disabled, the upload is gone and the reason is shown; 公开属性 is 不予公开
    expect(root.querySelector<HTMLTextAreaElement>('#out-body')?.disabled).toBe(true);
    expect(root.querySelector('#out-attachments')).toBeNull();
    expect(root.textContent).toContain('本系统不是涉密信息系统');
    expect(form().getRawValue()).toMatchObject({ disclosure: 'NOT_PUBLIC', disclosureReason: '涉及国家秘密' });
    // And when it is marked 无 again, the body is editable again
    form().patchValue({ secretLevel: 'NONE' });
    await render();
    expect(root.querySelector<HTMLTextAreaElement>('#out-body')?.disabled).toBe(false);
    expect(form().getRawValue()).toMatchObject({ disclosure: 'ON_REQUEST', disclosureReason: '' });
  });

  it('should refuse an attachment name with trailing punctuation before saving', async () => {
    form().patchValue({ docType: 'GW08', title: '关于做好值班工作的通知', mainRecipients: ['市政府各部门'] });
    chooseFiles([new File(['x'], '值班表。.docx')]);
    await submit();
    expect(messageOf('out-attachments')).toBe('附件名称后不加标点符号');
    http.expectNone('/api/documents');
  });

  it('should save the draft, then upload its attachments with progress, then open it', async () => {
    // Given a valid 通知 with one attachment chosen
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    form().patchValue({
      docType: 'GW08',
      title: '关于做好值班工作的通知',
      mainRecipients: ['市政府各部门'],
      ccRecipients: ['市委办公室'],
      body: '各部门：……',
    });
    chooseFiles([new File(['0123456789'], '值班安排表.xlsx')]);
    await render();
    expect(root.textContent).toContain('待上传');
    // When it is submitted
    await submit();
    const create = http.expectOne('/api/documents');
    expect(create.request.body as CreateDocument).toMatchObject({
      direction: 'outgoing',
      docType: 'GW08',
      mainRecipients: ['市政府各部门'],
      ccRecipients: ['市委办公室'],
      attachmentNotes: ['值班安排表'],
      body: '各部门：……',
      secretLevel: 'NONE',
    });
    create.flush({ id: 'doc-9' }, { status: 201, statusText: 'Created' });
    await settle();
    // Then the attachment uploads to the new document with its progress shown
    const upload = http.expectOne('/api/documents/doc-9/attachments');
    expect(upload.request.reportProgress).toBe(true);
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
    upload.event({ type: HttpEventType.UploadProgress, loaded: 5, total: 10 });
    await render();
    expect(root.querySelector('nz-progress')?.textContent).toContain('50%');
    upload.flush({
      id: 'a1',
      name: '值班安排表.xlsx',
      contentType: 'x',
      size: 10,
      sm3: 'ab',
      uploadedBy: 'clerk',
      uploadedAt: '2026-11-27T01:00:00Z',
    });
    await settle();
    // And the saved draft opens
    expect(navigate).toHaveBeenCalledWith(['/documents', 'doc-9']);
  });

  it('should save the draft and complete its 拟稿 with the chosen 签发人 and 会签 heads (保存并送核稿)', async () => {
    // Given a valid 通知 with the mayor as 签发人 and the head of 市住建局 to countersign
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    form().patchValue({ docType: 'GW08', title: '关于加强城市道路管理的通知', mainRecipients: ['市政府各部门'] });
    const page = fixture.componentInstance as unknown as {
      signOffBy: { set(v: string[]): void };
      countersigners: { set(v: string[]): void };
    };
    page.signOffBy.set(['mayor']);
    page.countersigners.set(['zjj_head']);
    await render();
    // When it is submitted
    await submit();
    http.expectOne('/api/documents').flush({ id: 'doc-9', instanceId: 'i-9' }, { status: 201, statusText: 'Created' });
    await settle();
    http
      .expectOne((r) => r.url === '/api/tasks' && r.params.get('instanceId') === 'i-9')
      .flush({
        items: [{ id: 't-draft', elementId: 'draft', assignee: 'clerk', status: 'open' }],
        total: 1,
      });
    await settle();
    // Then the 拟稿 task is completed with them, and the document opens
    const complete = http.expectOne('/api/tasks/t-draft/complete');
    expect(complete.request.body).toEqual({ variables: { issuer: 'mayor', countersigners: ['zjj_head'] } });
    complete.flush({ id: 't-draft', status: 'completed', next: [] });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/documents', 'doc-9']);
  });
});
