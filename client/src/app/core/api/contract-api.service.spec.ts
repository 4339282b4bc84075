import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { ContractApi, contractUrl } from './contract-api.service';

describe('ContractApi', () => {
  let api: ContractApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ContractApi);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('should fill and encode the path parameters when a route has them', () => {
    // Given a route with two parameters, when its URL is built, then each is encoded under /api
    expect(contractUrl('/instances/:id/incidents/:incidentId/retry', { id: 'a/b', incidentId: 'c d' })).toBe(
      '/api/instances/a%2Fb/incidents/c%20d/retry',
    );
    expect(() => contractUrl('/tasks/:id')).toThrow(/missing path parameter id/);
  });

  it('should send the method, the query without empty values and the JSON body when a route is called', async () => {
    // Given a typed call of GET /tasks with a query and of POST /tasks/:id/complete with a body
    const list = firstValueFrom(api.call('GET /tasks', { query: { assignee: 'me', status: 'open', limit: 20, q: undefined } }));
    const listed = http.expectOne((r) => r.url === '/api/tasks');
    // Then the request carries only the given values, and the answer comes back as the contract types it
    expect(listed.request.method).toBe('GET');
    expect(listed.request.params.keys().sort()).toEqual(['assignee', 'limit', 'status']);
    expect(listed.request.params.get('limit')).toBe('20');
    listed.flush({ items: [], total: 0 });
    expect((await list).total).toBe(0);

    const done = firstValueFrom(api.call('POST /tasks/:id/complete', { params: { id: 't1' }, body: { opinion: '同意' } }));
    const completed = http.expectOne('/api/tasks/t1/complete');
    expect(completed.request.method).toBe('POST');
    expect(completed.request.body).toEqual({ opinion: '同意' });
    completed.flush({ id: 't1' });
    await done;
  });

  it('should send a string body as application/xml when the route takes XML', async () => {
    // Given a validation of BPMN XML, when it is sent, then the content type is XML
    const found = firstValueFrom(api.call('POST /definitions/validate', { body: '<definitions/>' }));
    const req = http.expectOne('/api/definitions/validate');
    expect(req.request.headers.get('Content-Type')).toBe('application/xml');
    req.flush({ diagnostics: [] });
    expect(await found).toEqual({ diagnostics: [] });
  });
});
