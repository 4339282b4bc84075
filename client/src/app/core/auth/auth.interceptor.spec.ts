import { HttpClient, HttpContext, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { SKIP_AUTH_REDIRECT } from '../http/http-context';
import { authInterceptor } from './auth.interceptor';
import { AuthService } from './auth.service';
import { storeSession } from './auth.testing';

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  });

  afterEach(() => http.verify());

  it('should add the bearer token when an /api request is made with a session', () => {
    // Given a stored session
    storeSession('token-xyz');
    // When the app calls the API
    client.get('/api/tasks').subscribe();
    // Then the request carries the token
    expect(http.expectOne('/api/tasks').request.headers.get('Authorization')).toBe('Bearer token-xyz');
  });

  it('should not add a token when the request is not for the API', () => {
    // Given a stored session
    storeSession('token-xyz');
    // When something outside /api is fetched
    client.get('/assets/config.json').subscribe();
    // Then the token is not leaked
    expect(http.expectOne('/assets/config.json').request.headers.has('Authorization')).toBe(false);
  });

  it('should not add a header when there is no session', () => {
    // Given no session, when the API is called, then no Authorization header is sent
    client.get('/api/health').subscribe();
    expect(http.expectOne('/api/health').request.headers.has('Authorization')).toBe(false);
  });

  it('should clear the session and go to /login with the current page when the API answers 401', async () => {
    // Given a signed-in user on some page
    storeSession('token-xyz');
    const auth = TestBed.inject(AuthService);
    const router = TestBed.inject(Router);
    vi.spyOn(router, 'url', 'get').mockReturnValue('/inbox/done');
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    // When the server says the session is gone
    const call = firstValueFrom(client.get('/api/tasks'));
    http.expectOne('/api/tasks').flush({ code: 'AUTH_SESSION_EXPIRED', message: 'Expired' }, { status: 401, statusText: 'Unauthorized' });
    // Then the error still reaches the caller, the session is cleared, and sign-in opens with a way back
    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(auth.token()).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/inbox/done' } });
  });

  it('should not redirect when the request expects a 401 itself', async () => {
    // Given a request marked as handling 401 itself
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate');
    const context = new HttpContext().set(SKIP_AUTH_REDIRECT, true);
    // When it gets 401
    const call = firstValueFrom(client.post('/api/auth/login', {}, { context }));
    http
      .expectOne('/api/auth/login')
      .flush({ code: 'AUTH_INVALID_CREDENTIALS', message: 'x' }, { status: 401, statusText: 'Unauthorized' });
    // Then nobody is redirected
    await expect(call).rejects.toMatchObject({ status: 401 });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('should leave the session alone when the API answers 403', async () => {
    // Given a session
    storeSession('token-xyz');
    const auth = TestBed.inject(AuthService);
    // When a call is forbidden (role missing)
    const call = firstValueFrom(client.get('/api/audit'));
    http.expectOne('/api/audit').flush({ code: 'FORBIDDEN_ROLE', message: 'x' }, { status: 403, statusText: 'Forbidden' });
    await expect(call).rejects.toMatchObject({ status: 403 });
    // Then the user stays signed in
    expect(auth.token()).toBe('token-xyz');
  });
});
