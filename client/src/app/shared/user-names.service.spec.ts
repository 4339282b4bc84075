import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NAME_PENDING, UserNames } from './user-names.service';

describe('UserNames', () => {
  function setUp() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    return { names: TestBed.inject(UserNames), http: TestBed.inject(HttpTestingController) };
  }

  it('should show a neutral placeholder, never the username, until the name arrives', () => {
    // Given a username not yet looked up
    const { names, http } = setUp();
    // When it is first shown
    const before = names.name('zjj_head');
    // Then the placeholder stands for it, and one search asks for it
    expect(before).toBe(NAME_PENDING);
    expect(names.name('zjj_head')).toBe(NAME_PENDING);
    const req = http.expectOne((r) => r.url === '/api/users');
    // And once the answer arrives the person's name shows
    req.flush({ items: [{ username: 'zjj_head', displayName: '马文斌' }], total: 1 });
    expect(names.name('zjj_head')).toBe('马文斌');
    http.verify();
  });

  it('should fall back to the username when the search does not know it or fails', () => {
    const { names, http } = setUp();
    names.name('ghost');
    names.name('mayor');
    http.expectOne((r) => r.url === '/api/users' && r.params.get('q') === 'ghost').flush({ items: [], total: 0 });
    http.expectOne((r) => r.url === '/api/users' && r.params.get('q') === 'mayor').flush('x', { status: 500, statusText: 'Server Error' });
    expect(names.name('ghost')).toBe('ghost');
    expect(names.name('mayor')).toBe('mayor');
  });

  it('should show a text that is not a username as it is', () => {
    const { names, http } = setUp();
    expect(names.name('张晓明')).toBe('张晓明');
    expect(names.name(null)).toBe('');
    http.verify();
  });
});
