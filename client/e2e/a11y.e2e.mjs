// Browser test of accessibility (WCAG 2.1 AA) against the real server: axe-core finds no serious or
// critical violation on the pages each role works in — the clerk's 待办, 已办, document list, a
// document and a task page, a leader's 领导批示 page, the admins' pages — and a keyboard user can
// reach and open a task with a visible focus, and keeps a sensible focus after 签收 and 提交办理.
// Screenshots of the focus: client/e2e/artifacts/a11y-*.png.
// Run: `node --test client/e2e/a11y.e2e.mjs` after `NX_DAEMON=false npx nx build server client`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { seriousViolations } from './support/axe.mjs';
import { newWatchedPage, signInWithPassword } from './support/browser-session.mjs';
import { signedInUsers } from './support/demo-api.mjs';
import { ARTIFACTS, chromiumSkip, launchChromium, serverUnderTest } from './support/harness.mjs';
import { signInOnPage } from './support/second-factor.mjs';
import { deployFixture, startInstance } from './support/workflow-api.mjs';

const skip = chromiumSkip();
const TITLE = '陕西省应急管理厅关于做好冬春火灾防控工作的通知';
const DRAFT = '关于做好无障碍办公的通知';

describe('accessibility of the pages in a browser', { skip }, () => {
  /** @type {{ url: string, stop: () => Promise<void>, output: () => string }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  let api, openTask, take;
  let doc;
  let registerTask;
  let instructTask;

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
    ({ api, openTask, take } = await signedInUsers(server.url, ['clerk', 'head', 'mayor']));
    // a 收文 at the clerks' 登记 (a group task) and another one at 领导批示, claimed by the mayor
    doc = await incoming(TITLE);
    await take('clerk', doc.instanceId, 'signFor');
    registerTask = await openTask('clerk', doc.instanceId, 'register');
    const other = await incoming('关于加强春节期间值班工作的通知');
    for (const step of ['signFor', 'register', 'screen']) await take('clerk', other.instanceId, step);
    await take('head', other.instanceId, 'propose', { proposal: '拟请周副市长阅示。' }, '拟请周副市长阅示。');
    instructTask = await openTask('mayor', other.instanceId, 'instruct');
    await api('mayor', 'POST', `/tasks/${instructTask.id}/claim`, {});
    // a task of the clerk's own (拟稿, no claim) for the keyboard test
    await deployFixture(server.url, 'inbox-review.bpmn');
    await startInstance(server.url, 'clerk', 'e2e_review', { title: DRAFT, docType: '通知' });
  });

  after(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.stop();
  });

  function incoming(title) {
    return api('clerk', 'POST', '/documents', {
      direction: 'incoming',
      docType: 'GW08',
      title,
      issuer: '陕西省应急管理厅',
      mainRecipients: ['各市人民政府'],
      urgency: 'URGENT',
      body: '各市人民政府：\n冬春季节是火灾多发期，请各地切实落实防火责任。',
      registration: {
        sourceOrg: '陕西省应急管理厅',
        sourceDocNumber: '陕应急发〔2026〕41号',
        signedForAt: new Date().toISOString(),
        channel: 'EXCHANGE',
        handlingType: 'ACT',
        timeLimitWorkdays: 5,
      },
    });
  }

  async function signIn(username) {
    await page?.context().close();
    page = await newWatchedPage(browser, { timezoneId: 'Asia/Shanghai' });
    await page.goto(server.url + '/login');
    if (['clerk', 'head', 'mayor'].includes(username)) await signInWithPassword(page, username);
    else await signInOnPage(page, server.url, username);
  }

  /** Opens a page of the app, waits for `ready` (a selector) and checks it with axe-core. */
  async function audit(path, ready) {
    await page.goto(server.url + path);
    await page.locator(ready).first().waitFor();
    await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
    const violations = await seriousViolations(page);
    assert.deepEqual(violations, [], `serious or critical violations on ${path}:\n${JSON.stringify(violations, null, 2)}`);
  }

  /** The outline drawn around the element that has the focus now (none: no focus ring), once its transitions have run. */
  function focusRing() {
    return page.evaluate(() => {
      const element = document.activeElement;
      // ng-zorro's buttons animate every property (transition: all .3s): the outline grows from 0
      for (const animation of element.getAnimations()) animation.finish();
      const style = getComputedStyle(element);
      return {
        tag: element.tagName.toLowerCase(),
        text: (element.textContent ?? '').trim().slice(0, 40),
        outline: `${style.outlineStyle} ${style.outlineWidth}`,
        visible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
      };
    });
  }

  test('should have no serious accessibility violation on the clerk’s inbox, list, document and task pages', async () => {
    await signIn('clerk');
    await audit('/inbox', 'tbody tr[data-row-id]');
    await audit('/inbox/done', 'h1');
    await audit('/documents', 'tbody tr:not(.ant-table-measure-now) td a');
    await audit(`/documents/${doc.id}`, 'h1');
    await audit(`/tasks/${registerTask.id}`, '[data-testid="task-document"] h2');
  });

  test('should have no serious accessibility violation on a leader’s 领导批示 page', async () => {
    await signIn('mayor');
    await audit(`/tasks/${instructTask.id}`, '[data-action="complete"]');
  });

  test('should have no serious accessibility violation on the admins’ pages', async () => {
    for (const [user, paths] of [
      ['sysadmin', [['/admin', 'h1']]],
      ['secadmin', [['/security', 'h1']]],
      ['auditor', [['/audit', 'h1']]],
      [
        'admin',
        [
          ['/designer', '.designer-toolbar'],
          ['/monitor', 'h1'],
        ],
      ],
    ]) {
      await signIn(user);
      for (const [path, ready] of paths) await audit(path, ready);
    }
  });

  test('should let a keyboard user open a task from the inbox with a visible focus, and keep the focus after acting', async () => {
    // Given the clerk in 待办
    await signIn('clerk');
    const link = page.locator('tbody tr[data-row-id] a.title-link', { hasText: DRAFT });
    await link.waitFor();
    // When they press Tab until the task's title has the focus, then every element on the way shows a focus ring
    const seen = [];
    for (let presses = 0; presses < 60; presses++) {
      await page.keyboard.press('Tab');
      const ring = await focusRing();
      seen.push(ring);
      assert.ok(ring.visible, `no visible focus on <${ring.tag}> "${ring.text}" (outline: ${ring.outline})`);
      if (await link.evaluate((a) => a === document.activeElement)) break;
    }
    assert.ok(
      await link.evaluate((a) => a === document.activeElement),
      `Tab never reached the task: ${seen.map((s) => s.text).join(' | ')}`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-01-inbox-focus.png') });
    // And Enter opens it
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/tasks\/\w+$/);
    await page.locator('[data-action="complete"]').waitFor();
    // When they write an opinion and submit with the keyboard
    await page.locator('textarea#opinion').fill('已按要求拟稿');
    await page.locator('[data-action="complete"]').focus();
    assert.ok((await focusRing()).visible, 'the 办理 button shows its focus');
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-02-task-focus.png') });
    await page.keyboard.press('Enter');
    // Then they are back in 待办 with the focus on its heading, not lost on <body>
    await page.waitForURL(/\/inbox$/);
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), '待办');

    // When they open the group task at 登记 and press 签收
    await page.goto(`${server.url}/tasks/${registerTask.id}`);
    const claim = page.getByTestId('task-panel').getByRole('button', { name: '签收', exact: true });
    await claim.focus();
    await page.keyboard.press('Enter');
    // Then the focus is in the opinion they now write, with a ring
    await page.waitForFunction(() => document.activeElement?.id === 'opinion');
    assert.ok((await focusRing()).visible, 'the opinion shows its focus');
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-03-claimed-focus.png') });
  });

  test('should ring the heading the focus moves to after a mouse click, but not a button clicked with the mouse', async () => {
    // Given the clerk in 待办, using the mouse
    await signIn('clerk');
    const link = page.locator('tbody tr[data-row-id] a.title-link').first();
    await link.waitFor();
    // When they click a task's title, the link goes away with the page
    await link.click();
    await page.waitForURL(/\/tasks\/\w+$/);
    // Then the focus is on the task page's heading, with a visible ring (WCAG 2.4.7)
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    const heading = await focusRing();
    assert.ok(heading.visible, `the heading shows no focus (outline: ${heading.outline})`);
    await page.screenshot({ path: join(ARTIFACTS, 'a11y-04-heading-focus.png') });
    // When they click the menu button with the mouse, then it has the focus but shows no ring
    await page.locator('.shell-toggle').click();
    assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('shell-toggle')), true);
    const button = await focusRing();
    assert.equal(button.visible, false, `a clicked button shows a ring (outline: ${button.outline})`);
  });
});
