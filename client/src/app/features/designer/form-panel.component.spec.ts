import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { FormEditorComponent } from './form-editor.component';
import { FormPanelComponent } from './form-panel.component';
import { FormSchemaStore, type FormSchema } from './form-schema.store';

/** Stands in for the form-js editor (a canvas library): shows the schema it got, edits on demand. */
@Component({
  selector: 'app-form-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<pre data-testid="editor">{{ label() }}</pre>`,
})
class FakeFormEditorComponent {
  readonly schema = input.required<FormSchema>();
  readonly changed = output<FormSchema>();
  edited: FormSchema | null = null;
  label = () => ((this.schema().components ?? []) as { label?: string }[]).map((c) => c.label).join(',') || '(empty)';
  current(): FormSchema | null {
    return this.edited ?? this.schema();
  }
  /** the user edits the form: form-js reports a change */
  edit(schema: FormSchema): void {
    this.edited = schema;
    this.changed.emit(schema);
  }
}

describe('FormPanelComponent (the designer reads and saves forms through /api/forms)', () => {
  let fixture: ComponentFixture<FormPanelComponent>;
  let http: HttpTestingController;
  let store: FormSchemaStore;

  const STORED = { type: 'default', id: 'leave-form', components: [{ type: 'textfield', key: 'reason', label: '请假事由' }] };
  const EDITED = {
    type: 'default',
    id: 'leave-form',
    components: [
      { type: 'textfield', key: 'reason', label: '请假事由' },
      { type: 'number', key: 'days', label: '天数' },
    ],
  };

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), FormSchemaStore] });
    TestBed.overrideComponent(FormPanelComponent, {
      remove: { imports: [FormEditorComponent] },
      add: { imports: [FakeFormEditorComponent] },
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(FormSchemaStore);
  });
  afterEach(() => http.verify());

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  async function open(formKey: string): Promise<HTMLElement> {
    fixture = TestBed.createComponent(FormPanelComponent);
    fixture.componentRef.setInput('formKey', formKey);
    fixture.detectChanges();
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (root: HTMLElement, testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ?? null;
  const editor = () =>
    fixture.debugElement.query((d) => d.componentInstance instanceof FakeFormEditorComponent)?.componentInstance as FakeFormEditorComponent;

  it('should read a form the server has, edit it, and save it as the next version with PUT', async () => {
    // Given the server lists leave-form at version 2
    const root = await open('leave-form');
    expect(text(root, 'form-state')).toContain('正在读取');
    expect(text(root, 'editor')).toBeNull();
    http
      .expectOne('/api/forms')
      .flush({ items: [{ key: 'leave-form', version: 2, updatedAt: '2026-11-27T01:00:00.000Z', updatedBy: 'admin' }] });
    await settle();
    const get = http.expectOne('/api/forms/leave-form');
    expect(get.request.method).toBe('GET');
    get.flush({ key: 'leave-form', version: 2, schema: STORED, updatedAt: '2026-11-27T01:00:00.000Z', updatedBy: 'admin' });
    await settle();
    // Then the editor starts from the stored schema, and the panel names the version
    expect(text(root, 'editor')).toBe('请假事由');
    expect(text(root, 'form-state')).toContain('服务器上的第 2 版');
    expect(store.isUnsaved('leave-form')).toBe(false);

    // When the admin adds a field, the form is marked unsaved
    editor().edit(EDITED);
    await settle();
    expect(text(root, 'form-state')).toContain('有未保存的修改');

    // And 保存表单 PUTs the edited schema
    (root.querySelector('[data-testid="form-save"]') as HTMLButtonElement).click();
    await settle();
    const put = http.expectOne('/api/forms/leave-form');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ schema: EDITED });
    put.flush({ key: 'leave-form', version: 3, schema: EDITED, updatedAt: '2026-11-27T02:00:00.000Z', updatedBy: 'admin' });
    await settle();
    // Then the panel shows version 3, nothing unsaved
    expect(text(root, 'form-state')).toContain('服务器上的第 3 版');
    expect(text(root, 'form-state')).not.toContain('有未保存的修改');
    expect(store.isUnsaved('leave-form')).toBe(false);
    expect(store.version('leave-form')).toBe(3);
  });

  it('should start a key the server does not list as an empty form without asking for it, and save it as version 1', async () => {
    const root = await open('new-form');
    http
      .expectOne('/api/forms')
      .flush({ items: [{ key: 'other-form', version: 1, updatedAt: '2026-11-27T01:00:00.000Z', updatedBy: 'system' }] });
    await settle();
    // no GET /api/forms/new-form (a 404 would be a failed request in the browser); an empty form-js schema
    http.expectNone('/api/forms/new-form');
    expect(text(root, 'editor')).toBe('(empty)');
    expect(text(root, 'form-state')).toContain('新表单');
    expect(store.get('new-form')).toMatchObject({ type: 'default', id: 'new-form', components: [] });

    (root.querySelector('[data-testid="form-save"]') as HTMLButtonElement).click();
    await settle();
    const put = http.expectOne('/api/forms/new-form');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body.schema).toMatchObject({ type: 'default', components: [] });
    put.flush({ key: 'new-form', version: 1, schema: put.request.body.schema, updatedAt: '2026-11-27T02:00:00.000Z', updatedBy: 'admin' });
    await settle();
    expect(text(root, 'form-state')).toContain('服务器上的第 1 版');
  });

  it('should keep the edits unsaved when the server refuses the save, and offer a retry when the read fails', async () => {
    const root = await open('leave-form');
    http.expectOne('/api/forms').flush({ code: 'INTERNAL_ERROR', message: 'down' }, { status: 503, statusText: 'Unavailable' });
    await settle();
    expect(text(root, 'form-state')).toContain('表单读取失败');
    expect(root.querySelector('[data-testid="form-save"]')).toBeNull();
    // When they retry and the server answers
    (Array.from(root.querySelectorAll('button')).find((b) => b.textContent?.includes('重试')) as HTMLButtonElement).click();
    await settle();
    http.expectOne('/api/forms').flush({ items: [] });
    await settle();
    expect(text(root, 'form-state')).toContain('新表单');

    editor().edit(EDITED);
    (root.querySelector('[data-testid="form-save"]') as HTMLButtonElement).click();
    await settle();
    http.expectOne('/api/forms/leave-form').flush({ code: 'FORBIDDEN_ROLE', message: 'no' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(store.isUnsaved('leave-form')).toBe(true);
    expect(store.version('leave-form')).toBeNull();
    expect(text(root, 'form-state')).toContain('有未保存的修改');
  });

  it('should save on deploy only the forms with unsaved edits', async () => {
    store.set('edited-form', EDITED);
    store.keep('untouched-form', STORED);
    const saving = store.saveUnsaved(['edited-form', 'untouched-form', 'unknown-form']);
    await new Promise((r) => setTimeout(r));
    const put = http.expectOne('/api/forms/edited-form');
    expect(put.request.body).toEqual({ schema: EDITED });
    put.flush({ key: 'edited-form', version: 4, schema: EDITED, updatedAt: '2026-11-27T02:00:00.000Z', updatedBy: 'admin' });
    expect((await saving).map((f) => [f.key, f.version])).toEqual([['edited-form', 4]]);
    expect(store.unsavedKeys()).toEqual([]);
  });
});
