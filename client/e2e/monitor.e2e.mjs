// Browser test of 流程监控 against the real server: the workflow admin finds an instance waiting
// on a one-day timer, opens it, runs the timer job now and sees the instance move on to its task.
// Run: `node --test client/e2e/monitor.e2e.mjs` (after `NX_DAEMON=false npx nx build server client`).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, chromiumSkip, launchChromium, serverUnderTest, VIEWPORT, watchForProblems } from './support/harness.mjs';
import { deployFixture, startInstance } from './support/workflow-api.mjs';
import { signInOnPage } from './support/second-factor.mjs';

const skip = chromiumSkip();

describe('process monitor in a browser', { skip }, () => {
  /** @type {{ url: string, stop: () => Promise<void>, output: () => string }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  const problems = [];
  let instance;

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
    await deployFixture(server.url, 'monitor-timer.bpmn');
    instance = await startInstance(server.url, 'clerk', 'e2e_timer', { title: '冬季安全检查提醒' });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('should run a waiting timer job now when the workflow admin asks, and show the instance at its next step', async () => {
    // Given the workflow admin signed in
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    page = await context.newPage();
    const expectedFailures = [];
    watchForProblems(page, problems, expectedFailures);
    await page.goto(server.url + '/login');
    // the workflow admin enrols a second factor at the first sign-in (support/second-factor.mjs)
    await signInOnPage(page, server.url, 'admin', expectedFailures);
    // When they open 流程监控 and filter running instances of the process
    const menuItem = page.locator('nav').getByText('流程监控', { exact: true });
    await menuItem.waitFor();
    await menuItem.click();
    await page.waitForURL(/\/monitor$/);
    const rowOf = page.locator(`tr[data-instance-id="${instance.id}"]`);
    await rowOf.waitFor();
    assert.match(await rowOf.innerText(), /运行中/);
    // the row names the matter by its title and the process by its name, not by ids
    assert.equal(await rowOf.getByTestId('monitor-title').innerText(), '冬季安全检查提醒');
    assert.match(await rowOf.innerText(), /定时提醒/);
    assert.doesNotMatch(await page.locator('nz-table').innerText(), /e2e_timer/);
    // the filters are labelled
    await page.getByLabel('流程', { exact: true }).waitFor();
    await page.getByLabel('业务编号', { exact: true }).waitFor();
    await screenshot('monitor-01-list');

    // And open the instance
    await rowOf.click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.locator('.progress-diagram-canvas[data-state="ready"]').waitFor();
    // Then the diagram marks the timer as current and the pending timer job is listed
    await drawer.locator('.djs-element.lz-current[data-element-id="Wait_1"]').waitFor();
    const job = drawer.locator('table.jobs tbody tr').first();
    await job.waitFor();
    assert.equal(await job.getByTestId('job-status').innerText(), '待执行');
    await screenshot('monitor-02-instance');

    // When they run the job now
    await job.getByRole('button', { name: '立即执行' }).click();
    // Then the job is done and the instance waits at 处理
    await page.getByText('作业已执行').waitFor();
    await drawer.locator('.djs-element.lz-current[data-element-id="Handle_1"]').waitFor();
    await drawer.locator('.djs-element.lz-done[data-element-id="Wait_1"]').waitFor();
    assert.equal(await drawer.locator('table.jobs tbody tr').first().getByTestId('job-status').getAttribute('data-status'), 'done');
    assert.match(await page.locator('.page-title').innerText(), /流程监控/);
    await screenshot('monitor-03-job-done');
    assert.deepEqual(problems, [], `problems in the page:\n${problems.join('\n')}`);
  });

  test('should reassign the waiting task with a reason and then terminate the instance with a reason', async () => {
    // Given the instance of the first test, now waiting at 处理 (clerk), open in the drawer
    const drawer = page.locator('.ant-drawer-content');
    const task = drawer.locator('.open-tasks li').first();
    await task.waitFor();
    assert.match(await task.innerText(), /处理/);
    // When the admin reassigns it to 陈静 (picked by initials) with a reason
    await task.locator('[data-action="reassign"]').click();
    const users = page.waitForResponse((r) => r.url().includes('/api/users?') && r.url().includes('q=cj') && r.status() === 200);
    await task.locator('app-user-picker nz-select').click();
    await page.keyboard.type('cj');
    await users;
    await page.locator('nz-option-item', { hasText: '陈静' }).click();
    await task.locator('textarea#reason').fill('原办理人休假');
    await task.locator('.operation-form button[type="submit"]').click();
    // Then the task shows its new handler
    await drawer.locator('.open-tasks li', { hasText: '陈静' }).waitFor();
    await screenshot('monitor-04-reassigned');

    // When they terminate the instance, which needs a reason first
    const terminate = drawer.locator('[data-action="terminate"]');
    assert.equal(await terminate.isDisabled(), true);
    await drawer.getByTestId('intervene-reason').fill('重复发起，终止');
    await terminate.click();
    // Then the instance is terminated and its history records the intervention
    await page.getByText('实例已终止').waitFor();
    await drawer.getByText('定时提醒 · 第 1 版 · 已终止').waitFor();
    await page.locator(`tr[data-instance-id="${instance.id}"]`, { hasText: '已终止' }).waitFor();
    assert.match(await drawer.locator('.history').innerText(), /instance\.intervention/);
    await screenshot('monitor-05-terminated');
    assert.deepEqual(problems, [], `problems in the page:\n${problems.join('\n')}`);
  });

  async function screenshot(name) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `${name}: the page scrolls horizontally at ${VIEWPORT.width}px`);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }
});
