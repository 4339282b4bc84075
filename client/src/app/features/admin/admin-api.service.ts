import { HttpClient, HttpContext, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
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
import { SKIP_ERROR_MESSAGE } from '../../core/http/http-context';

/** The caller shows the error inline (a form in a modal); a 401 still leads to the sign-in page. */
const OWN_ERRORS = () => new HttpContext().set(SKIP_ERROR_MESSAGE, true);

/** Organizations, users, roles and the working-day calendar (libs/contracts org.ts, calendar.ts). */
@Injectable({ providedIn: 'root' })
export class AdminApiService {
  private readonly http = inject(HttpClient);

  orgs(): Observable<Org[]> {
    return this.http.get<{ items: Org[] }>('/api/orgs').pipe(map((list) => list.items));
  }

  createOrg(body: CreateOrg): Observable<Org> {
    return this.http.post<Org>('/api/orgs', body, { context: OWN_ERRORS() });
  }

  updateOrg(id: string, body: UpdateOrg): Observable<Org> {
    return this.http.patch<Org>(`/api/orgs/${encodeURIComponent(id)}`, body, { context: OWN_ERRORS() });
  }

  users(query: { q?: string; orgId?: string; offset?: number; limit?: number }): Observable<UserList> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params = params.set(key, String(value));
    return this.http.get<UserList>('/api/users', { params });
  }

  createUser(body: CreateUser): Observable<User> {
    return this.http.post<User>('/api/users', body, { context: OWN_ERRORS() });
  }

  updateUser(id: string, body: UpdateUser): Observable<User> {
    return this.http.patch<User>(`/api/users/${encodeURIComponent(id)}`, body, { context: OWN_ERRORS() });
  }

  setEnabled(id: string, enabled: boolean): Observable<User> {
    return this.http.post<User>(`/api/users/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`, {});
  }

  setRoles(id: string, roles: Role[]): Observable<User> {
    return this.http.put<User>(`/api/users/${encodeURIComponent(id)}/roles`, { roles }, { context: OWN_ERRORS() });
  }

  calendar(year: number): Observable<CalendarYear> {
    return this.http.get<CalendarYear>('/api/calendar', { params: { year: String(year) } });
  }

  /** The server's change log of the calendar, newest first. */
  calendarChanges(limit: number): Observable<CalendarChangeList> {
    return this.http.get<CalendarChangeList>('/api/calendar/changes', { params: { limit: String(limit) } });
  }

  setDay(day: string, body: SetCalendarDay): Observable<CalendarDayStatus> {
    return this.http.put<CalendarDayStatus>(`/api/calendar/days/${day}`, body, { context: OWN_ERRORS() });
  }

  removeDay(day: string): Observable<CalendarDayStatus> {
    return this.http.delete<CalendarDayStatus>(`/api/calendar/days/${day}`, { context: OWN_ERRORS() });
  }

  importYear(year: number, body: ImportCalendarYear): Observable<CalendarYear> {
    return this.http.post<CalendarYear>(`/api/calendar/years/${year}/import`, body, { context: OWN_ERRORS() });
  }
}
