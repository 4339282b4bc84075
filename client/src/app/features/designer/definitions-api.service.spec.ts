import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { DefinitionsApiService } from './definitions-api.service';

const XML = '<bpmn:definitions/>';

describe('DefinitionsApiService', () => {
  let api: DefinitionsApiService;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(DefinitionsApiService);
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('should send the XML as application/xml and return the versions when the deploy succeeds', async () => {
    // Given a deploy in flight
    const outcome = firstValueFrom(api.deploy(XML));
    const req = http.expectOne('/api/definitions');
    // When the server stores one process
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.get('Content-Type')).toBe('application/xml');
    expect(req.request.body).toBe(XML);
    req.flush({ id: 'd1', key: 'leave', version: 1, name: '请假' }, { status: 201, statusText: 'Created' });
    // Then the outcome lists it
    expect(await outcome).toEqual({
      kind: 'deployed',
      definitions: [{ id: 'd1', key: 'leave', version: 1, name: '请假' }],
      diagnostics: [],
    });
  });

  it('should return every version when the file held several processes', async () => {
    // Given a deploy answered with an array
    const outcome = firstValueFrom(api.deploy(XML));
    http.expectOne('/api/definitions').flush([
      { id: 'a', key: 'a', version: 1, name: null },
      { id: 'b', key: 'b', version: 3, name: 'B' },
    ]);
    // Then both are returned
    const result = await outcome;
    expect(result.kind === 'deployed' && result.definitions.map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('should return the diagnostics when the server refuses the model with BPMN_INVALID', async () => {
    // Given a deploy in flight
    const outcome = firstValueFrom(api.deploy(XML));
    // When the compiler refuses it
    http.expectOne('/api/definitions').flush(
      {
        code: 'BPMN_INVALID',
        message: 'The BPMN file cannot be deployed',
        details: [
          { elementId: 'Script_1', severity: 'error', code: 'BPMN_UNSUPPORTED_ELEMENT', message: 'only FEEL' },
          { elementId: null, severity: 'warning', code: 'BPMN_STRUCTURE', message: 'file-level' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    // Then the outcome carries the diagnostics instead of an error
    expect(await outcome).toEqual({
      kind: 'invalid',
      diagnostics: [
        { elementId: 'Script_1', severity: 'error', code: 'BPMN_UNSUPPORTED_ELEMENT', message: 'only FEEL' },
        { elementId: null, severity: 'warning', code: 'BPMN_STRUCTURE', message: 'file-level' },
      ],
    });
  });

  it('should send the XML to the compiler and return its diagnostics when validating', async () => {
    // Given a validation in flight
    const found = firstValueFrom(api.validate(XML));
    const req = http.expectOne('/api/definitions/validate');
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.get('Content-Type')).toBe('application/xml');
    expect(req.request.body).toBe(XML);
    // When the server answers 200 with a finding
    req.flush({ diagnostics: [{ elementId: 'Flow_1', severity: 'error', code: 'BPMN_DANGLING_REFERENCE', message: 'no target' }] });
    // Then the finding is returned on its element
    expect(await found).toEqual([{ elementId: 'Flow_1', severity: 'error', code: 'BPMN_DANGLING_REFERENCE', message: 'no target' }]);
  });

  it('should fail when the server answers 413', async () => {
    // Given a deploy in flight
    const outcome = firstValueFrom(api.deploy(XML));
    // When the file is too large
    http
      .expectOne('/api/definitions')
      .flush({ code: 'PAYLOAD_TOO_LARGE', message: 'too large' }, { status: 413, statusText: 'Payload Too Large' });
    // Then the caller gets the error (the interceptor shows its Chinese text)
    await expect(outcome).rejects.toMatchObject({ status: 413 });
  });

  it('should ask for every version and accept {items} when listing all', async () => {
    // Given the versions list with all=true
    const rows = firstValueFrom(api.list(true));
    const req = http.expectOne((r) => r.url === '/api/definitions');
    expect(req.request.params.get('all')).toBe('true');
    // When the server answers {items}
    req.flush({ items: [{ id: 'd1', key: 'k', version: 2, name: null }] });
    // Then the rows are returned
    expect((await rows).map((r) => r.version)).toEqual([2]);
  });

  it('should ask for the latest versions only when listing without all', async () => {
    // Given the list without all
    const rows = firstValueFrom(api.list(false));
    const req = http.expectOne('/api/definitions');
    expect(req.request.params.has('all')).toBe(false);
    // When the server answers its {items}
    req.flush({ items: [{ id: 'd1', key: 'k', version: 1, name: null }] });
    // Then they are returned
    expect((await rows).length).toBe(1);
  });

  it('should fetch the XML of a version as text when opening it', async () => {
    // Given a version id
    const xml = firstValueFrom(api.xml('d 1'));
    // When the server answers
    const req = http.expectOne('/api/definitions/d%201/xml');
    expect(req.request.responseType).toBe('text');
    req.flush(XML);
    // Then the XML is returned
    expect(await xml).toBe(XML);
  });

  it('should search users by the typed text when the picker asks', async () => {
    // Given pinyin initials
    const users = firstValueFrom(api.searchUsers(' zxm '));
    const req = http.expectOne((r) => r.url === '/api/users');
    expect(req.request.params.get('q')).toBe('zxm');
    // When the server finds 张晓明
    req.flush({ items: [{ id: 'u1', username: 'clerk', displayName: '张晓明', orgId: 'o', position: '文书' }], total: 1 });
    // Then the user is offered
    expect((await users)[0].displayName).toBe('张晓明');
  });
});
