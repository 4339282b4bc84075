// Browser test of the process designer against the real server: a workflow admin imports a
// .bpmn with an element the engine refuses, deploys, sees the diagnostic on the element, fixes
// it, deploys again and finds version 1 in the list. Run: `node --test client/e2e/` (after
// `NX_DAEMON=false npx nx build server client`), or point it at a running server with LIUZHUAN_URL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, chromiumSkip, launchChromium, ROOT, serverUnderTest, VIEWPORT, watchForProblems } from './support/harness.mjs';
import { signInOnPage } from './support/second-factor.mjs';

const FIXTURE = join(ROOT, 'client/e2e/fixtures/leave-approval-bad.bpmn');
const skip = chromiumSkip();

describe('process designer in a browser', { skip }, () => {
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

  test('should show the compile diagnostic on the element and deploy version 1 when the admin fixes it', async () => {
    // Given the workflow admin signed in
    await openPage();
    await page.goto(server.url + '/login');
    // the workflow admin enrols a second factor at the first sign-in (support/second-factor.mjs)
    await signInOnPage(page, server.url, 'admin', expectedFailures);
    // When they open 流程设计
    const menuItem = page.locator('nav').getByText('流程设计', { exact: true });
    await menuItem.waitFor();
    await menuItem.click();
    await page.waitForURL(/\/designer$/);
    // Then the page is named by one heading, as every page is (visually hidden above the canvas)
    const heading = page.getByRole('heading', { level: 1 });
    assert.equal(await heading.count(), 1);
    assert.equal((await heading.textContent()).trim(), '流程设计');
    // And the modeler shows its Chinese palette, the properties panel and the bpmn.io watermark
    await page.locator('.djs-palette').waitFor();
    await page.locator('.djs-palette .entry[aria-label="任务"]').waitFor();
    await page.locator('.bio-properties-panel-header-type', { hasText: '流程' }).waitFor();
    await page.locator('.bio-properties-panel').first().waitFor();
    await assertVisible('.bjs-powered-by', 'the bpmn.io watermark');
    await screenshot('designer-01-new');

    // When they import a .bpmn whose script task is JavaScript (the engine runs FEEL only)
    await page.locator('input[data-testid="bpmn-file"]').setInputFiles({
      name: 'leave-approval.bpmn',
      mimeType: 'application/xml',
      buffer: readFileSync(FIXTURE),
    });
    await page.getByText('已导入 leave-approval.bpmn').waitFor();
    await page.locator('.djs-element[data-element-id="Script_1"]').waitFor();

    // And set the assignee of the user task with the pinyin picker (zxm → 张晓明)
    await page.locator('.djs-element[data-element-id="Approve_1"]').click();
    await page.getByText('流转', { exact: true }).first().waitFor();
    const oaGroup = page.locator('[data-group-id="group-oa"]');
    if (!(await oaGroup.locator('.oa-user-picker').isVisible())) await oaGroup.locator('.bio-properties-panel-group-header').click();
    const users = page.waitForResponse((r) => r.url().includes('/api/users?') && r.status() === 200);
    await oaGroup.getByPlaceholder('输入姓名、拼音或首字母搜索').fill('zxm');
    await users;
    await oaGroup.getByRole('option', { name: /张晓明/ }).click();
    await oaGroup.locator('.oa-user-picker-value', { hasText: 'clerk' }).waitFor();
    await oaGroup.getByLabel('办理时限（工作日）').fill('3');
    await screenshot('designer-02-oa-properties');

    // And design its task form with form-js (kept in memory: there is no forms API yet)
    await oaGroup.getByLabel('表单').fill('leave-form');
    await oaGroup.getByRole('button', { name: '编辑表单' }).click();
    await page.getByText('表单设计：leave-form').waitFor();
    await page.locator('.fjs-editor-container .fjs-palette').first().waitFor();
    await screenshot('designer-02b-form-editor');
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    await page.locator('.fjs-editor-container').waitFor({ state: 'detached' });

    // When they validate it, then the server's compiler finds the script task, stores nothing, and it is badged
    const validated = page.waitForResponse((r) => r.url().endsWith('/api/definitions/validate') && r.request().method() === 'POST');
    await page.getByRole('button', { name: /校验/ }).click();
    assert.equal((await validated).status(), 200);
    await page.locator('.designer-diagnostic[data-element-id="Script_1"]').waitFor();
    await page.locator('.oa-diagnostic-badge[data-element-id="Script_1"]').waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });

    // And deploy
    expectedFailures.push({ method: 'POST', path: '/api/definitions', status: 422, responseSeen: false, consoleSeen: false });
    const refused = page.waitForResponse((r) => r.url().endsWith('/api/definitions') && r.request().method() === 'POST');
    await page.getByRole('button', { name: /部署/ }).click();
    assert.equal((await refused).status(), 422);
    // Then the diagnostic is listed and badged on the script task
    await page.getByText('部署被拒绝').waitFor();
    const entry = page.locator('.designer-diagnostic[data-element-id="Script_1"]');
    await entry.waitFor();
    await assertVisible('.oa-diagnostic-badge[data-element-id="Script_1"]', 'the badge on Script_1');
    assert.ok(await page.locator('.djs-element.oa-has-error[data-element-id="Script_1"]').count(), 'Script_1 is marked');
    // And clicking the entry selects the element
    await entry.click();
    await page.locator('.djs-element.selected[data-element-id="Script_1"]').waitFor();
    await screenshot('designer-03-diagnostics');

    // When they turn the script task into a plain task (context pad → 更改类型 → 任务)
    await page.locator('.djs-context-pad [data-action="replace"]').click();
    await page.locator('.djs-popup [data-id="replace-with-task"]').click();
    await page.locator('.djs-popup').waitFor({ state: 'detached' });
    await page.locator('.bio-properties-panel-header-type', { hasText: '任务' }).waitFor();
    // And deploy again (once the toasts of the first attempt, which cover the toolbar, are gone)
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    const deployed = page.waitForResponse((r) => r.url().endsWith('/api/definitions') && r.request().method() === 'POST');
    await page.getByRole('button', { name: /部署/ }).click();
    const response = await deployed;
    assert.equal(response.status(), 201);
    const definition = await response.json();
    // Then version 1 is deployed, the badges are gone, and the list shows it
    await page.getByText('已部署：请假审批 第 1 版').waitFor();
    assert.equal(await page.locator('.oa-diagnostic-badge').count(), 0);
    await page.getByRole('button', { name: /版本列表/ }).click();
    const row = page.locator(`tr[data-definition-id="${definition.id}"]`);
    await row.waitFor();
    assert.equal((await row.locator('.versions-version').textContent())?.trim(), '1');
    await page.waitForTimeout(400); // the drawer's slide-in animation
    await assertVisible(`tr[data-definition-id="${definition.id}"] button`, 'the 打开 button');
    await screenshot('designer-04-versions');

    // And the deployed XML carries the oa: attributes the engine reads
    const xml = await page.evaluate(async (id) => {
      const { accessToken } = JSON.parse(sessionStorage.getItem('liuzhuan.session') ?? '{}');
      const res = await fetch(`/api/definitions/${id}/xml`, { headers: { Authorization: `Bearer ${accessToken}` } });
      return res.text();
    }, definition.id);
    assert.match(xml, /xmlns:oa="http:\/\/liuzhuan\.org\/schema\/bpmn\/oa"/);
    assert.match(xml, /oa:assignee="clerk"/);
    assert.match(xml, /oa:dueWorkdays="3"/);
    assert.match(xml, /oa:formKey="leave-form"/);
    assert.match(xml, /camunda:candidateGroups="office-clerks"/);

    // When they export, then the model and the form kept in memory are downloaded
    await page.locator('.ant-drawer-open .ant-drawer-close').click();
    const downloads = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));
    await page.getByRole('button', { name: /导出/ }).click();
    await page.getByText('已导出 leave-approval.bpmn').waitFor();
    for (let i = 0; i < 40 && downloads.length < 2; i++) await page.waitForTimeout(100);
    assert.deepEqual(downloads.sort(), ['leave-approval.bpmn', 'leave-form.form']);
    await page.getByRole('button', { name: /版本列表/ }).click();

    // When they open the version, nothing is unsaved and the page can be left without a prompt
    await row.getByRole('button', { name: '打开' }).click();
    await page.getByText('已打开 请假审批 第 1 版').waitFor();
    await page.locator('nav').getByText('流程监控', { exact: true }).click();
    await page.waitForURL(/\/monitor$/);
  });

  test('should ask before leaving when the diagram has unsaved changes', async () => {
    // Given the designer with a change (a task appended to the start event)
    await page.locator('nav').getByText('流程设计', { exact: true }).click();
    await page.locator('.djs-palette').waitFor();
    await page.locator('.djs-element.djs-shape[data-element-id="StartEvent_1"]').click();
    await page.locator('.djs-context-pad [data-action="append.append-task"]').click();
    await page.getByText('有未保存的修改').waitFor();
    // (bpmn-js shortcuts work on the focused canvas: undo and redo the append)
    const shapes = await page.locator('.djs-element.djs-shape').count();
    await page.locator('.djs-container svg').first().focus();
    await page.keyboard.press('Control+z');
    await page.waitForFunction((n) => document.querySelectorAll('.djs-element.djs-shape').length === n - 1, shapes);
    await page.keyboard.press('Control+y');
    await page.waitForFunction((n) => document.querySelectorAll('.djs-element.djs-shape').length === n, shapes);
    // When they try to leave, then a confirmation appears; 继续编辑 keeps them on the page
    await page.locator('nav').getByText('流程监控', { exact: true }).click();
    await page.getByText('放弃未保存的修改？').waitFor();
    await screenshot('designer-05-unsaved');
    await page.getByRole('button', { name: '继续编辑' }).click();
    await page.waitForTimeout(300);
    assert.match(page.url(), /\/designer$/);
  });

  test('should rebuild the modeler in English and keep the unsaved diagram when the language is switched', async () => {
    // Given the designer with the unsaved task of the previous scenario
    const shapes = await page.locator('.djs-element.djs-shape').count();
    // When the user switches to English
    await page.getByRole('button', { name: /English/ }).click();
    // Then the palette, toolbar and panel speak English and nothing was lost
    await page.locator('.djs-palette .entry[aria-label="Create task"]').waitFor();
    await page.getByRole('button', { name: /Deploy/ }).waitFor();
    await page.getByText('Unsaved changes').waitFor();
    assert.equal(await page.locator('.djs-element.djs-shape').count(), shapes);
    await screenshot('designer-06-english');
    // And back to Chinese
    await page.getByRole('button', { name: /中文/ }).click();
    await page.locator('.djs-palette .entry[aria-label="任务"]').waitFor();
  });

  test('should see no console errors or failed requests when the scenarios ran', () => {
    // Given the scenarios above, then nothing but the deliberate 422 went wrong
    assert.deepEqual(problems, []);
    assert.ok(
      expectedFailures.every((f) => f.responseSeen),
      'every deliberate failure was observed',
    );
  });

  async function assertVisible(selector, what) {
    const box = await page.locator(selector).first().boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0, `${what} is visible`);
    assert.ok(
      box.x >= 0 && box.y >= 0 && box.x + box.width <= VIEWPORT.width && box.y + box.height <= VIEWPORT.height,
      `${what} lies inside the viewport`,
    );
  }

  async function screenshot(name) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `${name}: the page scrolls horizontally at ${VIEWPORT.width}px`);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }
});
