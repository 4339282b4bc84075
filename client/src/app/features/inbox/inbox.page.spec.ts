import { TestBed } from '@angular/core/testing';
import InboxPage from './inbox.page';

describe('InboxPage', () => {
  beforeEach(() => localStorage.clear());

  async function render(view?: 'inbox' | 'cc'): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(InboxPage);
    if (view) fixture.componentRef.setInput('view', view);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('should show the task columns and 暂无待办事项 when there are no tasks', async () => {
    // Given no tasks, when the 待办 view renders
    const root = await render();
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
});
