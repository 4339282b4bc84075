import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Form, FormList, FormSummary } from '@liuzhuan/contracts';
import { Observable, map } from 'rxjs';
import type { FormSchema } from './form-schema.store';

/** A stored version of a task form, as `GET/PUT /api/forms/:key` return it. */
export type StoredForm = Omit<Form, 'schema'> & { schema: FormSchema };

const formUrl = (key: string) => `/api/forms/${encodeURIComponent(key)}`;

/** The task forms on the server, for the designer: read the latest version, save a new one. */
@Injectable({ providedIn: 'root' })
export class DesignerFormsApiService {
  private readonly http = inject(HttpClient);

  /** The latest version of each form key (without the schemas). */
  list(): Observable<FormSummary[]> {
    return this.http.get<FormList>('/api/forms').pipe(map((body) => body?.items ?? []));
  }

  /** The latest version of one form. */
  get(key: string): Observable<StoredForm> {
    return this.http.get<StoredForm>(formUrl(key));
  }

  /** Stores the schema as the next version of the form (workflow admins). */
  save(key: string, schema: FormSchema): Observable<StoredForm> {
    return this.http.put<StoredForm>(formUrl(key), { schema });
  }
}
