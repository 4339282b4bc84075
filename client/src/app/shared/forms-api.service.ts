import { HttpContext, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Form, FormJsSchema, FormSummary } from '@liuzhuan/contracts';
import { Observable, catchError, forkJoin, map, of, shareReplay, throwError } from 'rxjs';
import { ContractApi } from '../core/api/contract-api.service';
import { SKIP_ERROR_MESSAGE } from '../core/http/http-context';

/** A deployed task form (GET /forms/:key); `schema` is form-js JSON. */
export interface TaskFormDefinition {
  key: string;
  version: number;
  schema: Record<string, unknown>;
  updatedAt: string;
  updatedBy: string | null;
}

/** One entry of a form-js select/taglist fed through `valuesKey`. */
export interface FormOption {
  label: string;
  value: string;
}

/** Lists a form can offer through `valuesKey`: departments (`orgOptions`) and users (`userOptions`). */
export interface FormOptions {
  orgOptions: FormOption[];
  userOptions: FormOption[];
}

const OWN_ERRORS = () => new HttpContext().set(SKIP_ERROR_MESSAGE, true);

/** Task forms: the task page reads them and the option lists their selects read; the designer lists, reads and saves them. */
@Injectable({ providedIn: 'root' })
export class FormsApiService {
  private readonly api = inject(ContractApi);
  private options$?: Observable<FormOptions>;

  /** The latest version of each form key (without the schemas). */
  list(): Observable<FormSummary[]> {
    return this.api.call('GET /forms').pipe(map((body) => body.items));
  }

  /** The latest version of one form. */
  get(key: string): Observable<Form> {
    return this.api.call('GET /forms/:key', { params: { key } });
  }

  /** Stores the schema as the next version of the form (workflow admins). */
  save(key: string, schema: FormJsSchema): Observable<Form> {
    return this.api.call('PUT /forms/:key', { params: { key }, body: { schema } });
  }

  /** The form of a key; null when there is none (404), so the page shows the variables instead. */
  form(key: string): Observable<TaskFormDefinition | null> {
    return this.api
      .call('GET /forms/:key', { params: { key }, context: OWN_ERRORS() })
      .pipe(
        catchError((error: unknown) => (error instanceof HttpErrorResponse && error.status === 404 ? of(null) : throwError(() => error))),
      );
  }

  /** Departments and users as select options; read once per session (an empty list when a read fails). */
  options(): Observable<FormOptions> {
    this.options$ ??= forkJoin({
      orgOptions: this.api.call('GET /orgs', { context: OWN_ERRORS() }).pipe(
        map((body) =>
          body.items
            .filter((org) => org.kind === 'department')
            .sort((a, b) => a.sortOrder - b.sortOrder)
            .map((org) => ({ label: org.name, value: org.id })),
        ),
        catchError(() => of([])),
      ),
      userOptions: this.api.call('GET /users', { query: { limit: 200 }, context: OWN_ERRORS() }).pipe(
        map((body) =>
          body.items.map((u) => ({
            label: `${u.displayName}（${u.username}）`,
            value: u.username,
          })),
        ),
        catchError(() => of([])),
      ),
    }).pipe(shareReplay({ bufferSize: 1, refCount: false }));
    return this.options$;
  }
}
