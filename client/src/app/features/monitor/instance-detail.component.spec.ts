import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { InstanceDetailComponent } from './instance-detail.component';

const INSTANCE = {
  id: 'i1',
  definitionId: 'd1',
  definitionKey: 'e2e_timer',
  version: 1,
  businessKey: null,
  parentId: null,
  initiator: 'clerk',
  status: 'active',
  activeElementIds: ['Wait_1'],
  variables: { title: '提醒' },
  incidents: [{ id: 'inc1', elementId: 'Call_1', code: 'JOB_FAILED', message: 'boom', source: 'job' }],
  startedAt: '2026-11-27T08:00:00Z',
  endedAt: null,
};
const JOB = {
  id: 'j1',
  type: 'timer',
  instanceId: 'i1',
  elementId: 'Wait_1',
  dueAt: '2026-11-28T08:00:00Z',
  status: 'pending',
  attempts: 0,
  lastError: null,
};

describe('InstanceDetailComponent', () => {
  let fixture: ComponentFixture<InstanceDetailComponent>;
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise((r) => setTimeout(r));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  /** Answers the requests the drawer makes to show one instance. */
  async function answerLoad(jobStatus = 'pending'): Promise<void> {
    await settle();
    http.expectOne('/api/instances/i1').flush(INSTANCE);
    http.expectOne('/api/instances/i1/history').flush({ items: [] });
    http.expectOne((r) => r.url === '/api/jobs').flush({ items: [{ ...JOB, status: jobStatus }] });
    await settle();
    http.expectOne((r) => r.url === '/api/tasks' && r.params.get('instanceId') === 'i1').flush({ items: [], total: 0 });
    await settle();
    http.match('/api/definitions/d1/xml').forEach((r) => r.flush('<definitions/>'));
    await settle();
  }

  async function render(): Promise<HTMLElement> {
    fixture = TestBed.createComponent(InstanceDetailComponent);
    fixture.componentRef.setInput('instanceId', 'i1');
    fixture.detectChanges();
    await answerLoad();
    return fixture.nativeElement as HTMLElement;
  }

  it('should run a pending job now and show it done when the admin clicks 立即执行', async () => {
    // Given the instance with a pending timer job
    const root = await render();
    const run = Array.from(root.querySelectorAll<HTMLButtonElement>('table.jobs button')).find((b) => b.textContent?.includes('立即执行'));
    expect(run).toBeDefined();
    // When the admin runs it
    run?.click();
    http.expectOne('/api/jobs/j1/execute').flush({ ...JOB, status: 'done' });
    await answerLoad('done');
    // Then the job shows as done and can no longer be run
    expect(root.querySelector('[data-testid="job-status"]')?.getAttribute('data-status')).toBe('done');
    expect(root.querySelector('table.jobs button')).toBeNull();
  });

  it('should retry an incident when the admin asks', async () => {
    // Given an instance with an incident, when the admin retries it
    const root = await render();
    (root.querySelector('[data-incident-id="inc1"] button') as HTMLButtonElement).click();
    // Then the retry endpoint of that incident is called
    http.expectOne('/api/instances/i1/incidents/inc1/retry').flush(INSTANCE);
    await answerLoad();
  });

  it('should terminate only with a reason, and send the reason', async () => {
    // Given the running instance
    const root = await render();
    const terminate = root.querySelector('[data-action="terminate"]') as HTMLButtonElement;
    // Then terminating needs a reason first
    expect(terminate.disabled).toBe(true);
    // When a reason is written and the admin terminates
    const reason = root.querySelector('[data-testid="intervene-reason"]') as HTMLTextAreaElement;
    reason.value = '重复发起';
    reason.dispatchEvent(new Event('input'));
    await settle();
    expect(terminate.disabled).toBe(false);
    terminate.click();
    // Then the intervention goes out with the reason
    const request = http.expectOne('/api/instances/i1/terminate');
    expect(request.request.body).toEqual({ reason: '重复发起' });
    request.flush({ ...INSTANCE, status: 'terminated' });
  });
});
