import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { NzMessageService } from 'ng-zorro-antd/message';
import { firstValueFrom } from 'rxjs';
import { errorInterceptor } from './error.interceptor';
import { quietRequest } from './http-context';

describe('errorInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let shown: string[];

  beforeEach(() => {
    localStorage.clear();
    shown = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: NzMessageService, useValue: { error: (text: string) => shown.push(text) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  });

  afterEach(() => http.verify());

  it('should show the Chinese text of the code when an API call fails', async () => {
    // Given an API call
    const call = firstValueFrom(client.get('/api/orgs/x'));
    // When it fails with a known code
    http.expectOne('/api/orgs/x').flush({ code: 'ORG_NOT_FOUND', message: 'Org not found' }, { status: 404, statusText: 'Not Found' });
    // Then the user reads the Chinese text (once the toast's code has loaded) and the caller still gets the error
    await expect(call).rejects.toMatchObject({ status: 404 });
    await vi.waitFor(() => expect(shown).toEqual(['机构不存在']));
  });

  it('should stay silent when the caller handles the error itself', async () => {
    // Given a request marked quiet
    const call = firstValueFrom(client.post('/api/auth/login', {}, { context: quietRequest() }));
    // When it fails
    http
      .expectOne('/api/auth/login')
      .flush({ code: 'AUTH_INVALID_CREDENTIALS', message: 'x' }, { status: 401, statusText: 'Unauthorized' });
    // Then no toast appears
    await expect(call).rejects.toMatchObject({ status: 401 });
    await import('ng-zorro-antd/message');
    expect(shown).toEqual([]);
  });
});
