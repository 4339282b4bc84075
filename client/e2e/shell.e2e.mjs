// Browser test of the client foundation against the real server: sign-in, role-based shell,
// deep links, language switch, sign-out. Run: `node --test client/e2e/` (after building
// server and client), or point it at a running server with LIUZHUAN_URL.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, chromiumSkip, launchChromium, PASSWORD, serverUnderTest, VIEWPORT, watchForProblems } from './support/harness.mjs';
import { signInOnPage } from './support/second-factor.mjs';
import { apiQuietFor } from './support/settle.mjs';

const skip = chromiumSkip();

describe('client shell in a browser', { skip }, () => {
  /** @type {{ url: string, stop: () => Promise<void>, output: () => string }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  const problems = [];
  /** Requests that are meant to fail, matched and consumed once each. */
  const expectedFailures = [];

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
  });

  /** A fresh browser context (no session left over from another test) that reports problems. */
  async function openPage() {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    page = await context.newPage();
    watchForProblems(page, problems, expectedFailures);
  }

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('should guide a clerk through sign-in, inbox, language switch and sign-out', async () => {
    // Given a signed-out visitor
    await openPage();
    // When they open the root
    await page.goto(server.url + '/');
    // Then they land on the sign-in page
    await page.waitForURL(/\/login/);
    await page.getByText('流转 · 公文流转与审批系统').first().waitFor();
    await page.getByText('安康市人民政府').first().waitFor();
    await screenshot('01-login');

    // When they submit the empty form, then Chinese validation messages appear
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('请输入用户名').first().waitFor();
    await page.getByText('请输入密码').first().waitFor();

    // When they sign in with a wrong password (submitted with Enter)
    expectedFailures.push({ method: 'POST', path: '/api/auth/login', status: 401, responseSeen: false, consoleSeen: false });
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByLabel('密码').press('Enter');
    // Then the error names the problem in Chinese
    await page.getByRole('alert').getByText('用户名或密码错误').waitFor();
    await screenshot('02-login-error');

    // When they sign in with the right password
    const loginResponse = page.waitForResponse((r) => r.url().endsWith('/api/auth/login') && r.status() === 200);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('密码').press('Enter');
    const { user } = await (await loginResponse).json();
    // Then the shell shows their inbox, their name and only the menu items of their roles
    await page.waitForURL(/\/inbox$/);
    const menu = page.locator('nav');
    await menu.getByText('待办', { exact: true }).waitFor();
    await page.getByText(`${user.displayName} · ${user.orgName}`).waitFor();
    assert.equal(await menu.getByText('流程设计').count(), 0, 'a clerk must not see 流程设计');
    await page.getByText('暂无待办事项').waitFor();
    for (const column of ['标题', '类型', '当前环节', '紧急程度', '办理期限', '发起人']) {
      await page.getByRole('columnheader', { name: column }).waitFor();
    }
    await page.locator('.shell-version').waitFor();
    assert.equal(await page.title(), '待办 - 流转');
    await screenshot('03-inbox');

    // When they reload a deep link, then the session is restored on the same page
    await page.goto(server.url + '/inbox/done');
    await page.getByText('暂无已办事项').waitFor();
    await page.goto(server.url + '/inbox');
    await page.getByText('暂无待办事项').waitFor();
    await page.reload();
    await page.waitForURL(/\/inbox$/);
    await page.getByText(`${user.displayName} · ${user.orgName}`).waitFor();
    await page.getByText('暂无待办事项').waitFor();

    // When they switch to English, then the shell and <html lang> follow
    await page.getByRole('button', { name: /English/ }).click();
    await menu.getByText('To do', { exact: true }).waitFor();
    await page.getByText('No tasks to do').waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.equal(await page.title(), 'To do - Liuzhuan');
    await screenshot('04-inbox-en');
    // And back to Chinese
    await page.getByRole('button', { name: /中文/ }).click();
    await menu.getByText('待办', { exact: true }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-CN');

    // When they open a page that does not exist, then a 404 page shows inside the shell
    await page.goto(server.url + '/no-such-page');
    await page.getByText('页面不存在', { exact: true }).waitFor();
    await screenshot('05-not-found');

    // When they sign out, then they are back on the sign-in page
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL(/\/login/);
    await page.getByRole('button', { name: '登录' }).waitFor();
  });

  test('should show the process designer to a workflow admin when signed in as admin', async () => {
    // Given the sign-in page in a fresh browser context
    await openPage();
    await page.goto(server.url + '/login');
    // When the workflow admin signs in
    // the workflow admin enrols a second factor at the first sign-in (support/second-factor.mjs)
    await signInOnPage(page, server.url, 'admin', expectedFailures);
    // Then the menu offers 流程设计 and the process designer opens (designer.e2e.mjs covers it in depth)
    const designer = page.locator('nav').getByText('流程设计', { exact: true });
    await designer.waitFor();
    await designer.click();
    await page.waitForURL(/\/designer$/);
    await page.locator('.djs-palette').waitFor();
    await screenshot('06-admin-designer');
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL(/\/login/);
  });

  test('should come back to the same page after signing in again when the server ended the session', async () => {
    // Given a clerk signed in on 已办
    await openPage();
    await page.goto(server.url + '/login?returnUrl=%2Finbox%2Fdone');
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL(/\/inbox\/done$/);
    await page.getByText('暂无已办事项').waitFor();
    // (the menu's counts are read again 400 ms after each navigation: let them finish first, or
    // they would meet the ended session below with 401s of their own)
    await apiQuietFor(page, 1000);
    // When the server ends the session behind the client's back (as an idle timeout would)
    await page.evaluate(async () => {
      const { accessToken } = JSON.parse(sessionStorage.getItem('liuzhuan.session') ?? '{}');
      await fetch('/api/auth/logout', { method: 'POST', headers: { Authorization: `Bearer ${accessToken}` } });
    });
    expectedFailures.push({ method: 'GET', path: '/api/auth/me', status: 401, responseSeen: false, consoleSeen: false });
    await page.reload();
    // Then the sign-in page opens, and signing in again leads back to 已办
    await page.waitForURL(/\/login\?returnUrl=%2Finbox%2Fdone$/);
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL(/\/inbox\/done$/);
    await page.getByText('暂无已办事项').waitFor();
  });

  test('should see no console errors or failed requests when the scenarios ran', () => {
    // Given the scenarios above, then nothing but the deliberate 401s went wrong
    assert.deepEqual(problems, []);
    assert.ok(
      expectedFailures.every((f) => f.responseSeen),
      'every deliberate 401 was observed',
    );
  });

  /** Waits until no API response has arrived for `ms` (the notification stream aside). */
  async function screenshot(name) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `${name}: the page scrolls horizontally at ${VIEWPORT.width}px`);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }
});
