import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { User } from '@liuzhuan/contracts';
import { Observable, catchError, map, of, throwError } from 'rxjs';
import { ContractApi } from '../../core/api/contract-api.service';

/** A deployed process version, as `POST/GET /api/definitions` return it. */
export interface DeployedDefinition {
  id: string;
  key: string;
  version: number;
  name: string | null;
  executable?: boolean;
  deployedAt?: string;
  deployedBy?: string;
}

/** One compile diagnostic: from POST /api/definitions/validate, or the `details` of a 422 BPMN_INVALID. */
export interface Diagnostic {
  elementId?: string | null;
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** A deploy either stored versions or was refused with the compiler's diagnostics. */
export type DeployOutcome =
  | { kind: 'deployed'; definitions: DeployedDefinition[]; diagnostics: Diagnostic[] }
  | { kind: 'invalid'; diagnostics: Diagnostic[] };

/** A user offered by the 办理人 picker. */
export type PickableUser = Pick<User, 'id' | 'username' | 'displayName' | 'orgId' | 'position'>;

/** The diagnostics of a refused deploy, or null when the failure is something else. */
export function diagnosticsOf(error: unknown): Diagnostic[] | null {
  // Read here rather than through core/http/api-error: sharing that file with the initial bundle
  // would split it into one more initial chunk.
  const body = error instanceof HttpErrorResponse ? (error.error as { code?: unknown; details?: unknown } | null) : null;
  if (!body || typeof body !== 'object' || body.code !== 'BPMN_INVALID') return null;
  const details = body.details;
  if (!Array.isArray(details)) return [];
  return details
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null)
    .map((d) => ({
      elementId: typeof d['elementId'] === 'string' ? d['elementId'] : null,
      severity: d['severity'] === 'warning' ? 'warning' : 'error',
      code: typeof d['code'] === 'string' ? d['code'] : 'BPMN_INVALID',
      message: typeof d['message'] === 'string' ? d['message'] : '',
    }));
}

/** Process definitions (deploy, versions, XML of a version) and the user search of the designer. */
@Injectable({ providedIn: 'root' })
export class DefinitionsApiService {
  private readonly api = inject(ContractApi);

  /**
   * Deploys the XML as a new version of each process key. A 422 BPMN_INVALID is an expected
   * outcome of the designer, not a failure: its diagnostics come back as `invalid` (the error
   * interceptor has shown the Chinese message already). Other errors (413, 403 …) are rethrown.
   */
  deploy(xml: string): Observable<DeployOutcome> {
    return this.api.call('POST /definitions', { body: xml }).pipe(
      map((body): DeployOutcome => ({ kind: 'deployed', definitions: Array.isArray(body) ? body : [body], diagnostics: [] })),
      catchError((error: unknown) => {
        const diagnostics = diagnosticsOf(error);
        return diagnostics ? of<DeployOutcome>({ kind: 'invalid', diagnostics }) : throwError(() => error);
      }),
    );
  }

  /** 校验: what the engine's compiler finds in the XML, each on its element; nothing is stored. */
  validate(xml: string): Observable<Diagnostic[]> {
    return this.api.call('POST /definitions/validate', { body: xml }).pipe(map((body) => body.diagnostics));
  }

  /** The latest version of each key, or every version with `all`. */
  list(all: boolean): Observable<DeployedDefinition[]> {
    return this.api.call('GET /definitions', { query: all ? { all: 'true' } : {} }).pipe(map((body) => body.items));
  }

  /** The BPMN XML a version was deployed from. */
  xml(id: string): Observable<string> {
    return this.api.text('GET /definitions/:id/xml', { params: { id } });
  }

  /** Users matching Chinese, pinyin or initials (`zxm` finds 张晓明). */
  searchUsers(q: string, limit = 20): Observable<PickableUser[]> {
    return this.api.call('GET /users', { query: { q: q.trim(), limit } }).pipe(map((body) => body.items));
  }
}

export function isHttpStatus(error: unknown, status: number): boolean {
  return error instanceof HttpErrorResponse && error.status === status;
}
