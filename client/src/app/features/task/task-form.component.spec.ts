import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TaskFormComponent, draftText, draftValues, withOwnOpinions } from './task-form.component';

const INSTRUCT = {
  key: 'incoming-instruct',
  version: 1,
  updatedAt: '2026-11-27T08:00:00Z',
  updatedBy: 'admin',
  schema: {
    type: 'default',
    id: 'incoming-instruct',
    schemaVersion: 19,
    components: [
      { type: 'textarea', id: 'Field_1', key: 'instruction', label: '批示意见', validate: { required: true } },
      { type: 'select', id: 'Field_2', key: 'leadDept', label: '主办单位', valuesKey: 'orgOptions', validate: { required: true } },
    ],
  },
};

describe('TaskFormComponent', () => {
  let fixture: ComponentFixture<TaskFormComponent>;
  let http: HttpTestingController;

  // form-js is large: its first load (a lazy chunk in the app) is not part of any test's time
  beforeAll(async () => void (await import('@bpmn-io/form-js')), 30_000);

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => fixture?.destroy());

  async function settle(): Promise<void> {
    await new Promise((r) => setTimeout(r, 20));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  /** Waits until the component reaches a status other than loading (form-js loads asynchronously). */
  async function until(check: () => boolean): Promise<void> {
    for (let i = 0; i < 200 && !check(); i++) await settle();
    expect(check()).toBe(true);
  }

  function render(data: Record<string, unknown>, readOnly = false): HTMLElement {
    fixture = TestBed.createComponent(TaskFormComponent);
    fixture.componentRef.setInput('formKey', 'incoming-instruct');
    fixture.componentRef.setInput('data', data);
    fixture.componentRef.setInput('readOnly', readOnly);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  async function serveForm(): Promise<void> {
    http.expectOne('/api/forms/incoming-instruct').flush(INSTRUCT);
    await settle();
    http.expectOne('/api/orgs').flush({
      items: [
        { id: 'o-gov', parentId: null, code: 'GOV', name: '安康市人民政府', shortName: null, kind: 'government', sortOrder: 0 },
        { id: 'o-czj', parentId: 'o-gov', code: 'CZJ', name: '市财政局', shortName: null, kind: 'department', sortOrder: 2 },
        { id: 'o-zjj', parentId: 'o-gov', code: 'ZJJ', name: '市住建局', shortName: null, kind: 'department', sortOrder: 1 },
      ],
    });
    http.expectOne((r) => r.url === '/api/users').flush({ items: [{ username: 'zjj_head', displayName: '王建国' }], total: 1 });
  }

  it('should render the form with the variables and block completion with Chinese messages until it is valid', async () => {
    // Given the 批示 form of a task whose instance already names the lead department
    const root = render({ leadDept: 'o-zjj', title: '关于防汛的通知' });
    await serveForm();
    await until(() => fixture.componentInstance.status() === 'ready');
    // Then its labels are shown and the department select offers the departments (not the government)
    expect(root.textContent).toContain('批示意见');
    expect(root.textContent).toContain('主办单位');
    const select = root.querySelector('.fjs-form-field-select') as HTMLElement;
    expect(select.textContent).toContain('市住建局');
    // When the user completes with the required instruction empty
    const first = fixture.componentInstance.collect();
    await settle();
    // Then the values are not valid and form-js's message is in Chinese
    expect(first?.valid).toBe(false);
    expect(root.textContent).toContain('此项为必填项。');
    expect(root.textContent).not.toContain('Field is required');
    // When they write the instruction
    const textarea = root.querySelector('textarea') as HTMLTextAreaElement;
    textarea.value = '请市住建局牵头办理';
    textarea.dispatchEvent(new Event('input', { bubbles: true }));
    textarea.dispatchEvent(new Event('blur')); // form-js debounces typing and flushes on leaving the field
    await settle();
    // Then the form's own fields are the values, without the injected option lists or other variables
    const second = fixture.componentInstance.collect();
    expect(second).toEqual({ valid: true, data: { instruction: '请市住建局牵头办理', leadDept: 'o-zjj' } });
  });

  it('should show the submitted values read-only and offer nothing to collect', async () => {
    // Given a completed task's form
    const root = render({ instruction: '同意，请市财政局协办', leadDept: 'o-czj' }, true);
    await serveForm();
    await until(() => fixture.componentInstance.status() === 'ready');
    // Then the values are there but cannot be edited
    const textarea = root.querySelector('textarea') as HTMLTextAreaElement;
    expect(textarea.value).toBe('同意，请市财政局协办');
    expect(textarea.readOnly || textarea.disabled).toBe(true);
    expect(fixture.componentInstance.collect()).toBeNull();
  });

  it('should say none when the form key has no deployed form, so that the page lists the variables', async () => {
    // Given a form key the server does not know
    render({});
    http
      .expectOne('/api/forms/incoming-instruct')
      .flush({ code: 'FORM_NOT_FOUND', message: '表单不存在' }, { status: 404, statusText: 'Not Found' });
    // Then the status is none and no option lists are read
    await until(() => fixture.componentInstance.status() === 'none');
    http.expectNone('/api/orgs');
    expect(fixture.componentInstance.collect()).toBeNull();
  });

  it('should show a clear error when the form cannot be read', async () => {
    const root = render({});
    http
      .expectOne('/api/forms/incoming-instruct')
      .flush({ code: 'INTERNAL', message: '服务器错误' }, { status: 500, statusText: 'Server Error' });
    await until(() => fixture.componentInstance.status() === 'error');
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('表单加载失败');
  });

  describe('withOwnOpinions', () => {
    const schema = { type: 'default', components: [{ type: 'textarea', key: 'handleResult', properties: { opinion: 'handling' } }] };
    const item = (taskId: string, text: string) =>
      ({
        taskId,
        kind: 'handling',
        text,
        id: taskId,
        instanceId: 'i',
        elementId: 'assistHandle',
        author: 'a',
        onBehalfOf: null,
        authorLabel: 'A',
        approve: null,
        documentId: null,
        documentDigest: null,
        createdAt: '',
      }) as never;

    it("should not open an opinion field with another department's text", () => {
      // given the variable holds the lead department's result; this 协办 task wrote nothing yet
      const data = { handleResult: '主办单位的办理情况', title: '通知' };
      // when
      const values = withOwnOpinions(schema, data, { taskId: 't2', opinions: [item('t1', '主办单位的办理情况')] });
      // then
      expect(values).toEqual({ title: '通知' });
    });

    it('should show a completed task its own opinion', () => {
      // given
      const data = { handleResult: '最后写入的办理情况' };
      // when
      const values = withOwnOpinions(schema, data, {
        taskId: 't1',
        opinions: [item('t1', '本单位的办理情况'), item('t2', '最后写入的办理情况')],
      });
      // then
      expect(values).toEqual({ handleResult: '本单位的办理情况' });
    });
  });

  describe('form drafts', () => {
    it('should keep only the fields typed since the form opened, and nothing when none changed', () => {
      // given a form opened with the registered values and an option list
      const initial = { title: '关于汛期值班安排的请示', comment: undefined };
      // when the user types a comment (the option list and the unchanged title come back too)
      const kept = draftText(initial, { title: '关于汛期值班安排的请示', comment: '拟同意', orgs: [{ id: 1 }] }, new Set(['orgs']));
      // then only the comment is kept, and reads back as values
      expect(draftValues(kept)).toEqual({ comment: '拟同意' });
      expect(draftText(initial, { title: '关于汛期值班安排的请示', comment: '' })).toBe('');
    });

    it('should keep no draft for an empty taglist the form opened without (leaving asks nothing)', () => {
      // given a 拟稿 form opened without 会签单位; form-js reports the empty taglist as []
      const initial = { title: '关于做好冬季供暖工作的通知' };
      // then nothing was typed, so nothing is kept; a chosen 会签 head is
      expect(draftText(initial, { title: '关于做好冬季供暖工作的通知', countersigners: [] })).toBe('');
      expect(draftValues(draftText(initial, { title: '关于做好冬季供暖工作的通知', countersigners: ['zjj_head'] }))).toEqual({
        countersigners: ['zjj_head'],
      });
    });

    it('should read a damaged or missing draft as no values', () => {
      expect(draftValues(null)).toEqual({});
      expect(draftValues('{oops')).toEqual({});
      expect(draftValues('[1]')).toEqual({});
    });
  });
});
