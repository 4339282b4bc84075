import { HttpClient, HttpContext, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, catchError, forkJoin, map, of, shareReplay, throwError } from 'rxjs';
import { SKIP_ERROR_MESSAGE } from '../core/http/http-context';
import { itemsOf } from './workflow-api.service';

/** A deployed task form (GET /api/forms/:key); `schema` is form-js JSON. */
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

/** Task forms and the option lists their selects read. */
@Injectable({ providedIn: 'root' })
export class FormsApiService {
  private readonly http = inject(HttpClient);
  private options$?: Observable<FormOptions>;

  /** The form of a key; null when there is none (404), so the page shows the variables instead. */
  form(key: string): Observable<TaskFormDefinition | null> {
    return this.http
      .get<TaskFormDefinition>(`/api/forms/${encodeURIComponent(key)}`, { context: OWN_ERRORS() })
      .pipe(
        catchError((error: unknown) => (error instanceof HttpErrorResponse && error.status === 404 ? of(null) : throwError(() => error))),
      );
  }

  /** Departments and users as select options; read once per session (an empty list when a read fails). */
  options(): Observable<FormOptions> {
    this.options$ ??= forkJoin({
      orgOptions: this.http.get<unknown>('/api/orgs', { context: OWN_ERRORS() }).pipe(
        map((body) =>
          itemsOf<{ id: string; name: string; kind: string; sortOrder?: number }>(body)
            .filter((org) => org.kind === 'department')
            .sort((a, b) => (a.sortOrder ?? 0) - (b.sortOrder ?? 0))
            .map((org) => ({ label: org.name, value: org.id })),
        ),
        catchError(() => of([])),
      ),
      userOptions: this.http.get<unknown>('/api/users', { params: new HttpParams().set('limit', '200'), context: OWN_ERRORS() }).pipe(
        map((body) =>
          itemsOf<{ username: string; displayName: string }>(body).map((u) => ({
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
