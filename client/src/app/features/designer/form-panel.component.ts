import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked, viewChild } from '@angular/core';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzMessageService } from 'ng-zorro-antd/message';
import { DesignerI18n, DesignerTranslatePipe } from './designer-i18n';
import { FormEditorComponent } from './form-editor.component';
import { FormSchemaStore, type FormSchema } from './form-schema.store';

/**
 * The form drawer's content for one form key: reads the form from the server, shows the form-js
 * editor on it, and saves it there as a new version (保存表单).
 */
@Component({
  selector: 'app-form-panel',
  imports: [NzButtonModule, DesignerTranslatePipe, FormEditorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'designer-form-panel' },
  template: `
    <div class="designer-form-bar">
      <span class="designer-form-state" data-testid="form-state">
        @switch (status()) {
          @case ('ready') {
            @if (version(); as v) {
              {{ 'designer.form.version' | dt: { version: v } }}
            } @else {
              {{ 'designer.form.new' | dt }}
            }
            @if (unsaved()) {
              <span class="designer-dirty">● {{ 'designer.form.unsaved' | dt }}</span>
            }
          }
          @case ('failed') {
            {{ 'designer.form.loadFailed' | dt }}
          }
          @default {
            {{ 'designer.form.loading' | dt }}
          }
        }
      </span>
      @if (status() === 'failed') {
        <button nz-button type="button" (click)="retry()">{{ 'designer.form.retry' | dt }}</button>
      }
      @if (status() === 'ready') {
        <button nz-button nzType="primary" type="button" data-testid="form-save" [nzLoading]="saving()" (click)="save()">
          {{ 'designer.form.save' | dt }}
        </button>
      }
    </div>
    <p class="designer-form-note">{{ 'designer.form.note' | dt }}</p>
    @if (status() === 'ready' && schema(); as s) {
      <app-form-editor [schema]="s" (changed)="changed($event)" />
    }
  `,
})
export class FormPanelComponent {
  readonly formKey = input.required<string>();

  private readonly store = inject(FormSchemaStore);
  private readonly texts = inject(DesignerI18n);
  private readonly message = inject(NzMessageService);
  private readonly editor = viewChild(FormEditorComponent);

  protected readonly status = computed(() => this.store.status(this.formKey()));
  protected readonly version = computed(() => this.store.version(this.formKey()));
  protected readonly unsaved = computed(() => this.store.isUnsaved(this.formKey()));
  /** The schema the editor starts from (read once per key: the editor keeps its own state after). */
  protected readonly schema = computed(() => (this.status() === 'ready' ? untracked(() => this.store.get(this.formKey())) : undefined));
  protected readonly saving = signal(false);

  constructor() {
    effect(() => {
      const key = this.formKey();
      untracked(() => void this.store.load(key));
    });
  }

  /** The schema as edited right now (null before the editor started). */
  current(): FormSchema | null {
    return this.editor()?.current() ?? null;
  }

  protected changed(schema: FormSchema): void {
    this.store.set(this.formKey(), schema);
  }

  protected retry(): void {
    void this.store.load(this.formKey());
  }

  protected async save(): Promise<void> {
    const key = this.formKey();
    if (this.saving()) return;
    const current = this.current();
    if (current) this.store.set(key, current);
    this.saving.set(true);
    try {
      const saved = await this.store.save(key);
      this.message.success(this.texts.t('designer.form.saved', { formKey: key, version: saved.version }));
    } catch (error) {
      // 400/413/403: the error interceptor has shown the Chinese message. Anything else is a bug.
      if (!(error instanceof HttpErrorResponse)) throw error;
    } finally {
      this.saving.set(false);
    }
  }
}
