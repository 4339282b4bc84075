import { Injectable, inject, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { Form, FormJsSchema } from '@liuzhuan/contracts';
import { FormsApiService } from '../../shared/forms-api.service';

/** A stored version of a task form. */
export type StoredForm = Omit<Form, 'schema'> & { schema: FormSchema };

/** A form-js schema (JSON), as the form editor saves it. */
export type FormSchema = Record<string, unknown> & { components?: unknown[] };

/** Where the designer's copy of a form stands: read from the server, or failed to be. */
export type FormLoadStatus = 'loading' | 'ready' | 'failed';

interface FormEntry {
  schema: FormSchema;
  /** the server's latest version this copy is based on; null when the key has no form there yet */
  version: number | null;
  /** edited since it was read or saved */
  unsaved: boolean;
}

/**
 * Task form schemas by form key, as the designer edits them. A form is read from the server
 * (`GET /api/forms/:key`) when its key is first edited, saved there with 保存表单 or on deploy
 * (`PUT`, a new version each time), and still downloaded as `<formKey>.form` with 导出.
 */
@Injectable()
export class FormSchemaStore {
  private readonly api = inject(FormsApiService);
  private readonly entries = signal<ReadonlyMap<string, FormEntry>>(new Map());
  private readonly statuses = signal<ReadonlyMap<string, FormLoadStatus>>(new Map());

  get(formKey: string): FormSchema | undefined {
    return this.entries().get(formKey)?.schema;
  }

  /** The server version the copy is based on (null: not on the server yet). */
  version(formKey: string): number | null {
    return this.entries().get(formKey)?.version ?? null;
  }

  status(formKey: string): FormLoadStatus | undefined {
    return this.statuses().get(formKey);
  }

  isUnsaved(formKey: string): boolean {
    return this.entries().get(formKey)?.unsaved ?? false;
  }

  /** An edit of the form: kept, and marked as not yet saved on the server. */
  set(formKey: string, schema: FormSchema): void {
    const entry = this.entries().get(formKey);
    this.put(formKey, { schema, version: entry?.version ?? null, unsaved: true });
  }

  /** The editor's schema when the drawer closes: kept without changing whether it is saved. */
  keep(formKey: string, schema: FormSchema): void {
    const entry = this.entries().get(formKey);
    this.put(formKey, { schema, version: entry?.version ?? null, unsaved: entry?.unsaved ?? false });
  }

  /**
   * Reads the latest version of a form from the server, once per key (again after a failure).
   * A key the server does not list starts as an empty form (asked through the list, so a new key
   * is not a failed request).
   */
  async load(formKey: string): Promise<void> {
    if (this.entries().has(formKey) || this.status(formKey) === 'loading') return;
    this.setStatus(formKey, 'loading');
    try {
      const listed = (await firstValueFrom(this.api.list())).some((f) => f.key === formKey);
      const stored = listed ? await firstValueFrom(this.api.get(formKey)) : null;
      // an edit made while the read was in flight wins
      if (!this.entries().has(formKey)) {
        this.put(
          formKey,
          stored
            ? { schema: stored.schema, version: stored.version, unsaved: false }
            : { schema: emptyFormSchema(formKey), version: null, unsaved: false },
        );
      }
      this.setStatus(formKey, 'ready');
    } catch {
      // the error interceptor has shown why; the drawer offers to try again
      this.setStatus(formKey, 'failed');
    }
  }

  /** Saves the form as the next version on the server; throws (HttpErrorResponse) when refused. */
  async save(formKey: string): Promise<StoredForm> {
    const schema = this.get(formKey) ?? emptyFormSchema(formKey);
    // the editor's schema is form-js JSON; the server checks its shape (type, components)
    const stored = await firstValueFrom(this.api.save(formKey, schema as FormJsSchema));
    // keep what the user has now (an edit during the request stays unsaved)
    const current = this.entries().get(formKey);
    this.put(formKey, {
      schema: current?.schema ?? stored.schema,
      version: stored.version,
      unsaved: current ? current.schema !== schema : false,
    });
    return stored;
  }

  /** Saves every form of these keys that has unsaved edits (on deploy); returns the saved versions. */
  async saveUnsaved(formKeys: readonly string[]): Promise<StoredForm[]> {
    const saved: StoredForm[] = [];
    for (const key of formKeys) if (this.isUnsaved(key)) saved.push(await this.save(key));
    return saved;
  }

  /** Keys with unsaved edits. */
  unsavedKeys(): string[] {
    return [...this.entries()].filter(([, e]) => e.unsaved).map(([key]) => key);
  }

  clear(): void {
    this.entries.set(new Map());
    this.statuses.set(new Map());
  }

  private put(formKey: string, entry: FormEntry): void {
    const next = new Map(this.entries());
    next.set(formKey, entry);
    this.entries.set(next);
  }

  private setStatus(formKey: string, status: FormLoadStatus): void {
    const next = new Map(this.statuses());
    next.set(formKey, status);
    this.statuses.set(next);
  }
}

/** An empty form for a key, in the shape form-js expects. */
export function emptyFormSchema(formKey: string): FormSchema {
  return { type: 'default', id: formKey, components: [], schemaVersion: 19 };
}
