import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { DocumentDetail, Instance, Task } from '@liuzhuan/contracts';
import { AuthService } from '../../core/auth/auth.service';
import TaskPage from './task.page';

const TASK: Task = {
  id: 't1',
  instanceId: 'i1',
  definitionKey: 'incoming-document',
  elementId: 'reply',
  name: '答复',
  assignee: 'clerk',
  candidateUsers: [],
  candidateGroups: ['office-clerks'],
  status: 'open',
  formKey: 'incoming-reply',
  dueAt: null,
  createdAt: '2026-11-26T08:00:00Z',
  openedAt: null,
  completedAt: null,
  completedBy: null,
};
const INSTANCE = {
  id: 'i1',
  definitionId: 'd1',
  definitionKey: 'incoming-document',
  version: 1,
  businessKey: 'doc1',
  status: 'running',
  variables: { title: '关于冬季供热的通知', replyText: '' },
  activeElementIds: ['reply'],
  incidents: [],
  startedAt: '2026-11-26T08:00:00Z',
  endedAt: null,
  initiator: 'clerk',
} as unknown as Instance;
const REPLY_FORM = {
  key: 'incoming-reply',
  version: 1,
  updatedAt: '2026-11-27T08:00:00Z',
  updatedBy: null,
  schema: {
    type: 'default',
    id: 'incoming-reply',
    schemaVersion: 19,
    components: [{ type: 'textarea', id: 'F1', key: 'replyText', label: '答复内容', validate: { required: true } }],
  },
};

describe('TaskPage with a task form', () => {
  let fixture: ComponentFixture<TaskPage>;
  let http: HttpTestingController;

  beforeAll(async () => void (await import('@bpmn-io/form-js')), 30_000);

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const auth = TestBed.inject(AuthService) as unknown as { user: () => unknown };
    Object.defineProperty(auth, 'user', { value: () => ({ username: 'clerk', displayName: '张晓明', roles: [] }) });
  });

  afterEach(() => fixture?.destroy());

  /** Lets the page render what it has; requests still open (the page reads several at once) do not hold it. */
  async function settle(): Promise<void> {
    await new Promise((r) => setTimeout(r, 20));
    fixture.detectChanges();
    await Promise.race([fixture.whenStable(), new Promise((r) => setTimeout(r, 50))]);
  }

  /** Answers what the page reads; `form` is the answer to GET /api/forms/incoming-reply. */
  async function open(
    task: Task,
    form: (r: TestRequest) => void,
    instance: Instance = INSTANCE,
    doc?: Partial<DocumentDetail>,
  ): Promise<HTMLElement> {
    fixture = TestBed.createComponent(TaskPage);
    fixture.componentRef.setInput('id', task.id);
    fixture.detectChanges();
    http.expectOne('/api/tasks/t1').flush(task);
    await settle();
    http.expectOne('/api/instances/i1').flush(instance);
    http.expectOne('/api/instances/i1/history').flush({ items: [] });
    http.expectOne('/api/instances/i1/opinions').flush({ items: [] });
    http.expectOne('/api/tasks/t1/actions').flush(task.status === 'open' ? ['complete'] : []);
    await settle();
    http.match((r) => r.url === '/api/tasks').forEach((r) => r.flush({ items: [], total: 0 }));
    http.match('/api/definitions/d1/xml').forEach((r) => r.flush(''));
    http.match('/api/phrases').forEach((r) => r.flush({ items: [] }));
    http.match((r) => r.url === '/api/users').forEach((r) => r.flush({ items: [], total: 0 }));
    http.match('/api/tasks/t1/next-steps').forEach((r) => r.flush({ items: [] }));
    if (doc) http.match('/api/documents/doc1').forEach((r) => r.flush(doc));
    await settle();
    http.match(`/api/forms/${task.formKey}`).forEach(form);
    for (let i = 0; i < 100; i++) {
      await settle();
      const root = fixture.nativeElement as HTMLElement;
      if (root.querySelector('.fjs-form') || root.querySelector('#vars-title')) break;
    }
    return fixture.nativeElement as HTMLElement;
  }

  it('should render the form instead of the variables and complete with its values', async () => {
    // Given the holder of the 答复 task opens it
    const root = await open(TASK, (r) => r.flush(REPLY_FORM));
    // Then the form is shown, not the variable list
    expect(root.querySelector('[data-testid="task-form"] .fjs-form')).not.toBeNull();
    expect(root.querySelector('#vars-title')).toBeNull();
    // When they fill it in and submit
    const textarea = root.querySelector('[data-testid="task-form"] textarea') as HTMLTextAreaElement;
    textarea.value = '已按批示办理完毕';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    await settle();
    (root.querySelector('[data-action="complete"]') as HTMLButtonElement).click();
    // Then the form's values are the variables of complete
    const request = http.expectOne('/api/tasks/t1/complete');
    expect(request.request.body).toEqual({ variables: { replyText: '已按批示办理完毕' } });
    request.flush({ ...TASK, status: 'completed' });
    // (the first test of the file loads form-js itself: seconds on a busy machine, so not the default 5 s)
  }, 30_000);

  it('should open a returned 拟稿 filled from the document, whatever the variables hold', async () => {
    // Given a 拟稿 task back with the drafter; the variables hold no 主送机关, the document does
    const draftTask = { ...TASK, definitionKey: 'outgoing-document', elementId: 'draft', name: '拟稿', formKey: 'outgoing-draft' };
    const instance = { ...INSTANCE, variables: { documentId: 'doc1', title: '关于加强城市道路管理的通知', mainRecipient: '' } } as Instance;
    const draftForm = {
      ...REPLY_FORM,
      key: 'outgoing-draft',
      schema: {
        type: 'default',
        id: 'outgoing-draft',
        schemaVersion: 19,
        components: [
          { type: 'textfield', id: 'F1', key: 'mainRecipient', label: '主送机关', validate: { required: true } },
          { type: 'textfield', id: 'F2', key: 'ccRecipients', label: '抄送机关' },
        ],
      },
    };
    const doc = {
      id: 'doc1',
      direction: 'outgoing',
      docType: 'GW08',
      title: '关于加强城市道路管理的通知',
      urgency: 'NONE',
      secretLevel: 'NONE',
      disclosure: 'ACTIVE',
      disclosureReason: null,
      docNumber: null,
      writtenDate: null,
      mainRecipients: ['市政府各部门'],
      ccRecipients: ['市委办公室'],
      signers: [],
      registration: null,
      attachments: [],
      processingRecord: [],
      handling: { office: '', leadDept: null, assistDepts: [], signedOff: null, issuer: null, countersigners: [] },
    } as unknown as DocumentDetail;
    // When the page opens
    const root = await open(draftTask, (r) => r.flush(draftForm), instance, doc);
    // Then the form holds the document's 主送机关 and 抄送机关, and sends them back
    const inputs = root.querySelectorAll<HTMLInputElement>('[data-testid="task-form"] input');
    expect(Array.from(inputs, (i) => i.value)).toEqual(['市政府各部门', '市委办公室']);
    (root.querySelector('[data-action="complete"]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/tasks/t1/complete');
    expect(request.request.body.variables).toMatchObject({ mainRecipient: '市政府各部门', ccRecipients: '市委办公室' });
    request.flush({ ...draftTask, status: 'completed' });
  });

  it('should list the variables read-only when the form key has no deployed form', async () => {
    // Given a form key the server does not know
    const root = await open(TASK, (r) =>
      r.flush({ code: 'FORM_NOT_FOUND', message: '表单不存在' }, { status: 404, statusText: 'Not Found' }),
    );
    // Then the variables are listed as before and complete sends no variables
    expect(root.querySelector('#vars-title')).not.toBeNull();
    expect(root.textContent).toContain('关于冬季供热的通知');
    expect((root.querySelector('[data-testid="task-form"]') as HTMLElement).hidden).toBe(true);
    (root.querySelector('[data-action="complete"]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/tasks/t1/complete');
    expect(request.request.body).toEqual({});
    request.flush({ ...TASK, status: 'completed' });
  });
});
