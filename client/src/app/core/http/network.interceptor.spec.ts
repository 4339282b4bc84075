import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { Connectivity } from './connectivity.service';
import { networkInterceptor } from './network.interceptor';

describe('networkInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let connectivity: Connectivity;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([networkInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    connectivity = TestBed.inject(Connectivity);
  });

  afterEach(() => {
    http.verify();
    vi.useRealTimers();
  });

  const networkDown = () => new ProgressEvent('error');

  it('should mark the app offline and retry a read until the server answers, then mark it online', async () => {
    // Given a read
    const read = firstValueFrom(client.get<{ items: number[] }>('/api/tasks'));
    // When the network is down for it
    http.expectOne('/api/tasks').error(networkDown());
    // Then the app is offline, and the read is tried again after a pause
    expect(connectivity.offline()).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    // When the server answers the retry
    http.expectOne('/api/tasks').flush({ items: [1] });
    // Then the caller gets the data and the app is online again
    await expect(read).resolves.toEqual({ items: [1] });
    expect(connectivity.offline()).toBe(false);
  });

  it('should never repeat a write, and pass its failure on', async () => {
    // Given a write
    const write = firstValueFrom(client.post('/api/tasks/t1/complete', {}));
    // When the network is down for it
    http.expectOne('/api/tasks/t1/complete').error(networkDown());
    // Then the caller gets the failure, and no second request is made
    await expect(write).rejects.toMatchObject({ status: 0 });
    await vi.advanceTimersByTimeAsync(10_000);
    http.expectNone('/api/tasks/t1/complete');
    expect(connectivity.offline()).toBe(true);
  });

  it('should not retry a server error, which means the network is there', async () => {
    // Given a read that fails with 500
    const read = firstValueFrom(client.get('/api/tasks'));
    http.expectOne('/api/tasks').flush({ code: 'INTERNAL', message: 'x' }, { status: 500, statusText: 'Server Error' });
    // Then the caller gets it at once, and the app is online
    await expect(read).rejects.toMatchObject({ status: 500 });
    expect(connectivity.offline()).toBe(false);
  });
});
