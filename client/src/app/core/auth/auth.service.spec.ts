import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { authInterceptor } from './auth.interceptor';
import { AuthService, SESSION_STORAGE_KEY } from './auth.service';
import { loginResponse, sessionUser, storeSession } from './auth.testing';

describe('AuthService', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should store the token and expose the user when login succeeds', async () => {
    // Given a signed-out service
    const auth = TestBed.inject(AuthService);
    // When the server accepts the credentials
    const login = auth.login('clerk', 'Liuzhuan@2026');
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ username: 'clerk', password: 'Liuzhuan@2026' });
    request.flush(loginResponse());
    const user = await login;
    // Then the user is signed in and the token is kept for this tab
    expect(user.displayName).toBe('张文书');
    expect(auth.user()?.username).toBe('clerk');
    expect(auth.token()).toBe('token-123');
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? '{}').accessToken).toBe('token-123');
  });

  it('should stay signed out and reject when the credentials are wrong', async () => {
    // Given a signed-out service
    const auth = TestBed.inject(AuthService);
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate');
    // When the server answers 401 AUTH_INVALID_CREDENTIALS
    const login = auth.login('clerk', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush({ code: 'AUTH_INVALID_CREDENTIALS', message: 'Invalid' }, { status: 401, statusText: 'Unauthorized' });
    // Then the promise rejects with the API error, nothing is stored, and no redirect happens
    await expect(login).rejects.toMatchObject({ status: 401, error: { code: 'AUTH_INVALID_CREDENTIALS' } });
    expect(auth.user()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('should restore the user from /api/auth/me when a token is stored', async () => {
    // Given a token from earlier in this tab
    storeSession('token-abc');
    const auth = TestBed.inject(AuthService);
    // When the app starts
    const restore = auth.restore();
    const request = http.expectOne('/api/auth/me');
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-abc');
    request.flush(sessionUser({ displayName: '李市长', roles: ['leader'] }));
    await restore;
    // Then the user is signed in again
    expect(auth.user()?.displayName).toBe('李市长');
    expect(auth.signedIn()).toBe(true);
  });

  it('should clear the session when /api/auth/me answers 401', async () => {
    // Given a stored token the server no longer accepts
    storeSession('revoked');
    const auth = TestBed.inject(AuthService);
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate');
    // When the app starts
    const restore = auth.restore();
    http.expectOne('/api/auth/me').flush({ code: 'AUTH_SESSION_EXPIRED', message: 'Expired' }, { status: 401, statusText: 'Unauthorized' });
    await restore;
    // Then the session is forgotten, and the guards (not the restore) decide where to go
    expect(auth.user()).toBeNull();
    expect(auth.token()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('should not call the server when the stored token has expired', async () => {
    // Given a token past its expiry
    storeSession('old', new Date(Date.now() - 1000));
    const auth = TestBed.inject(AuthService);
    // When the app starts
    await auth.restore();
    // Then no request is made and the session is cleared
    http.expectNone('/api/auth/me');
    expect(auth.token()).toBeNull();
  });

  it('should tell the server, forget the session and go to /login when logging out', async () => {
    // Given a signed-in user
    const auth = TestBed.inject(AuthService);
    const login = auth.login('clerk', 'Liuzhuan@2026');
    http.expectOne('/api/auth/login').flush(loginResponse());
    await login;
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    // When they log out
    const logout = auth.logout();
    const request = http.expectOne('/api/auth/logout');
    expect(request.request.headers.get('Authorization')).toBe('Bearer token-123');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await logout;
    // Then the session is gone and the sign-in page opens
    expect(auth.user()).toBeNull();
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login']);
  });
});
