import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CcCopy, InstanceSummary, Task } from '@liuzhuan/contracts';
import { signal } from '@angular/core';
import type { Notification } from '@liuzhuan/contracts';
import { Subject, filter } from 'rxjs';
import { AuthService } from '../../core/auth/auth.service';
import { NotificationStream } from '../../core/notifications/notification-stream.service';
import InboxPage from './inbox.page';

function task(id: string, overrides: Partial<Task> = {}): Task {
  return {
    id,
    instanceId: `i-${id}`,
    definitionKey: 'incoming',
    elementId: 'Handle',
    name: '承办',
    assignee: 'clerk',
    candidateUsers: [],
    candidateGroups: [],
    status: 'open',
    formKey: null,
    dueAt: null,
    createdAt: '2026-11-26T08:00:00Z',
    openedAt: null,
    completedAt: null,
    completedBy: null,
    ...overrides,
  };
}

describe('InboxPage', () => {
  /** Stands in for the server-sent event stream (outside this component's test). */
  const notifications = new Subject<Notification>();

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: NotificationStream,
          useValue: { ofKind: (...kinds: string[]) => notifications.pipe(filter((n) => kinds.includes(n.kind))), connected: signal(true) },
        },
      ],
    });
  });

  /** The 待办 request (mine and claimable, server-side filters and paging). */
  const inboxRequest = (r: { url: string; params: { get(k: string): string | null } }) =>
    r.url === '/api/tasks' && r.params.get('assignee') === 'me' && r.params.get('candidate') === 'me' && r.params.get('status') === 'open';

  async function render(
    view?: 'inbox' | 'cc',
    tasks: Task[] = [],
    total = tasks.length,
  ): Promise<{ root: HTMLElement; http: HttpTestingController; fixture: { detectChanges(): void; whenStable(): Promise<unknown> } }> {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(InboxPage);
    if (view) fixture.componentRef.setInput('view', view);
    fixture.detectChanges();
    await fixture.whenStable();
    if (view === 'cc') {
      http.expectOne((r) => r.url === '/api/cc').flush({ items: [], total: 0 });
    } else {
      http.expectOne('/api/orgs').flush({ items: [{ id: 'o1', name: '市政府办公室', sortOrder: 1 }] });
      // one request: the server joins the matter (title, urgency, initiator): no instance is read
      const req = http.expectOne(inboxRequest);
      expect(req.request.params.get('sort')).toBe('due');
      expect(req.request.params.get('limit')).toBe('20');
      req.flush({ items: tasks, total });
    }
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    http.expectNone((r) => r.url.startsWith('/api/instances'));
    return { root: fixture.nativeElement as HTMLElement, http, fixture };
  }

  it('should show the task columns and 暂无待办事项 when there are no tasks', async () => {
    // Given no tasks, when the 待办 view renders
    const { root } = await render('inbox');
    // Then the columns and the empty state are shown
    const headers = Array.from(root.querySelectorAll('th')).map((th) => th.textContent?.trim());
    expect(headers).toEqual(['标题', '类型', '当前环节', '紧急程度', '办理期限', '发起人']);
    expect(root.textContent).toContain('暂无待办事项');
    expect(root.querySelector('h1')?.textContent).toBe('待办');
  });

  it('should show an error with 重试 instead of the empty picture when the server fails, and the list after a retry', async () => {
    // Given the 待办 view whose request fails with 500
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(InboxPage);
    fixture.detectChanges();
    await fixture.whenStable();
    const root = fixture.nativeElement as HTMLElement;
    // Then, while it loads, a skeleton and no empty picture
    expect(root.querySelector('[data-testid="inbox-skeleton"]')).not.toBeNull();
    http.expectOne('/api/orgs').flush({ items: [] });
    http.expectOne(inboxRequest).flush({ code: 'INTERNAL_ERROR', message: 'x' }, { status: 500, statusText: 'Server Error' });
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    // Then the error state, no empty text, no count
    expect(root.querySelector('[data-testid="error-state"]')).not.toBeNull();
    expect(root.textContent).not.toContain('暂无待办事项');
    expect(root.querySelector('[data-testid="inbox-count"]')).toBeNull();
    // When the user retries and the server answers
    (root.querySelector('[data-testid="retry"]') as HTMLButtonElement).click();
    http
      .expectOne(inboxRequest)
      .flush({ items: [task('t1', { title: '关于防汛工作的通知', urgeCount: 2, lastUrgedAt: '2026-12-01T08:00:00Z' })], total: 1 });
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    // Then the list, its urged task tagged 已催办 ×2
    expect(root.querySelector('[data-testid="error-state"]')).toBeNull();
    expect(root.querySelector('[data-testid="urged-tag"]')?.textContent).toContain('已催办 ×2');
  });

  it('should name the view in title and empty text when another view is routed', async () => {
    // Given the 抄送我的 view, when it renders, then title and empty text follow it
    const { root } = await render('cc');
    expect(root.querySelector('h1')?.textContent).toBe('抄送我的');
    expect(root.textContent).toContain('暂无抄送我的事项');
  });

  it('should list open tasks with their titles, mark overdue and 特急 ones and link to the task page', async () => {
    // Given an overdue 特急 task and one without a deadline
    const overdue = task('t1', {
      dueAt: '2020-01-01T00:00:00Z',
      title: '关于防汛工作的通知',
      urgency: 'EXTRA_URGENT',
      docType: 'GW08',
      initiator: 'head',
    });
    const calm = task('t2', { name: '拟办', title: null });
    // When the 待办 view renders with the server's order (by due date)
    const { root } = await render('inbox', [overdue, calm]);
    // Then the overdue one comes first, highlighted, with the urgency tag, its 文种 and a link
    const rows = Array.from(root.querySelectorAll('tbody tr[data-row-id]'));
    expect(rows.map((r) => r.getAttribute('data-row-id'))).toEqual(['t1', 't2']);
    expect(rows[0].classList).toContain('overdue');
    expect(rows[0].textContent).toContain('特急');
    expect(rows[0].textContent).toContain('已超期');
    expect(rows[0].textContent).toContain('关于防汛工作的通知');
    expect(rows[0].textContent).toContain('通知');
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/tasks/t1');
    expect(root.querySelector('[data-testid="inbox-count"]')?.textContent).toContain('共 2 项');
  });

  it('should count from the total, page, search and filter through the server', async () => {
    // Given a first page of 20 out of 45 tasks
    const page = Array.from({ length: 20 }, (_, i) => task(`p${i}`, { title: `事项${i}` }));
    const { root, http, fixture } = await render('inbox', page, 45);
    expect(root.querySelector('[data-testid="inbox-count"]')?.textContent).toContain('共 45 项');
    // When the user types pinyin initials in the search box
    const search = root.querySelector('input[type="search"]') as HTMLInputElement;
    search.value = 'fxgz';
    search.dispatchEvent(new Event('input'));
    fixture.detectChanges();
    http.expectNone(inboxRequest); // not at every keystroke
    await new Promise((r) => setTimeout(r, 350));
    // Then the server is asked for the first page with q
    const searched = http.expectOne(inboxRequest);
    expect(searched.request.params.get('q')).toBe('fxgz');
    expect(searched.request.params.get('offset')).toBe('0');
    searched.flush({ items: [task('t1', { title: '关于做好防汛工作的通知' })], total: 1 });
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    expect(root.textContent).toContain('关于做好防汛工作的通知');
    expect(root.querySelector('[data-testid="inbox-count"]')?.textContent).toContain('共 1 项');
  });

  it('should show 我发起的 and 抄送 rows from their lists alone, reading no instance one by one', async () => {
    // Given a signed-in clerk, an instance of a 公文 they started and a copy of a plain process sent to them
    TestBed.overrideProvider(AuthService, { useValue: { user: signal({ username: 'clerk' }) } });
    const http = TestBed.inject(HttpTestingController);
    const started: InstanceSummary = {
      id: 'i1',
      definitionId: 'd1',
      definitionKey: 'incoming',
      version: 1,
      businessKey: 'SW-1',
      parentId: null,
      initiator: 'clerk',
      status: 'active',
      startedAt: '2026-11-26T08:00:00Z',
      endedAt: null,
      title: '关于防汛工作的通知',
      docType: 'GW08',
      urgency: 'EXTRA_URGENT',
    };
    const copy: CcCopy = {
      id: 'c1',
      instanceId: 'i2',
      taskId: 't2',
      recipient: 'clerk',
      sender: 'head',
      note: '请阅知',
      createdAt: '2026-11-26T09:00:00Z',
      readAt: null,
      definitionKey: 'contract',
      businessKey: null,
      title: '关于冬季供暖的请示',
      docType: '请示',
      urgency: '加急',
    };
    const show = async (view: 'started' | 'cc', respond: () => void) => {
      const fixture = TestBed.createComponent(InboxPage);
      fixture.componentRef.setInput('view', view);
      fixture.detectChanges();
      await fixture.whenStable();
      respond();
      await new Promise((r) => setTimeout(r));
      await fixture.whenStable();
      fixture.detectChanges();
      return fixture.nativeElement as HTMLElement;
    };
    // When the 我发起的 and 抄送我的 views render from their lists
    const mine = await show('started', () => http.expectOne((r) => r.url === '/api/instances').flush({ items: [started], total: 1 }));
    const copies = await show('cc', () => http.expectOne((r) => r.url === '/api/cc').flush({ items: [copy], total: 1 }));
    // Then each row names its matter, 文种 and urgency from the list, and no instance is read
    http.expectNone((r) => r.url.startsWith('/api/instances/'));
    const row = (root: HTMLElement, id: string) => root.querySelector(`tbody tr[data-row-id="${id}"]`)?.textContent ?? '';
    expect(row(mine, 'i1')).toContain('关于防汛工作的通知');
    expect(row(mine, 'i1')).toContain('通知');
    expect(row(mine, 'i1')).toContain('特急');
    expect(row(copies, 'c1')).toContain('关于冬季供暖的请示');
    expect(row(copies, 'c1')).toContain('请示');
    expect(row(copies, 'c1')).toContain('加急');
  });

  it('should reload the list when a task.assigned notification arrives', async () => {
    // Given an empty 待办
    const { root, http } = await render('inbox');
    // When the stream brings a new task for the user
    notifications.next({ kind: 'task.assigned', title: '新待办' } as Notification);
    await new Promise((r) => setTimeout(r, 400));
    // Then the inbox asks for its tasks again and shows the new one
    http.expectOne(inboxRequest).flush({ items: [task('t9', { title: '关于冬季供暖的请示' })], total: 1 });
    await new Promise((r) => setTimeout(r, 50));
    TestBed.tick();
    expect(root.textContent).toContain('关于冬季供暖的请示');
  });
});
