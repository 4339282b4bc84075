import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Role } from '@liuzhuan/contracts';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { AuthService } from '../auth/auth.service';
import { loginResponse, sessionUser } from '../auth/auth.testing';
import { APP_ICONS } from '../icons';
import { MenuCounts } from './menu-counts.service';
import { TABLET_MEDIA_QUERY } from './phone-query';
import { ShellComponent } from './shell.component';

@Component({ template: '' })
class EmptyPage {}

describe('ShellComponent', () => {
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideNzIcons(APP_ICONS)],
    });
  });

  async function renderFor(roles: Role[]): Promise<HTMLElement> {
    return (await fixtureFor(roles)).nativeElement as HTMLElement;
  }

  async function fixtureFor(roles: Role[]): Promise<ComponentFixture<ShellComponent>> {
    const http = TestBed.inject(HttpTestingController);
    const login = TestBed.inject(AuthService).login('someone', 'secret');
    http.expectOne('/api/auth/login').flush(loginResponse(sessionUser({ roles })));
    await login;
    const fixture = TestBed.createComponent(ShellComponent);
    http.expectOne('/api/health').flush({ status: 'ok', db: 'sqlite', queue: 'local', version: '9.9.9' });
    await fixture.whenStable();
    return fixture;
  }

  function menuTexts(root: HTMLElement): string[] {
    return Array.from(root.querySelectorAll('nav li')).map((li) => li.textContent?.trim() ?? '');
  }

  it('should show 待办 but not 流程设计 when the user is a clerk', async () => {
    // Given a signed-in clerk, when the shell renders
    const root = await renderFor(['clerk']);
    // Then the business menu shows and the designer does not
    expect(menuTexts(root)).toEqual(['待办', '已办', '我发起的', '抄送我的', '传阅', '公文', '代理设置']);
    expect(root.textContent).toContain('张文书 · 市政府办公室');
    expect(root.textContent).toContain('文书');
  });

  it('should show 流程设计 and 流程监控 but no inbox when the user is a workflow admin', async () => {
    // Given a signed-in workflow admin, when the shell renders
    const root = await renderFor(['workflow_admin']);
    // Then only the workflow pages are in the menu
    expect(menuTexts(root)).toEqual(['流程设计', '流程监控']);
  });

  it('should show only 审计日志 when the user is the auditor', async () => {
    // Given a signed-in auditor, when the shell renders, then only the audit log is offered
    expect(menuTexts(await renderFor(['auditor']))).toEqual(['审计日志']);
  });

  it('should show the server version in the footer when health answers', async () => {
    // Given a clerk, when the shell renders and /api/health answers, then the version is in the footer
    const root = await renderFor(['clerk']);
    expect(root.querySelector('.shell-version')?.textContent).toContain('9.9.9');
  });

  it('should relabel the menu and header when the language is switched', async () => {
    // Given a clerk's shell in Chinese
    const fixture = await fixtureFor(['clerk']);
    const root = fixture.nativeElement as HTMLElement;
    // When the language switch is clicked
    root.querySelector<HTMLButtonElement>('.shell-language')?.click();
    await fixture.whenStable();
    // Then menu, role tag and buttons are in English
    expect(menuTexts(root)[0]).toBe('To do');
    expect(root.textContent).toContain('Clerk');
    expect(root.textContent).toContain('Sign out');
    expect(root.querySelector('.shell-language')?.textContent?.trim()).toBe('中文');
  });

  describe('on a phone', () => {
    const realMatchMedia = window.matchMedia;

    beforeEach(() => {
      // every media query matches: the window is phone-wide
      window.matchMedia = ((query: string) =>
        ({
          matches: true,
          media: query,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
        }) as unknown as MediaQueryList) as typeof window.matchMedia;
      TestBed.overrideProvider(MenuCounts, { useValue: { counts: signal({ inbox: 3, circulation: 1, cc: 2 }) } });
      TestBed.configureTestingModule({ providers: [provideRouter([{ path: '**', component: EmptyPage }])] });
    });

    afterEach(() => {
      window.matchMedia = realMatchMedia;
      document.querySelectorAll('.cdk-overlay-container').forEach((el) => el.remove());
    });

    const drawer = () => document.querySelector('[data-testid="menu-drawer"]');
    const drawerOpen = () => !!document.querySelector('.ant-drawer.ant-drawer-open');

    it('should open the menu in a drawer from the header button, with the counts, and close it on navigation', async () => {
      // Given a clerk's shell on a phone, with 3 tasks, 1 circulation and 2 copies waiting
      const fixture = await fixtureFor(['clerk']);
      const root = fixture.nativeElement as HTMLElement;
      const toggle = root.querySelector<HTMLButtonElement>('.shell-toggle');
      // Then the menu button carries the total and the drawer is closed
      expect(toggle?.querySelector('[data-count="total"]')?.getAttribute('data-total')).toBe('6');
      expect(toggle?.getAttribute('aria-expanded')).toBe('false');
      expect(drawerOpen()).toBe(false);
      // When the menu button is pressed
      toggle?.click();
      await fixture.whenStable();
      // Then the drawer shows the menu with each list's count
      expect(toggle?.getAttribute('aria-expanded')).toBe('true');
      expect(drawerOpen()).toBe(true);
      const entries = Array.from(drawer()?.querySelectorAll('li[data-nav]') ?? []).map((li) => li.textContent?.trim());
      expect(entries[0]).toContain('待办');
      expect(entries).toHaveLength(7);
      expect(drawer()?.querySelector('[data-count="inbox"]')?.getAttribute('aria-label')).toBe('3');
      expect(drawer()?.textContent).toContain('退出登录');
      // When the user navigates, then the drawer closes
      await TestBed.inject(Router).navigateByUrl('/documents');
      await fixture.whenStable();
      expect(toggle?.getAttribute('aria-expanded')).toBe('false');
      expect(drawerOpen()).toBe(false);
    });
  });

  describe('between phone and 1000 px wide', () => {
    const realMatchMedia = window.matchMedia;

    beforeEach(() => {
      // the window is 900 px wide: the tablet query matches, the phone query does not
      window.matchMedia = ((query: string) =>
        ({
          matches: query === TABLET_MEDIA_QUERY,
          media: query,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
        }) as unknown as MediaQueryList) as typeof window.matchMedia;
    });

    afterEach(() => {
      window.matchMedia = realMatchMedia;
    });

    it('should start with the sider collapsed to its icons and open it from the header button', async () => {
      // Given a clerk's shell 900 px wide
      const fixture = await fixtureFor(['clerk']);
      const root = fixture.nativeElement as HTMLElement;
      const sider = root.querySelector('nz-sider');
      const toggle = root.querySelector<HTMLButtonElement>('.shell-toggle');
      // Then the sider is collapsed, with the whole menu in it, and no drawer
      expect(sider?.classList).toContain('ant-layout-sider-collapsed');
      expect(toggle?.getAttribute('aria-expanded')).toBe('false');
      expect(menuTexts(root)).toHaveLength(7);
      expect(root.querySelector('nz-drawer')).toBeNull();
      // When the menu button is pressed, then the sider opens
      toggle?.click();
      await fixture.whenStable();
      expect(sider?.classList).not.toContain('ant-layout-sider-collapsed');
      expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    });
  });

  it('should keep the sider open when the window is 1000 px wide or more', async () => {
    // Given a clerk's shell on a wide window (no media query matches), then the sider is open
    const root = await renderFor(['clerk']);
    expect(root.querySelector('nz-sider')?.classList).not.toContain('ant-layout-sider-collapsed');
  });
});
