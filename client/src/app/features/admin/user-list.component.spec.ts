import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { User } from '@liuzhuan/contracts';
import { UserListComponent } from './user-list.component';

const ORGS = [
  { id: 'o1', parentId: null, code: 'gov', name: '安康市人民政府', shortName: null, kind: 'government' as const, sortOrder: 0 },
];
const LIU: User = {
  id: 'u1',
  username: 'liuyang',
  displayName: '刘洋',
  pinyin: 'liuyang',
  initials: 'ly',
  orgId: 'o1',
  position: '科员',
  roles: ['system_admin'],
  groups: [],
  enabled: true,
  mustChangePassword: false,
  clearance: 'none',
};

describe('UserListComponent', () => {
  let fixture: ComponentFixture<UserListComponent>;
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

  async function render(mode: 'admin' | 'security', users: User[] = [LIU]): Promise<HTMLElement> {
    fixture = TestBed.createComponent(UserListComponent);
    fixture.componentRef.setInput('mode', mode);
    fixture.componentRef.setInput('orgs', ORGS);
    fixture.detectChanges();
    await settle();
    http.expectOne((r) => r.url === '/api/users').flush({ items: users, total: users.length });
    await settle();
    return fixture.nativeElement as HTMLElement;
  }

  function type(input: HTMLInputElement, value: string): void {
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  it('should search by what is typed (pinyin or initials) and show the found users with their organization', async () => {
    // Given the user list
    const root = await render('admin');
    expect(root.querySelector('tr[data-username="liuyang"]')?.textContent).toContain('安康市人民政府');
    // When the admin searches for "ly"
    type(root.querySelector('input[name="q"]') as HTMLInputElement, 'ly');
    (root.querySelector('form[role="search"]') as HTMLFormElement).dispatchEvent(new Event('submit'));
    // Then the query goes to the server as q
    const request = http.expectOne((r) => r.url === '/api/users');
    expect(request.request.params.get('q')).toBe('ly');
    request.flush({ items: [], total: 0 });
    await settle();
    expect(root.querySelector('tr[data-username]')).toBeNull();
  });

  it('should create a user without a password and show the initial password once', async () => {
    // Given the new-user form (no password field: the server makes one)
    const root = await render('admin');
    (root.querySelector('[data-action="add-user"]') as HTMLButtonElement).click();
    await settle();
    const form = document.querySelector('[data-testid="user-form"]') as HTMLFormElement;
    expect(form.querySelector('input[type="password"]')).toBeNull();
    expect(form.querySelector('#user-groups')).toBeNull();
    expect(document.querySelector('[data-testid="password-note"]')?.textContent).toContain('一次性初始密码');
    type(form.querySelector('#user-username') as HTMLInputElement, 'zhangsan');
    type(form.querySelector('#user-name') as HTMLInputElement, '张三');
    (fixture.componentInstance as unknown as { draft: { update(f: (d: object) => object): void } }).draft.update((d) => ({
      ...d,
      orgId: 'o1',
    }));
    await settle();
    // When it is saved
    form.dispatchEvent(new Event('submit'));
    const request = http.expectOne('/api/users');
    expect(request.request.body).toEqual({ username: 'zhangsan', displayName: '张三', orgId: 'o1', position: null });
    request.flush({
      ...LIU,
      id: 'u2',
      username: 'zhangsan',
      displayName: '张三',
      mustChangePassword: true,
      initialPassword: 'Ab3#xyzXYZ234567',
    });
    await settle();
    http.expectOne((r) => r.url === '/api/users').flush({ items: [LIU], total: 1 });
    await settle();
    // Then the initial password shows once, in a dialog that says so
    const shown = document.querySelector('[data-testid="one-time-password"]');
    expect(shown?.textContent).toContain('Ab3#xyzXYZ234567');
    expect(shown?.textContent).toContain('只显示这一次');
    (document.querySelector('[data-action="one-time-done"]') as HTMLButtonElement).click();
    await settle();
    expect(document.body.textContent).not.toContain('Ab3#xyzXYZ234567');
  });

  it('should show a locked account to the security admin and unlock it', async () => {
    // Given a user locked by failed sign-ins
    const root = await render('security', [{ ...LIU, lockedUntil: '2099-01-01T04:30:00.000Z' }]);
    expect(root.querySelector('[data-testid="user-locked"]')?.textContent).toContain('已锁定');
    // When the security admin unlocks
    (root.querySelector('[data-action="unlock"]') as HTMLButtonElement).click();
    const request = http.expectOne('/api/users/u1/unlock');
    expect(request.request.method).toBe('POST');
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    // Then the lock is gone from the list
    expect(root.querySelector('[data-testid="user-locked"]')).toBeNull();
    expect(root.querySelector('[data-action="unlock"]')).toBeNull();
  });

  it('should let the security admin reset a password and show the temporary one, and edit groups', async () => {
    // Given the security admin's list
    const root = await render('security');
    // When a password is reset (confirmed)
    (fixture.componentInstance as unknown as { resetPassword(u: User): Promise<void> }).resetPassword(LIU);
    const reset = http.expectOne('/api/users/u1/password-reset');
    expect(reset.request.method).toBe('POST');
    reset.flush({ temporaryPassword: 'Tq7#mnbvcXZA2345' });
    await settle();
    // Then the temporary password shows once
    expect(document.querySelector('[data-testid="one-time-password"]')?.textContent).toContain('Tq7#mnbvcXZA2345');
    (document.querySelector('[data-action="one-time-done"]') as HTMLButtonElement).click();
    await settle();
    // When the groups are edited
    (root.querySelector('[data-action="edit-groups"]') as HTMLButtonElement).click();
    await settle();
    const form = document.querySelector('[data-testid="groups-form"]') as HTMLFormElement;
    type(form.querySelector('#user-groups') as HTMLInputElement, 'city-leaders, dept-heads');
    await settle();
    form.dispatchEvent(new Event('submit'));
    const groups = http.expectOne('/api/users/u1/groups');
    expect(groups.request.body).toEqual({ groups: ['city-leaders', 'dept-heads'] });
    // Then a refusal (e.g. one's own groups) shows in the form
    groups.flush({ code: 'SELF_ADMINISTRATION', message: 'no' }, { status: 403, statusText: 'Forbidden' });
    await settle();
    expect(document.querySelector('[data-testid="groups-form"] [data-testid="form-error"]')?.textContent).toContain('本人');
  });

  it('should refuse to combine two 三员 roles before sending, and show the server refusal too', async () => {
    // Given the security admin assigning roles to a system admin
    const root = await render('security');
    expect(root.querySelector('[data-testid="separation-rule"]')?.textContent).toContain('三员分立');
    (root.querySelector('[data-action="assign-roles"]') as HTMLButtonElement).click();
    await settle();
    const form = document.querySelector('[data-testid="roles-form"]') as HTMLFormElement;
    const save = form.querySelector('button[type="submit"]') as HTMLButtonElement;
    // When 安全审计员 is added as well
    (form.querySelector('[data-role="auditor"] input') as HTMLInputElement).click();
    await settle();
    // Then the 三员分立 rule is shown and saving is blocked
    expect(document.querySelector('[data-testid="separation-conflict"]')?.textContent).toContain('三员分立');
    expect(save.disabled).toBe(true);
    // When 安全审计员 is taken away again and 流程管理员 added, the roles are saved
    (form.querySelector('[data-role="auditor"] input') as HTMLInputElement).click();
    (form.querySelector('[data-role="workflow_admin"] input') as HTMLInputElement).click();
    await settle();
    expect(save.disabled).toBe(false);
    form.dispatchEvent(new Event('submit'));
    const request = http.expectOne('/api/users/u1/roles');
    expect(request.request.body).toEqual({ roles: ['workflow_admin', 'system_admin'] });
    // And a refusal of the server shows in the form
    request.flush({ code: 'ROLE_SEPARATION', message: 'no' }, { status: 422, statusText: 'Unprocessable' });
    await settle();
    expect(document.querySelector('[data-testid="roles-form"] [data-testid="form-error"]')?.textContent).toContain('三员分立');
  });

  it("should show each user's 涉密等级 and let the security admin set it", async () => {
    // Given the system admin's list: the clearance is shown, not editable
    const admin = await render('admin');
    expect(admin.querySelector('tr[data-username="liuyang"] [data-testid="user-clearance"]')?.textContent).toContain('非涉密人员');
    expect(admin.querySelector('[data-testid="user-clearance"] nz-select')).toBeNull();
    // Given the security admin's list: a select per user
    const root = await render('security');
    expect(root.querySelector('tr[data-username="liuyang"] [data-testid="user-clearance"] nz-select')).not.toBeNull();
    // When 重要涉密人员 is chosen
    const list = fixture.componentInstance as unknown as { setClearance(user: User, clearance: string): Promise<void> };
    const done = list.setClearance(LIU, 'important');
    // Then it goes to the server, and the list is read again
    const request = http.expectOne('/api/users/u1/clearance');
    expect([request.request.method, request.request.body]).toEqual(['PUT', { clearance: 'important' }]);
    request.flush({ ...LIU, clearance: 'important' });
    await settle();
    http.expectOne((r) => r.url === '/api/users').flush({ items: [{ ...LIU, clearance: 'important' }], total: 1 });
    await done;
    await settle();
  });
});
