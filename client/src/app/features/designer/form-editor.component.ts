import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  afterNextRender,
  inject,
  input,
  output,
  viewChild,
} from '@angular/core';
import { nameFields, translateFormEditor } from './form-editor-texts';
import type { FormSchema } from './form-schema.store';

interface FormEditorLike {
  importSchema(schema: unknown): Promise<unknown>;
  saveSchema(): FormSchema;
  on(event: string, callback: () => void): void;
  get(service: 'formFields'): { _formFields: Record<string, { config?: { name?: string; label?: string } }> };
  destroy(): void;
}

/**
 * The form-js editor on one task form schema. form-js loads on first use, in its own chunk,
 * so opening the designer does not pay for it.
 */
@Component({
  selector: 'app-form-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'designer-form-editor' },
  template: `<div #host class="designer-form-editor-host"></div>`,
})
export class FormEditorComponent {
  readonly schema = input.required<FormSchema>();
  /** Every change of the form, as the schema to keep. */
  readonly changed = output<FormSchema>();

  private readonly host = viewChild.required<ElementRef<HTMLElement>>('host');
  private editor?: FormEditorLike;
  private observer?: MutationObserver;
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.observer?.disconnect();
      this.editor?.destroy();
    });
    afterNextRender(() => void this.start());
  }

  /** The schema as edited right now. */
  current(): FormSchema | null {
    return this.editor?.saveSchema() ?? null;
  }

  private async start(): Promise<void> {
    const { FormEditor, formFields } = await import('@bpmn-io/form-js');
    if (this.destroyed) return;
    // the palette and properties panel in Chinese: field names before the editor collects them, the other texts in the DOM
    nameFields(formFields as unknown as { config?: { name?: string } }[]);
    const container = this.host().nativeElement;
    this.observer = translateFormEditor(container);
    const editor = new FormEditor({ container }) as unknown as FormEditorLike;
    this.editor = editor;
    nameFields(Object.values(editor.get('formFields')._formFields));
    await editor.importSchema(structuredClone(this.schema()));
    editor.on('changed', () => this.changed.emit(editor.saveSchema()));
  }
}
