import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormGroup } from '@angular/forms';
import { Router, provideRouter } from '@angular/router';
import type { DocumentDetail } from '@liuzhuan/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { APP_ICONS } from '../../core/icons';
import { DocumentsApi } from './documents-api.service';
import OutgoingFormPage from './outgoing-form.page';

const DRAFT = {
  id: 'doc-1',
  direction: 'outgoing',
  docType: 'GW08',
  title: '关于做好值班工作的通知',
  secretLevel: 'NONE',
  secrecyPeriod: null,
  urgency: 'NONE',
  issuer: '安康市人民政府办公室',
  orgCode: null,
  docNumber: null,
  signers: [],
  mainRecipients: ['市政府各部门'],
  ccRecipients: [],
  writtenDate: null,
  note: null,
  disclosure: 'ON_REQUEST',
  disclosureReason: null,
  attachmentNotes: ['值班安排表'],
  body: '各部门：……',
  status: 'handling',
  instanceId: null,
  version: 1,
  digest: 'd1',
  registration: null,
  createdBy: 'clerk',
  createdAt: '2026-11-27T01:00:00Z',
  updatedAt: '2026-11-27T01:00:00Z',
  attachments: [],
  processingRecord: [],
  handling: { office: '安康市人民政府办公室', leadDept: null, assistDepts: [], signedOff: null },
} as unknown as DocumentDetail;

describe('OutgoingFormPage in edit mode', () => {
  let fixture: ComponentFixture<OutgoingFormPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  async function render(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
  }

  const form = () => (fixture.componentInstance as unknown as { form: FormGroup }).form;
  const submit = async () => {
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await render();
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS), DocumentsApi],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OutgoingFormPage);
    root = fixture.nativeElement as HTMLElement;
    fixture.componentRef.setInput('id', 'doc-1');
    fixture.detectChanges();
    http.expectOne('/api/orgs').flush({ items: [] });
    http.expectOne('/api/documents/doc-1').flush(DRAFT);
    await render();
  });

  afterEach(() => http.verify());

  it('should fill the form with the draft and save only the changed elements as a new version', async () => {
    // Given the draft loaded into the 拟稿 form, titled 修改文稿, without the upload
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('修改文稿');
    expect(root.querySelector<HTMLInputElement>('#out-title')?.value).toBe('关于做好值班工作的通知');
    expect(root.querySelector('#out-attachments')).toBeNull();
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    // When the title and the 机关代字 are changed and it is saved
    form().patchValue({ title: '关于做好节日值班工作的通知', orgCode: '安政办' });
    await submit();
    // Then the elements are PATCHed (not created: no direction, attachment notes kept)
    http.expectNone({ method: 'POST', url: '/api/documents' });
    const patch = http.expectOne({ method: 'PATCH', url: '/api/documents/doc-1' });
    expect(patch.request.body).toMatchObject({
      title: '关于做好节日值班工作的通知',
      orgCode: '安政办',
      mainRecipients: ['市政府各部门'],
      body: '各部门：……',
    });
    expect(patch.request.body).not.toHaveProperty('direction');
    expect(patch.request.body).not.toHaveProperty('attachmentNotes');
    patch.flush({ ...DRAFT, title: '关于做好节日值班工作的通知', version: 2, digest: 'd2' });
    await render();
    // And the document opens again
    expect(navigate).toHaveBeenCalledWith(['/documents', 'doc-1']);
  });

  it('should show the server refusal in Chinese and stay on the form', async () => {
    form().patchValue({ title: '关于做好节日值班工作的通知' });
    await submit();
    http
      .expectOne({ method: 'PATCH', url: '/api/documents/doc-1' })
      .flush({ code: 'DOCUMENT_NOT_EDITABLE', message: 'ended' }, { status: 409, statusText: 'Conflict' });
    await render();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('公文已办结，不能再修改');
  });

  it('should refuse a 机关代字 with punctuation before sending', async () => {
    form().patchValue({ orgCode: '安政〔发' });
    await submit();
    expect(root.querySelector('#out-orgCode-msg')?.textContent?.trim()).toBe(DOCUMENT_RULE_TEXT);
    http.expectNone({ method: 'PATCH', url: '/api/documents/doc-1' });
  });
});

const DOCUMENT_RULE_TEXT = '机关代字只能由汉字或字母组成';
