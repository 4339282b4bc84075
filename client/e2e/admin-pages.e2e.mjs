// Browser test of names, states and the admin pages (issue 17, items 7, 8 and 13): the task page
// names the process and the candidate group in Chinese; a failed document list shows the error
// state with 重试; a typed form field survives a reload; the designer fits the diagram into the
// canvas and the form editor's palette is in Chinese. Screenshots of the designer and the monitor
// at 1366 and 390 px as the workflow admin.
// Run: `node --test client/e2e/admin-pages.e2e.mjs` (after `NX_DAEMON=false npx nx build server client`),
// or against a running server with LIUZHUAN_URL.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, chromiumSkip, launchChromium, PASSWORD, ROOT, serverUnderTest, VIEWPORT } from './support/harness.mjs';
import { signInOnPage } from './support/second-factor.mjs';
import { deployFixture, login, startInstance } from './support/workflow-api.mjs';

const skip = chromiumSkip();
const PHONE = { width: 390, height: 844 };
const TITLE = '关于做好冬季供暖保障工作的请示';

describe('names, states and the admin pages', { skip }, () => {
  /** @type {{ url: string, stop: () => Promise<void>, output: () => string }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  let clerk;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await serverUnderTest();
    browser = await launchChromium();
    await deployFixture(server.url, 'states-urge.bpmn');
    clerk = await login(server.url, 'clerk');
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(viewport = VIEWPORT) {
    await page?.context().close();
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    page = await context.newPage();
  }

  async function signIn(username, viewport = VIEWPORT) {
    await newPage(viewport);
    await page.goto(server.url + '/login');
    if (username === 'admin') {
      await signInOnPage(page, server.url, 'admin');
      return;
    }
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL(/\/inbox$/);
  }

  async function screenshot(name) {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  /** The open task of an instance at `step`, read as the clerk. */
  async function openTask(instanceId, step) {
    const tasks = (await clerk('GET', `/tasks?instanceId=${instanceId}&status=open`)).body.items;
    return tasks.find((t) => !step || t.elementId === step);
  }

  test('should name the process and the candidate group on the task page, not their codes', async () => {
    // Given a matter of the fixture (催办测试) at its group-held 领导批示 step (group city-leaders)
    const deadline = new Date(Date.now() + 10 * 24 * 3600_000).toISOString();
    const instance = await startInstance(server.url, 'clerk', 'e2e_states', { title: TITLE, docType: 'GW08', deadline });
    for (const step of ['draft', 'check']) {
      const task = await openTask(instance.id, step);
      assert.equal((await clerk('POST', `/tasks/${task.id}/complete`, {})).status, 200, `complete ${step}`);
    }
    const deputy = await login(server.url, 'deputy');
    const lead = (await deputy('GET', `/tasks?instanceId=${instance.id}&status=open`)).body.items.find((t) => t.elementId === 'lead');
    assert.ok(lead, 'the 领导批示 task is open for 市政府领导');
    // When the deputy (one of 市政府领导) opens it
    await signIn('deputy');
    await page.goto(`${server.url}/tasks/${lead.id}`);
    // Then the process (named once its definition is read) and the group are named in Chinese, and neither code is shown
    await page.getByTestId('task-process').filter({ hasText: '催办测试' }).waitFor();
    assert.match(await page.getByTestId('task-candidates').innerText(), /市政府领导/);
    assert.match(await page.locator('h1.page-title').innerText(), new RegExp(`领导批示 · ${TITLE}`));
    const text = await page.locator('[role="main"]').innerText();
    assert.doesNotMatch(text, /e2e_states|city-leaders|· v1|GW08/);
    // and the initiator among the listed variables by name (张晓明), not the account
    await page.locator('dl.variables dd', { hasText: '张晓明' }).waitFor();
    assert.doesNotMatch(await page.locator('dl.variables').innerText(), /\bclerk\b/);
    await screenshot('admin-pages-01-task-names');
  });

  test('should show the error state with 重试 when the document list fails, and the list after 重试', async () => {
    // Given the clerk, and the document list answering 500
    await signIn('clerk');
    const failing = (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{"code":"INTERNAL","message":"x"}' });
    await page.route(/\/api\/documents\?/, failing);
    // When they open 公文
    await page.goto(server.url + '/documents');
    // Then an error is shown, not the empty picture
    const error = page.getByTestId('error-state');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-failure'), 'error');
    assert.equal(await page.locator('nz-empty').count(), 0);
    await screenshot('admin-pages-02-documents-error');
    // When the server is back and they press 重试, then the list is shown
    await page.unroute(/\/api\/documents\?/, failing);
    await page.getByTestId('retry').click();
    await page.locator('nz-table').waitFor();
    assert.equal(await error.count(), 0);
  });

  test('should keep a typed form field over a reload until the task is sent', async () => {
    // Given an incoming document registered by the clerk, at its 签收 step
    const created = await clerk('POST', '/documents', {
      direction: 'incoming',
      docType: 'GW08',
      title: '陕西省住房和城乡建设厅关于开展冬季安全检查的通知',
      issuer: '陕西省住房和城乡建设厅',
      mainRecipients: ['各市人民政府'],
      registration: {
        sourceOrg: '陕西省住房和城乡建设厅',
        sourceDocNumber: '陕建发〔2026〕91号',
        signedForAt: new Date().toISOString(),
        channel: 'EXCHANGE',
        handlingType: 'ACT',
        timeLimitWorkdays: 5,
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const task = await openTask(created.body.instanceId);
    assert.ok(task, 'the document has an open task');
    await signIn('clerk');
    await page.goto(`${server.url}/tasks/${task.id}`);
    await page.locator('app-approval-panel').waitFor();
    const claim = page.locator('app-approval-panel').getByRole('button', { name: '签收', exact: true });
    if (await claim.count()) {
      await claim.click();
      await claim.waitFor({ state: 'detached' });
    }
    const editable = page.locator('[data-testid="task-form"] .task-form-host:not(.task-form-readonly) .fjs-form');
    await editable.waitFor();
    // When they type into a field of the form and reload
    const field = page.locator('[data-testid="task-form"] .fjs-form-field', { has: page.locator('label', { hasText: '份数' }) }).first();
    await field.locator('input').fill('3');
    await page.waitForFunction((key) => localStorage.getItem(key) !== null, `liuzhuan.draft.clerk.task:${task.id}:form`);
    await page.reload();
    await editable.waitFor();
    // Then the value is there again
    assert.equal(await field.locator('input').inputValue(), '3');
    await screenshot('admin-pages-03-form-draft');
  });

  test('should fit the diagram into the canvas and show the form palette in Chinese', async () => {
    // Given the workflow admin in 流程设计
    await signIn('admin');
    await page.goto(server.url + '/designer');
    await page.locator('.djs-palette').waitFor();
    // When they import a diagram
    await page.locator('input[data-testid="bpmn-file"]').setInputFiles({
      name: 'leave-approval.bpmn',
      mimeType: 'application/xml',
      buffer: readFileSync(join(ROOT, 'client/e2e/fixtures/leave-approval-bad.bpmn')),
    });
    await page.locator('.djs-element[data-element-id="Approve_1"]').waitFor();
    // Then every element lies inside the canvas
    const outside = await page.evaluate(() => {
      const box = document.querySelector('.designer-canvas').getBoundingClientRect();
      return [...document.querySelectorAll('.djs-shape[data-element-id]')]
        .map((el) => [el.getAttribute('data-element-id'), el.getBoundingClientRect()])
        .filter(([, r]) => r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        .map(([id]) => id);
    });
    assert.deepEqual(outside, [], 'elements outside the canvas after import');
    await screenshot('admin-pages-04-designer-fit');

    // When they open the form editor of the user task
    await page.locator('.djs-element[data-element-id="Approve_1"]').click();
    const oaGroup = page.locator('[data-group-id="group-oa"]');
    await oaGroup.waitFor();
    if (!(await oaGroup.getByLabel('表单').isVisible())) await oaGroup.locator('.bio-properties-panel-group-header').click();
    await oaGroup.getByLabel('表单').fill('leave-form');
    await oaGroup.getByRole('button', { name: '编辑表单' }).click();
    const palette = page.locator('.fjs-editor-container .fjs-palette').first();
    await palette.waitFor();
    // Then the palette's heading, groups, fields and search are in Chinese
    await palette.locator('.fjs-palette-group-title', { hasText: '输入' }).waitFor();
    const groups = await palette.locator('.fjs-palette-group-title').allInnerTexts();
    assert.deepEqual(
      groups.map((g) => g.trim()),
      ['输入', '选择', '展示', '容器', '操作'],
    );
    assert.equal((await palette.locator('.fjs-palette-header').innerText()).trim(), '组件');
    assert.equal(await palette.locator('input.fjs-palette-search').getAttribute('placeholder'), '搜索组件');
    await palette.locator('.fjs-palette-field', { hasText: '单行文本' }).waitFor();
    assert.doesNotMatch(await palette.innerText(), /Text field|Checkbox|Presentation/);
    // and its search finds a field by its Chinese name
    await palette.locator('input.fjs-palette-search').fill('多行');
    await palette.locator('.fjs-palette-field', { hasText: '多行文本' }).waitFor();
    assert.equal(await palette.locator('.fjs-palette-field').count(), 1);
    await screenshot('admin-pages-05-form-palette');
    // When they open the form's general properties
    const panel = page.locator('.fjs-properties-panel').first();
    const general = panel.locator('.bio-properties-panel-group', { has: page.getByText('常规', { exact: true }) }).first();
    await general.waitFor();
    if (!(await general.locator('.bio-properties-panel-group-entries.open').count()))
      await general.locator('.bio-properties-panel-group-header').click();
    // Then the properties panel speaks Chinese: its type, groups, labels and hints
    await general.locator('.bio-properties-panel-label', { hasText: /^标识/ }).first().waitFor();
    await page.waitForTimeout(300);
    await screenshot('admin-pages-05b-form-properties');
    const panelText = await panel.innerText();
    assert.match(panelText, /表单/, panelText);
    assert.doesNotMatch(panelText, /\b(General|Label|Key|Validation|Required|Field description|Binds to a form variable)\b/, panelText);
  });

  test('should read right for the workflow admin in the designer and the monitor at 1366 and 390 px (screenshots)', async () => {
    // a matter of its own, so that the monitor has a title to show whatever ran before
    const title = '关于冬季供暖保障情况的报告';
    await startInstance(server.url, 'clerk', 'e2e_states', { title, deadline: new Date(Date.now() + 10 * 24 * 3600_000).toISOString() });
    const overflowing = [];
    for (const [size, viewport] of [
      ['1366', VIEWPORT],
      ['390', PHONE],
    ]) {
      await signIn('admin', viewport);
      await page.goto(server.url + '/monitor');
      await page.locator('[data-testid="monitor-title"]').first().waitFor();
      await page.getByTestId('monitor-title').filter({ hasText: title }).waitFor();
      let overflow = await screenshot(`admin-pages-monitor-${size}`);
      if (overflow > 0) overflowing.push(`monitor ${size}: ${overflow}px`);
      await page.goto(server.url + '/designer');
      await page.locator('.djs-palette').waitFor();
      overflow = await screenshot(`admin-pages-designer-${size}`);
      if (overflow > 0) overflowing.push(`designer ${size}: ${overflow}px`);
    }
    // the phone layout is another helper's (item 11): report, do not fail on it
    if (overflowing.length) console.log(`pages wider than the viewport:\n${overflowing.join('\n')}`);
  });
});
