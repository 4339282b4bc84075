import { Injectable, signal } from '@angular/core';

/** A form-js schema (JSON), as the form editor saves it. */
export type FormSchema = Record<string, unknown> & { components?: unknown[] };

/**
 * Task form schemas by form key, kept in the page's memory: the server has no forms API yet,
 * so they travel with the exported model as `<formKey>.form` files.
 */
@Injectable()
export class FormSchemaStore {
  private readonly schemas = signal<ReadonlyMap<string, FormSchema>>(new Map());
  readonly all = this.schemas.asReadonly();

  get(formKey: string): FormSchema | undefined {
    return this.schemas().get(formKey);
  }

  set(formKey: string, schema: FormSchema): void {
    const next = new Map(this.schemas());
    next.set(formKey, schema);
    this.schemas.set(next);
  }

  clear(): void {
    this.schemas.set(new Map());
  }
}

/** An empty form for a key, in the shape form-js expects. */
export function emptyFormSchema(formKey: string): FormSchema {
  return { type: 'default', id: formKey, components: [], schemaVersion: 19 };
}
