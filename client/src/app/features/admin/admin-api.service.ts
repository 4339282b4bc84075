import { HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApiKey,
  Clearance,
  CalendarChangeList,
  CalendarDayStatus,
  CalendarYear,
  ChangeClassification,
  ClassificationChange,
  CreateApiKey,
  CreateOrg,
  CreatedUser,
  CreateUser,
  ImportCalendarYear,
  IssuedApiKey,
  Org,
  PasswordReset,
  Role,
  SetCalendarDay,
  UpdateOrg,
  UpdateUser,
  User,
  UserList,
} from '@liuzhuan/contracts';
import { Observable, map } from 'rxjs';
import { ContractApi } from '../../core/api/contract-api.service';
import { SKIP_ERROR_MESSAGE } from '../../core/http/http-context';

/** The caller shows the error inline (a form in a modal); a 401 still leads to the sign-in page. */
const OWN_ERRORS = () => new HttpContext().set(SKIP_ERROR_MESSAGE, true);

/** Organizations, users, roles, the working-day calendar and workers' API keys (libs/contracts org.ts, calendar.ts, runtime.ts). */
@Injectable({ providedIn: 'root' })
export class AdminApiService {
  private readonly api = inject(ContractApi);

  orgs(): Observable<Org[]> {
    return this.api.call('GET /orgs').pipe(map((list) => list.items));
  }

  createOrg(body: CreateOrg): Observable<Org> {
    return this.api.call('POST /orgs', { body, context: OWN_ERRORS() });
  }

  updateOrg(id: string, body: UpdateOrg): Observable<Org> {
    return this.api.call('PATCH /orgs/:id', { params: { id }, body, context: OWN_ERRORS() });
  }

  users(query: { q?: string; orgId?: string; offset?: number; limit?: number }): Observable<UserList> {
    // an empty search box asks for every user
    return this.api.call('GET /users', { query: { ...query, q: query.q || undefined, orgId: query.orgId || undefined } });
  }

  /** The answer carries the one-time initial password: show it once, keep it nowhere. */
  createUser(body: CreateUser): Observable<CreatedUser> {
    return this.api.call('POST /users', { body, context: OWN_ERRORS() });
  }

  updateUser(id: string, body: UpdateUser): Observable<User> {
    return this.api.call('PATCH /users/:id', { params: { id }, body, context: OWN_ERRORS() });
  }

  setEnabled(id: string, enabled: boolean): Observable<User> {
    return enabled
      ? this.api.call('POST /users/:id/enable', { params: { id } })
      : this.api.call('POST /users/:id/disable', { params: { id } });
  }

  setRoles(id: string, roles: Role[]): Observable<User> {
    return this.api.call('PUT /users/:id/roles', { params: { id }, body: { roles }, context: OWN_ERRORS() });
  }

  /** Groups carry approval authority: the security admin's. */
  setGroups(id: string, groups: string[]): Observable<User> {
    return this.api.call('PUT /users/:id/groups', { params: { id }, body: { groups }, context: OWN_ERRORS() });
  }

  /** The security admin's reset: a temporary password, shown once; the user's sessions end. */
  resetPassword(id: string): Observable<PasswordReset> {
    return this.api.call('POST /users/:id/password-reset', { params: { id } });
  }

  /** The security admin's reset of a user's second factor: they enrol again at the next sign-in; their sessions end. */
  /** The security admin ends a lock from failed sign-ins before its time. */
  unlock(id: string): Observable<void> {
    return this.api.call('POST /users/:id/unlock', { params: { id } });
  }

  resetTotp(id: string): Observable<void> {
    return this.api.call('POST /users/:id/totp-reset', { params: { id } });
  }

  /** 涉密等级: the security admin's, never on their own account. */
  setClearance(id: string, clearance: Clearance): Observable<User> {
    return this.api.call('PUT /users/:id/clearance', { params: { id }, body: { clearance }, context: OWN_ERRORS() });
  }

  calendar(year: number): Observable<CalendarYear> {
    return this.api.call('GET /calendar', { query: { year } });
  }

  /** The server's change log of the calendar, newest first. */
  calendarChanges(limit: number): Observable<CalendarChangeList> {
    return this.api.call('GET /calendar/changes', { query: { limit: String(limit) } });
  }

  setDay(day: string, body: SetCalendarDay): Observable<CalendarDayStatus> {
    return this.api.call('PUT /calendar/days/:day', { params: { day }, body, context: OWN_ERRORS() });
  }

  removeDay(day: string): Observable<CalendarDayStatus> {
    return this.api.call('DELETE /calendar/days/:day', { params: { day }, context: OWN_ERRORS() });
  }

  importYear(year: number, body: ImportCalendarYear): Observable<CalendarYear> {
    return this.api.call('POST /calendar/years/:year/import', { params: { year: String(year) }, body, context: OWN_ERRORS() });
  }

  apiKeys(): Observable<ApiKey[]> {
    return this.api.call('GET /api-keys').pipe(map((list) => list.items));
  }

  /** The answer carries the key itself, the only time it is ever shown. */
  issueApiKey(body: CreateApiKey): Observable<IssuedApiKey> {
    return this.api.call('POST /api-keys', { body, context: OWN_ERRORS() });
  }

  revokeApiKey(id: string): Observable<ApiKey> {
    return this.api.call('DELETE /api-keys/:id', { params: { id } });
  }

  /** 变更密级 (security admin): needs no read access to the document; the form shows refusals inline. */
  changeClassification(id: string, body: ChangeClassification): Observable<ClassificationChange> {
    return this.api.call('POST /documents/:id/classification', { params: { id }, body, context: OWN_ERRORS() });
  }
}
