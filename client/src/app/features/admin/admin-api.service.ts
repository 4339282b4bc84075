import { HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Clearance,
  CalendarChangeList,
  CalendarDayStatus,
  CalendarYear,
  CreateOrg,
  CreateUser,
  ImportCalendarYear,
  Org,
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

/** Organizations, users, roles and the working-day calendar (libs/contracts org.ts, calendar.ts). */
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

  createUser(body: CreateUser): Observable<User> {
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
}
