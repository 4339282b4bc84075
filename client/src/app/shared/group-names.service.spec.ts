import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { SessionUser } from '@liuzhuan/contracts';
import { AuthService } from '../core/auth/auth.service';
import { candidateNames, GroupNames } from './group-names.service';
import { UserNames } from './user-names.service';

describe('GroupNames', () => {
  let names: GroupNames;
  let http: HttpTestingController;
  const user = signal<Pick<SessionUser, 'username'> | null>({ username: 'clerk' });

  beforeEach(() => {
    user.set({ username: 'clerk' });
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), { provide: AuthService, useValue: { user } }],
    });
    names = TestBed.inject(GroupNames);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('should show a group by the name the server gives, reading the list once per session', () => {
    // Given the code asked for before the list arrived
    expect(names.name('office-clerks')).toBe('office-clerks');
    // When the server answers (one request, however many names are asked for meanwhile)
    expect(names.name('city-leaders')).toBe('city-leaders');
    http.expectOne('/api/org/groups').flush([
      { id: 'office-clerks', name: '市政府办公室文书' },
      { id: 'city-leaders', name: '市政府领导' },
    ]);
    // Then the names, with no second request; an unknown code stays as it is
    expect(names.name('office-clerks')).toBe('市政府办公室文书');
    expect(names.name('city-leaders')).toBe('市政府领导');
    expect(names.name('new-group')).toBe('new-group');
    http.expectNone('/api/org/groups');
  });

  it('should read the names again for a new session, and not before anyone signed in', () => {
    // Given nobody signed in
    user.set(null);
    expect(names.name('office-clerks')).toBe('office-clerks');
    http.expectNone('/api/org/groups');
    // When one user signs in, then another
    user.set({ username: 'clerk' });
    names.name('office-clerks');
    http.expectOne('/api/org/groups').flush([{ id: 'office-clerks', name: '办公室文书' }]);
    user.set({ username: 'head' });
    names.name('office-clerks');
    http.expectOne('/api/org/groups').flush([{ id: 'office-clerks', name: '市政府办公室文书' }]);
    // Then the second session's names
    expect(names.name('office-clerks')).toBe('市政府办公室文书');
  });

  it('should keep showing the code when the list cannot be read', () => {
    // When the server fails
    names.name('office-clerks');
    http.expectOne('/api/org/groups').flush({ code: 'INTERNAL' }, { status: 500, statusText: 'Server Error' });
    // Then the code, and no error for the user
    expect(names.name('office-clerks')).toBe('office-clerks');
  });

  it('should name the candidates of a task, people first, then groups', () => {
    // Given the names known
    names.name('office-leaders');
    http.expectOne('/api/org/groups').flush([{ id: 'office-leaders', name: '市政府办公室领导' }]);
    const users = { name: (u: string) => (u === 'clerk' ? '张晓明' : u) } as UserNames;
    // When / then
    expect(candidateNames({ candidateUsers: ['clerk'], candidateGroups: ['office-leaders'] }, users, names)).toBe(
      '张晓明、市政府办公室领导',
    );
  });
});
