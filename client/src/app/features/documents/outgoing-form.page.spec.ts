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
    expect(messageOf('out-signers')).toBe('输入签发人姓名后按回车；上行文签发时必填');
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
});
