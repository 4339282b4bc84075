// Browser test of the audit console against the real server: the auditor finds a failed sign-in,
// filters by event type, reads the event in the drawer, verifies the SM3 chain and exports CSV; the
// page fits a 390 px phone; the security admin sees only the auditor's own events (三员分立); the
// 归档 section states the 180-day rule and shows the server's refusal in Chinese.
// Run: `node --test client/e2e/audit-console.e2e.mjs` (after `NX_DAEMON=false npx nx build server client`).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, chromiumSkip, launchChromium, serverUnderTest, VIEWPORT, watchForProblems } from './support/harness.mjs';
import { chooseOption as choose } from './support/forms.mjs';
import { signInOnPage } from './support/second-factor.mjs';
import { drawerShown } from './support/settle.mjs';

const skip = chromiumSkip();
const PHONE = { width: 390, height: 844 };
const CSV_HEADER =
  '序号,事件ID,时间（北京时间）,操作人,操作人姓名,角色,IP 地址,客户端,事件代码,事件,对象类型,对象ID,对象名称,结果,错误代码,详情,哈希（SM3）';

describe('audit console in a browser', { skip }, () => {
  /** @type {{ url: string, stop: () => Promise<void>, output: () => string }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
    // a refused sign-in for the auditor to find (the mayor's password mistyped once)
    const refused = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'mayor', password: 'not-the-password' }),
    });
    assert.equal(refused.status, 401);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A signed-in page of a demo user at the given size, watched for problems (the sign-in form, as admin.e2e.mjs does). */
  async function signIn(username, problems, viewport = VIEWPORT, expectedFailures = []) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    watchForProblems(page, problems, expectedFailures);
    await page.goto(server.url + '/login');
    // the admins enrol a second factor at the first sign-in and answer a code after (support/second-factor.mjs)
    await signInOnPage(page, server.url, username, expectedFailures);
    return page;
  }

  async function screenshot(page, name) {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= page.viewportSize().width, `${name}: the page is ${width}px wide, wider than the viewport`);
  }

  test('should let the auditor find a failed sign-in, read it, verify the chain and export CSV', async () => {
    // Given the auditor signed in (their home page is the audit console)
    const problems = [];
    const page = await signIn('auditor', problems);
    await page.waitForURL(/\/audit$/);
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
    // Then the mayor's refused sign-in is listed, in Chinese, as a failure
    const failure = page.locator('tr[data-event-type="auth.login.failure"][data-actor="mayor"]');
    await failure.waitFor();
    assert.match(await failure.innerText(), /登录失败/);
    assert.match(await failure.innerText(), /失败/);
    // by names, not ids: the mayor's name as actor and as target, no 26-character id in the row
    assert.match(await failure.locator('.cell-actor').innerText(), /吴国强/);
    assert.match(await failure.locator('.cell-target').innerText(), /吴国强（mayor）/);
    assert.doesNotMatch(await failure.innerText(), /\b[0-9A-Za-z]{26}\b/);
    await screenshot(page, 'audit-01-console');

    // When they filter by the event type 登录失败
    await choose(page, page.getByTestId('filter-event-type'), '登录失败');
    await page.getByRole('button', { name: '查询' }).click();
    // Then only sign-in failures are listed
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('tr[data-event-type]')];
      return rows.length > 0 && rows.every((row) => row.getAttribute('data-event-type') === 'auth.login.failure');
    });

    // When they open the event
    await failure.click();
    // Then the drawer shows its columns, the true reason in the details and the SM3 hash
    const detail = page.getByTestId('audit-detail');
    await drawerShown(page, 'audit-detail');
    // in Chinese: the target by name, the reason in words, the error's message beside its code
    assert.equal(await page.getByTestId('audit-target').innerText(), '吴国强（mayor）');
    assert.equal(await page.getByTestId('audit-actor').innerText(), '吴国强');
    assert.match(await page.getByTestId('audit-details').innerText(), /原因\s*密码错误/);
    assert.match(await detail.innerText(), /AUTH_INVALID_CREDENTIALS/);
    assert.match(await page.getByTestId('audit-error').innerText(), /[\u4e00-\u9fff]/);
    assert.match(await page.getByTestId('audit-hash').innerText(), /^[0-9a-f]{64}$/);
    await screenshot(page, 'audit-02-drawer');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // When they verify the chain
    await page.locator('[data-action="verify"]').click();
    // Then it is intact, with the number of events checked
    const chain = page.getByTestId('audit-chain');
    await chain.getByText(/完整，已校验 \d+ 条/).waitFor();
    await screenshot(page, 'audit-03-verified');

    // When they export CSV
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-action="export-csv"]').click()]);
    // Then the file is named in Chinese, starts with the BOM and the header, and holds the filtered events only
    assert.match(download.suggestedFilename(), /^审计日志-\d{8}\.csv$/);
    const csv = await readFile(await download.path(), 'utf8');
    assert.ok(csv.startsWith('\uFEFF' + CSV_HEADER + '\r\n'), `the CSV starts with: ${JSON.stringify(csv.slice(0, 200))}`);
    const rows = csv.trim().split('\r\n').slice(1);
    assert.ok(rows.length > 0);
    assert.ok(
      rows.every((row) => row.includes(',auth.login.failure,')),
      'every exported row is a sign-in failure',
    );
    assert.deepEqual(problems, [], `problems in the page:\n${problems.join('\n')}`);
  });

  test("should state the 180-day rule in 归档 and show the server's refusal in Chinese", async () => {
    // Given the auditor on the console, every event younger than 180 days (a fresh server)
    const problems = [];
    const expected = [{ method: 'POST', path: '/api/audit/archive', status: 422, responseSeen: false, consoleSeen: false }];
    const page = await signIn('auditor', problems, VIEWPORT, expected);
    await page.waitForURL(/\/audit$/);
    const section = page.getByTestId('audit-archive');
    await section.getByText('尚未归档').waitFor();
    assert.match(await page.getByTestId('archive-rule').innerText(), /至少保存 180 天（《网络安全法》第二十一条）/);
    // When they archive before a day 200 days ago and confirm
    const day = new Date(Date.now() - 200 * 86_400_000).toISOString().slice(0, 10);
    await page.locator('[data-testid="archive-before"] input').fill(day);
    await page.keyboard.press('Enter');
    await page.locator('[data-action="archive"]').click();
    await page.locator('.ant-popconfirm-buttons button.ant-btn-primary, .ant-popover-buttons button.ant-btn-primary').first().click();
    // Then the refusal (nothing that old) is shown in Chinese, and nothing is archived
    await page.getByTestId('archive-error').getByText('所选日期之前没有可归档的审计记录').waitFor();
    assert.equal(await page.locator('[data-anchor-id]').count(), 0);
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'audit-08-archive');
    assert.ok(expected[0].responseSeen, 'the archive was refused by the server');
    assert.deepEqual(problems, [], `problems in the page:\n${problems.join('\n')}`);
  });

  test('should fit the console on a 390 px phone with the filters folded', async () => {
    // Given the auditor on a phone
    const problems = [];
    const page = await signIn('auditor', problems, PHONE);
    await page.waitForURL(/\/audit$/);
    await page.locator('tr[data-event-type]').first().waitFor();
    // Then the filters are folded behind a button and nothing is wider than the screen
    assert.equal(await page.locator('form.audit-filters').isVisible(), false);
    await screenshot(page, 'audit-04-phone');
    // When the filters are unfolded, then they fit too
    await page.getByRole('button', { name: /筛选条件/ }).click();
    await page.locator('form.audit-filters').waitFor({ state: 'visible' });
    await screenshot(page, 'audit-05-phone-filters');
    // When an event is opened, then the drawer fits the screen
    await page.getByRole('button', { name: /筛选条件/ }).click();
    await page.locator('tr[data-event-type]').first().click();
    await drawerShown(page, 'audit-detail');
    await screenshot(page, 'audit-06-phone-drawer');
    assert.deepEqual(problems, [], `problems in the page:\n${problems.join('\n')}`);
  });

  test("should show the security admin only the auditor's own events as 审计员操作记录", async () => {
    // Given the security admin signed in, the auditor having searched and verified above
    const problems = [];
    const page = await signIn('secadmin', problems);
    await page.waitForURL(/\/security$/);
    // When they open 审计员操作记录 from the menu
    await page.getByRole('link', { name: '审计员操作记录' }).click();
    await page.waitForURL(/\/audit$/);
    await page.getByRole('heading', { name: '审计员操作记录' }).waitFor();
    // Then every listed event is the auditor's, and the mayor's sign-in failure is not there
    await page.locator('tr[data-event-type]').first().waitFor();
    const actors = await page.locator('tr[data-event-type]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-actor')));
    assert.ok(actors.length > 0);
    assert.deepEqual([...new Set(actors)], ['auditor']);
    assert.equal(await page.locator('tr[data-actor="mayor"]').count(), 0);
    // and they are named: the auditor's name beside the account
    assert.match(await page.locator('tr[data-event-type] .cell-actor').first().innerText(), /孙丽/);
    await screenshot(page, 'audit-07-secadmin');
    assert.deepEqual(problems, [], `problems in the page:\n${problems.join('\n')}`);
  });

  test("should fit the security admin's pages on a 390 px phone", async () => {
    // Given the security admin on a phone
    const problems = [];
    const page = await signIn('secadmin', problems, PHONE);
    await page.waitForURL(/\/security$/);
    // Then the 安全策略 user list scrolls inside its own box, not the page
    await page.locator('[data-testid="user-roles"]').first().waitFor();
    await screenshot(page, 'audit-08-phone-security');
    // and so does the 变更密级 tab
    await page.getByRole('tab', { name: '变更密级' }).click();
    await screenshot(page, 'audit-09-phone-security-reclass');
    // and 审计员操作记录
    await page.goto(server.url + '/audit');
    await page.locator('tr[data-event-type]').first().waitFor();
    await screenshot(page, 'audit-10-phone-auditor-log');
    assert.deepEqual(problems, [], `problems in the page:\n${problems.join('\n')}`);
  });
});
