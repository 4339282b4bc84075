// Browser test of the admin pages against the real server: the system admin creates a department
// and a user and finds the user by pinyin; the security admin assigns a role and meets the 三员分立
// rule; the system admin sets a local working-day calendar change and sees it in the month grid.
// Run: `node --test client/e2e/admin.e2e.mjs` (after `NX_DAEMON=false npx nx build server client`).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, chromiumSkip, launchChromium, serverUnderTest, VIEWPORT, watchForProblems } from './support/harness.mjs';
import { login } from './support/workflow-api.mjs';
import { chooseOption as choose } from './support/forms.mjs';
import { signInOnPage } from './support/second-factor.mjs';

const skip = chromiumSkip();

describe('admin pages in a browser', { skip }, () => {
  /** @type {{ url: string, stop: () => Promise<void>, output: () => string }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A signed-in page of a demo user, watched for problems. */
  async function signIn(username, problems, expectedFailures = []) {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    watchForProblems(page, problems, expectedFailures);
    await page.goto(server.url + '/login');
    // the admins enrol a second factor at the first sign-in and answer a code after (support/second-factor.mjs)
    await signInOnPage(page, server.url, username, expectedFailures);
    return page;
  }

  async function screenshot(page, name) {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
  }

  test('should create a department and a user in it, show the initial password once, and find the user by pinyin', async () => {
    // Given the system admin signed in (their home page is 机构与用户)
    const problems = [];
    const page = await signIn('sysadmin', problems);
    await page.waitForURL(/\/admin$/);
    await page.locator('tr[data-org-code="ankang"]').waitFor();
    await screenshot(page, 'admin-01-orgs');

    // When they add 应急管理局 under 安康市人民政府
    await page.locator('tr[data-org-code="ankang"]').getByRole('button', { name: '新建下级' }).click();
    const orgForm = page.getByTestId('org-form');
    await orgForm.getByLabel('名称').fill('安康市应急管理局');
    await orgForm.getByLabel('简称').fill('市应急局');
    await orgForm.getByLabel('机构代码').fill('yjj');
    await screenshot(page, 'admin-02-org-form');
    await orgForm.getByRole('button', { name: '保存' }).click();
    // Then it is listed under the government, indented
    const row = page.locator('tr[data-org-code="yjj"]');
    await row.waitFor();
    assert.match(await row.innerText(), /安康市应急管理局/);
    assert.match(await row.innerText(), /部门/);

    // When they create a user in it (no password field: the server generates a one-time one)
    await page.getByRole('tab', { name: '用户' }).click();
    await page.locator('tr[data-username="sysadmin"]').waitFor();
    await page.locator('[data-action="add-user"]').click();
    const userForm = page.getByTestId('user-form');
    await userForm.getByLabel('用户名').fill('yjj_clerk');
    await userForm.getByLabel('姓名').fill('钟雨桐');
    await choose(page, userForm.getByTestId('user-org'), '安康市应急管理局');
    await userForm.getByLabel('职务').fill('文书');
    assert.equal(await userForm.locator('input[type="password"]').count(), 0);
    await userForm.getByRole('button', { name: '保存' }).click();
    await page.getByText('已创建用户 钟雨桐').waitFor();
    // Then the initial password is shown once, in a dialog that says so
    const once = page.getByTestId('one-time-password');
    await once.waitFor();
    assert.match(await once.innerText(), /只显示这一次/);
    await screenshot(page, 'admin-03-initial-password');
    await once.getByRole('button', { name: '我已记下' }).click();
    await once.waitFor({ state: 'detached' });

    // And they search by the initials of 钟雨桐
    await page.getByLabel('姓名、拼音或首字母（如 zxm）').fill('zyt');
    await page.getByRole('button', { name: '搜索' }).click();
    // Then the user is found, in the new department
    const userRow = page.locator('tr[data-username="yjj_clerk"]');
    await userRow.waitFor();
    assert.match(await userRow.innerText(), /安康市应急管理局/);
    assert.equal(await page.locator('tr[data-username]').count(), 1);
    // And by full pinyin too
    await page.getByLabel('姓名、拼音或首字母（如 zxm）').fill('zhongyutong');
    await page.getByLabel('姓名、拼音或首字母（如 zxm）').press('Enter');
    await page.locator('tr[data-username="yjj_clerk"]').waitFor();
    await screenshot(page, 'admin-04-user-found');
    assert.deepEqual(problems, [], `problems in the page:\n${problems.join('\n')}`);
  });

  test('should let the security admin assign a role and refuse to join two 三员 roles', async () => {
    // Given the security admin signed in (their home page is 安全策略), the rule shown
    const problems = [];
    const page = await signIn('secadmin', problems);
    await page.waitForURL(/\/security$/);
    assert.match(await page.getByTestId('separation-rule').innerText(), /三员分立/);

    // When they open the auditor's roles and add 系统管理员
    const search = page.getByLabel('姓名、拼音或首字母（如 zxm）');
    await search.fill('sunli');
    await search.press('Enter');
    const auditorRow = page.locator('tr[data-username="auditor"]');
    await auditorRow.waitFor();
    await page.locator('tr[data-username]').nth(1).waitFor({ state: 'detached' });
    await auditorRow.getByRole('button', { name: '分配角色' }).click();
    const rolesForm = page.getByTestId('roles-form');
    await rolesForm.locator('[data-role="system_admin"]').click();
    // Then the 三员分立 refusal is shown and saving is not possible
    await rolesForm.getByTestId('separation-conflict').waitFor();
    assert.match(await rolesForm.getByTestId('separation-conflict').innerText(), /三员分立/);
    assert.equal(await rolesForm.getByRole('button', { name: '保存' }).isDisabled(), true);
    await screenshot(page, 'admin-05-separation');
    await rolesForm.getByRole('button', { name: '取消' }).click();

    // When they give 陈静 (科员) the role 文书
    await search.fill('cj');
    await search.press('Enter');
    const staffRow = page.locator('tr[data-username="staff"]');
    await staffRow.waitFor();
    await staffRow.getByRole('button', { name: '分配角色' }).click();
    await rolesForm.locator('[data-role="clerk"]').click();
    await rolesForm.getByRole('button', { name: '保存' }).click();
    // Then the row shows the role, and the server has it
    await page.getByText('已更新 陈静 的角色').waitFor();
    await staffRow.getByTestId('user-roles').getByText('文书').waitFor();
    const api = await login(server.url, 'secadmin');
    const found = await api('GET', '/users?q=' + encodeURIComponent('陈静'));
    assert.deepEqual(found.body.items.find((u) => u.username === 'staff').roles, ['clerk']);
    await screenshot(page, 'admin-06-role-assigned');
    assert.deepEqual(problems, [], `problems in the page:\n${problems.join('\n')}`);
  });

  test('should set a local rest day with a reason and show it in the month grid', async () => {
    // Given the system admin on 工作日历
    const problems = [];
    const page = await signIn('sysadmin', problems);
    await page.waitForURL(/\/admin$/);
    await page.getByRole('tab', { name: '工作日历' }).click();
    const year = Number(await page.getByTestId('calendar-year').innerText());
    const versionBefore = await page.getByTestId('calendar-version').innerText();
    const day = `${year}-12-30`;
    const cell = page.locator(`button[data-day="${day}"]`);
    await cell.waitFor();
    assert.equal(await cell.getAttribute('data-local'), null);
    await screenshot(page, 'admin-07-calendar');

    // When they pick 30 December and make it a local rest day with a reason
    await cell.click();
    const panel = page.getByTestId('day-panel');
    assert.equal(await panel.getByTestId('day-title').innerText(), day);
    await panel.getByText('休息（放假）').click();
    await panel.getByLabel('原因').fill('县政府决定年末休息一天');
    await panel.getByRole('button', { name: '设置', exact: true }).click();
    // Then the day is a local rest day in the grid, the version moved on and the change is logged
    await page.locator(`button[data-day="${day}"][data-local="true"][data-kind="holiday"]`).waitFor();
    assert.notEqual(await page.getByTestId('calendar-version').innerText(), versionBefore);
    assert.match(await page.getByTestId('calendar-log').innerText(), /县政府决定年末休息一天/);
    // And the server counts it as a rest day
    const api = await login(server.url, 'sysadmin');
    const calendar = await api('GET', `/calendar?year=${year}`);
    assert.deepEqual(
      calendar.body.days.find((d) => d.day === day),
      { day, kind: 'holiday', name: '县政府决定年末休息一天', source: 'local' },
    );
    await screenshot(page, 'admin-08-override');

    // When they move by keyboard to the next day, then back, and remove the change
    await page.locator(`button[data-day="${day}"]`).focus();
    await page.keyboard.press('ArrowRight');
    await panel
      .getByTestId('day-title')
      .filter({ hasText: `${year}-12-31` })
      .waitFor();
    await page.locator(`button[data-day="${year}-12-31"]:focus`).waitFor();
    await page.keyboard.press('ArrowLeft');
    await panel.getByTestId('day-title').filter({ hasText: day }).waitFor();
    await panel.locator('[data-action="remove-override"]').click();
    // Then the day follows the week again
    await page.locator(`button[data-day="${day}"]:not([data-local])`).waitFor();
    assert.deepEqual(problems, [], `problems in the page:\n${problems.join('\n')}`);
  });
});
