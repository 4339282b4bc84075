import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { loginResponse, sessionUser } from '../../core/auth/auth.testing';
import { AuthService } from '../../core/auth/auth.service';
import { authInterceptor } from '../../core/auth/auth.interceptor';
import { APP_ICONS } from '../../core/icons';
import LoginPage, { safeReturnUrl } from './login.page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({
      // the app's interceptor puts the (limited) token on the calls, as in the running client
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideNzIcons(APP_ICONS),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    root = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  function type(selector: string, value: string): void {
    const input = root.querySelector<HTMLInputElement>(selector);
    if (!input) throw new Error(`no ${selector}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  /** Let the sign-in promise chain settle, then render. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function submit(): Promise<void> {
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  it('should show Chinese required messages and not call the server when the form is empty', async () => {
    // Given the empty form
    const login = vi.spyOn(TestBed.inject(AuthService), 'login');
    // When it is submitted
    await submit();
    // Then both fields explain what is missing, in Chinese
    expect(root.textContent).toContain('请输入用户名');
    expect(root.textContent).toContain('请输入密码');
    expect(login).not.toHaveBeenCalled();
    http.expectNone('/api/auth/login');
  });

  it('should refuse a username longer than 64 characters when submitted', async () => {
    // Given an overlong username
    type('#login-username', 'x'.repeat(65));
    type('#login-password', 'secret');
    // When submitted, then the length rule is explained
    await submit();
    expect(root.textContent).toContain('用户名不能超过 64 个字符');
    http.expectNone('/api/auth/login');
  });

  it('should show the Chinese text of the error code when the credentials are wrong', async () => {
    // Given filled-in credentials
    type('#login-username', 'clerk');
    type('#login-password', 'wrong');
    // When the server refuses them
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush({ code: 'AUTH_INVALID_CREDENTIALS', message: 'Invalid' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    // Then the alert says so in Chinese and the password is cleared for another try
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('用户名或密码错误');
    expect(root.querySelector<HTMLInputElement>('#login-password')?.value).toBe('');
  });

  it('should say the account is locked when the server answers AUTH_ACCOUNT_LOCKED', async () => {
    // Given filled-in credentials of a locked account
    type('#login-username', 'clerk');
    type('#login-password', 'whatever');
    // When the server refuses them as locked
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush({ code: 'AUTH_ACCOUNT_LOCKED', message: 'Locked' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    // Then the lock is explained
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('登录失败次数过多，账号已暂时锁定');
  });

  it('should go to the returnUrl when sign-in succeeds', async () => {
    // Given a returnUrl from the guard
    fixture.componentRef.setInput('returnUrl', '/inbox/done');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('#login-username', ' clerk ');
    type('#login-password', 'Liuzhuan@2026');
    // When the server accepts the credentials
    await submit();
    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ username: 'clerk', password: 'Liuzhuan@2026' });
    request.flush(loginResponse(sessionUser()));
    await settle();
    // Then the user goes back to where they wanted to be
    expect(navigate).toHaveBeenCalledWith('/inbox/done');
  });

  it('should go to the first allowed page when there is no returnUrl and the user is an admin', async () => {
    // Given no returnUrl and a workflow admin
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('#login-username', 'admin');
    type('#login-password', 'Liuzhuan@2026');
    // When sign-in succeeds
    await submit();
    http.expectOne('/api/auth/login').flush(loginResponse(sessionUser({ roles: ['workflow_admin'] })));
    await settle();
    // Then the designer opens
    expect(navigate).toHaveBeenCalledWith('/designer');
  });

  it('should ask for a new password after a one-time password, explain the rule, then sign in with it', async () => {
    // Given a new account signing in with its initial password
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('#login-username', 'zhangsan');
    type('#login-password', 'Init#Pass12345678');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush({ passwordChangeRequired: true, accessToken: 'change-only-token', expiresAt: '2099-01-01T00:00:00Z' });
    await settle();
    // Then the change form shows, with the rule in Chinese
    expect(root.querySelector('[data-testid="change-password-form"]')).not.toBeNull();
    expect(root.querySelector('[data-testid="password-rule"]')?.textContent).toContain('至少 10 位');
    expect(root.querySelector<HTMLInputElement>('#change-current')?.value).toBe('Init#Pass12345678');
    // When the two new passwords differ, nothing is sent
    type('#change-next', 'Mein#Neues2026');
    type('#change-repeat', 'Mein#Neues2027');
    root.querySelector('[data-testid="change-password-form"]')?.dispatchEvent(new Event('submit'));
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('两次输入的新密码不一致');
    http.expectNone('/api/auth/password');
    // When they match, the change goes with the change-only token, then a normal sign-in follows
    type('#change-repeat', 'Mein#Neues2026');
    root.querySelector('[data-testid="change-password-form"]')?.dispatchEvent(new Event('submit'));
    await settle();
    const change = http.expectOne('/api/auth/password');
    expect(change.request.body).toEqual({ current: 'Init#Pass12345678', next: 'Mein#Neues2026' });
    change.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ username: 'zhangsan', password: 'Mein#Neues2026' });
    login.flush(loginResponse(sessionUser()));
    await settle();
    expect(navigate).toHaveBeenCalled();
  });

  it('should enrol a second factor: QR code, activation, the recovery codes once, then a sign-in with a code', async () => {
    // Given an admin whose sign-in answers that a second factor must be enrolled
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('#login-username', 'auditor');
    type('#login-password', 'Liuzhuan@2026');
    await submit();
    http
      .expectOne('/api/auth/login')
      .flush({ enrolmentRequired: true, accessToken: 'enrol-only-token', expiresAt: '2099-01-01T00:00:00Z' });
    await settle();
    // Then the secret is fetched with the enrolment-only token and shown with its QR code
    const enroll = http.expectOne('/api/auth/totp/enroll');
    expect(enroll.request.headers.get('Authorization')).toBe('Bearer enrol-only-token');
    enroll.flush({ secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/x', qrDataUrl: 'data:image/png;base64,AAAA' });
    await settle();
    expect(root.querySelector('[data-testid="totp-secret"]')?.textContent).toBe('JBSWY3DPEHPK3PXP');
    expect(root.querySelector<HTMLImageElement>('[data-testid="totp-qr"]')?.src).toContain('data:image/png');
    // When a code that is not 6 digits is typed, nothing is sent
    type('#totp-activate-code', '12a');
    root.querySelector('[data-testid="totp-enrol"] form')?.dispatchEvent(new Event('submit'));
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('请输入 6 位数字验证码');
    http.expectNone('/api/auth/totp/activate');
    // When the right code is typed, the ten recovery codes show once, with the warning
    type('#totp-activate-code', '123456');
    root.querySelector('[data-testid="totp-enrol"] form')?.dispatchEvent(new Event('submit'));
    await settle();
    const activate = http.expectOne('/api/auth/totp/activate');
    expect(activate.request.body).toEqual({ code: '123456' });
    const codes = Array.from({ length: 10 }, (_, i) => `abcde-2345${i}`);
    activate.flush({ recoveryCodes: codes });
    await settle();
    const shown = root.querySelector('[data-testid="totp-recovery-codes"]');
    expect(shown?.querySelectorAll('li')).toHaveLength(10);
    expect(shown?.textContent).toContain('只显示这一次');
    // When they were kept, the sign-in asks for a code and goes with the password
    (Array.from(shown?.querySelectorAll('button') ?? []).find((b) => b.textContent?.includes('继续登录')) as HTMLButtonElement).click();
    await settle();
    expect(root.querySelector('[data-testid="totp-recovery-codes"]')).toBeNull();
    type('#totp-code', '654321');
    root.querySelector('[data-testid="totp-code-form"]')?.dispatchEvent(new Event('submit'));
    await settle();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ username: 'auditor', password: 'Liuzhuan@2026', totp: '654321' });
    login.flush(loginResponse(sessionUser()));
    await settle();
    expect(navigate).toHaveBeenCalled();
  });

  it('should ask for a code when the account has a second factor, and accept a recovery code instead', async () => {
    // Given an account with a second factor, signed in without a code
    type('#login-username', 'secadmin');
    type('#login-password', 'Liuzhuan@2026');
    await submit();
    http.expectOne('/api/auth/login').flush({ code: 'AUTH_TOTP_REQUIRED', message: 'code' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    // Then the code form shows, with the recovery code option
    expect(root.querySelector('[data-testid="totp-code-form"]')?.textContent).toContain('6 位动态验证码');
    root.querySelector<HTMLButtonElement>('[data-testid="toggle-recovery"]')?.click();
    await settle();
    expect(root.querySelector('[data-testid="totp-code-form"]')?.textContent).toContain('恢复码');
    // When a wrong recovery code is sent, the error shows in Chinese
    type('#totp-code', 'abcde-fghjk');
    root.querySelector('[data-testid="totp-code-form"]')?.dispatchEvent(new Event('submit'));
    await settle();
    const login = http.expectOne('/api/auth/login');
    expect(login.request.body).toEqual({ username: 'secadmin', password: 'Liuzhuan@2026', totp: 'abcde-fghjk' });
    login.flush({ code: 'AUTH_TOTP_INVALID', message: 'wrong' }, { status: 401, statusText: 'Unauthorized' });
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('动态验证码或恢复码不正确');
  });
});

describe('safeReturnUrl', () => {
  it('should keep an in-app path when it starts with a single slash', () => {
    expect(safeReturnUrl('/inbox?tab=1')).toBe('/inbox?tab=1');
  });

  it('should drop the url when it leads elsewhere or back to sign-in', () => {
    // Given open-redirect attempts and loops, then none is followed
    expect(safeReturnUrl('//evil.example')).toBeNull();
    expect(safeReturnUrl('https://evil.example')).toBeNull();
    expect(safeReturnUrl('/login?returnUrl=%2F')).toBeNull();
    expect(safeReturnUrl(undefined)).toBeNull();
  });
});
