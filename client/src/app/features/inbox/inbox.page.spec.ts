import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Task } from '@liuzhuan/contracts';
import { signal } from '@angular/core';
import type { Notification } from '@liuzhuan/contracts';
import { Subject, filter } from 'rxjs';
import { NotificationStream } from '../../core/notifications/notification-stream.service';
import InboxPage from './inbox.page';

function task(id: string, overrides: Partial<Task> = {}): Task {
  return {
    id, instanceId: `i-${id}`, definitionKey: 'incoming', elementId: 'Handle', name: '承办', assignee: 'clerk',
    candidateUsers: [], candidateGroups: [], status: 'open', formKey: null, dueAt: null,
    createdAt: '2026-11-26T08:00:00Z', openedAt: null, completedAt: null, completedBy: null, ...overrides,
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
        { provide: NotificationStream, useValue: { ofKind: (...kinds: string[]) => notifications.pipe(filter((n) => kinds.includes(n.kind))), connected: signal(true) } },
      ],
    });
  });

  async function render(view?: 'inbox' | 'cc', tasks: Task[] = [], variables: Record<string, Record<string, unknown>> = {}): Promise<HTMLElement> {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(InboxPage);
    if (view) fixture.componentRef.setInput('view', view);
    fixture.detectChanges();
    await fixture.whenStable();
    if (view === 'cc') {
      http.expectOne((r) => r.url === '/api/cc').flush({ items: [], total: 0 });
    } else {
      http.expectOne((r) => r.url === '/api/tasks' && r.params.get('assignee') === 'me' && r.params.get('status') === 'open').flush({ items: tasks, total: tasks.length });
      // a group task the user could claim, listed once even if also returned as assigned
      http.expectOne((r) => r.url === '/api/tasks' && r.params.get('candidate') === 'me').flush({ items: tasks.slice(0, 1), total: Math.min(1, tasks.length) });
      await new Promise((r) => setTimeout(r));
      for (const t of tasks) {
        http.expectOne(`/api/instances/${t.instanceId}`).flush({ id: t.instanceId, definitionKey: 'incoming', businessKey: null, initiator: 'head', variables: variables[t.id] ?? {} });
      }
    }
    await new Promise((r) => setTimeout(r));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('should show the task columns and 暂无待办事项 when there are no tasks', async () => {
    // Given no tasks, when the 待办 view renders
    const root = await render('inbox');
    // Then the columns and the empty state are shown
    const headers = Array.from(root.querySelectorAll('th')).map((th) => th.textContent?.trim());
    expect(headers).toEqual(['标题', '类型', '当前环节', '紧急程度', '办理期限', '发起人']);
    expect(root.textContent).toContain('暂无待办事项');
    expect(root.querySelector('h1')?.textContent).toBe('待办');
  });

  it('should name the view in title and empty text when another view is routed', async () => {
    // Given the 抄送我的 view, when it renders, then title and empty text follow it
    const root = await render('cc');
    expect(root.querySelector('h1')?.textContent).toBe('抄送我的');
    expect(root.textContent).toContain('暂无抄送我的事项');
  });

  it('should list open tasks with their titles, mark overdue and 特急 ones and link to the task page', async () => {
    // Given an overdue 特急 task and one without a deadline
    const overdue = task('t1', { dueAt: '2020-01-01T00:00:00Z' });
    const calm = task('t2', { name: '拟办' });
    // When the 待办 view renders
    const root = await render('inbox', [calm, overdue], { t1: { title: '关于防汛工作的通知', urgency: '特急' }, t2: { title: '年度总结' } });
    // Then the overdue one comes first (sorted by due date), highlighted, with the urgency tag and a link
    const rows = Array.from(root.querySelectorAll('tbody tr[data-row-id]'));
    expect(rows.map((r) => r.getAttribute('data-row-id'))).toEqual(['t1', 't2']);
    expect(rows[0].classList).toContain('overdue');
    expect(rows[0].textContent).toContain('特急');
    expect(rows[0].textContent).toContain('已超期');
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe('/tasks/t1');
    expect(root.querySelector('[data-testid="inbox-count"]')?.textContent).toContain('共 2 项');
  });

  it('should reload the list when a task.assigned notification arrives', async () => {
    // Given an empty 待办
    const root = await render('inbox');
    const http = TestBed.inject(HttpTestingController);
    // When the stream brings a new task for the user
    notifications.next({ kind: 'task.assigned', title: '新待办' } as Notification);
    await new Promise((r) => setTimeout(r, 400));
    // Then the inbox asks for its tasks again and shows the new one
    http.expectOne((r) => r.url === '/api/tasks' && r.params.get('assignee') === 'me').flush({ items: [task('t9')], total: 1 });
    http.expectOne((r) => r.url === '/api/tasks' && r.params.get('candidate') === 'me').flush({ items: [], total: 0 });
    await new Promise((r) => setTimeout(r));
    http.expectOne('/api/instances/i-t9').flush({ id: 'i-t9', definitionKey: 'incoming', businessKey: null, initiator: 'head', variables: { title: '关于冬季供暖的请示' } });
    await new Promise((r) => setTimeout(r, 50));
    TestBed.tick();
    expect(root.textContent).toContain('关于冬季供暖的请示');
  });
});
