// Browser test of the inbox and the task page against the real server: the clerk finds a task in
// 待办, sees the progress diagram mark the current step, completes it with an opinion; the office
// head finds it, sees the record; the head returns it with a reason and the clerk sees it back.
// Run: `node --test client/e2e/inbox.e2e.mjs` (after `NX_DAEMON=false npx nx build server client`),
// or against a running server with LIUZHUAN_URL.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, chromiumSkip, launchChromium, PASSWORD, serverUnderTest, VIEWPORT, watchForProblems } from './support/harness.mjs';
import { deployFixture, login, startInstance } from './support/workflow-api.mjs';

const skip = chromiumSkip();
const TITLE = '关于做好冬季安全生产工作的通知';

describe('inbox and task handling in a browser', { skip }, () => {
  /** @type {{ url: string, stop: () => Promise<void>, output: () => string }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  let problems = [];
  const expectedFailures = [];

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
    await deployFixture(server.url, 'inbox-review.bpmn');
    await startInstance(server.url, 'clerk', 'e2e_review', { title: TITLE, docType: '通知', urgency: '特急' });
    await startInstance(server.url, 'clerk', 'e2e_review', { title: '2026年度工作总结', docType: '报告' });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username) {
    await page?.context().close();
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    page = await context.newPage();
    watchForProblems(page, problems, expectedFailures);
    await page.goto(server.url + '/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('密码').press('Enter');
    await page.waitForURL(/\/inbox$/);
  }

  /** The inbox row of a title, once the list has loaded it. */
  function row(title) {
    return page.locator('tbody tr[data-row-id]', { hasText: title });
  }

  async function openTask(title) {
    await row(title).locator('a.title-link').click();
    await page.waitForURL(/\/tasks\/\w+$/);
    await page.locator('.progress-diagram-canvas[data-state="ready"]').waitFor();
  }

  test('should complete a task from the inbox with an opinion and show the progress to the next handler', async () => {
    // Given the clerk signed in, with two drafts in 待办
    await signIn('clerk');
    await row(TITLE).waitFor();
    await row('2026年度工作总结').waitFor();
    assert.match(await row(TITLE).innerText(), /特急/);
    // When a new task reaches the clerk while 待办 is open, then it appears without a reload (live notification)
    await startInstance(server.url, 'clerk', 'e2e_review', { title: '关于开展消防检查的通知', docType: '通知', urgency: '加急' });
    await row('关于开展消防检查的通知').waitFor({ timeout: 15_000 });
    // When they search, then only the matching task remains
    await page.getByPlaceholder('搜索标题、环节、发起人').fill('冬季');
    await assert.doesNotReject(row('2026年度工作总结').waitFor({ state: 'detached' }));
    assert.equal(await page.locator('tbody tr[data-row-id]').count(), 1);
    assert.match(await page.getByTestId('inbox-count').innerText(), /共 1 项/);
    await screenshot('inbox-01-clerk-search');

    // When they open the task, then the diagram marks 拟稿 as current, with the legend and the bpmn.io watermark
    await openTask(TITLE);
    await page.locator('.djs-element.lz-current[data-element-id="Draft_1"]').waitFor();
    await assertVisible('.bjs-powered-by', 'the bpmn.io watermark');
    await page.getByText('当前环节', { exact: true }).first().waitFor();
    assert.equal(await page.getByTestId('task-step').innerText(), '拟稿');
    // And they write an opinion with a common phrase and submit
    await page.locator('.phrase', { hasText: '请按程序办理' }).click();
    // (zoneless change detection renders the chosen phrase on its next tick)
    await page.waitForFunction(() => document.querySelector('textarea#opinion')?.value === '请按程序办理');
    await page.locator('textarea#opinion').fill('已按要求修改，请审核');
    await screenshot('inbox-02-task-opinion');
    await page.locator('[data-action="complete"]').click();

    // Then they are back in 待办 and the task is gone
    await page.waitForURL(/\/inbox$/);
    await row('2026年度工作总结').waitFor();
    await row(TITLE).waitFor({ state: 'detached' });

    // When they look at 我发起的, then the instance is listed at its open step, with its urgency from the list
    // (no instance read one by one), and opens read-only with who holds it now
    const instanceReads = watchInstanceReads();
    await page.locator('nav').getByText('我发起的', { exact: true }).click();
    await page.waitForURL(/\/inbox\/started$/);
    assert.match(await row(TITLE).innerText(), /审核/);
    assert.match(await row(TITLE).innerText(), /特急/);
    assert.deepEqual(instanceReads.stop(), [], '我发起的 reads no instance one by one');
    await row(TITLE).locator('a.title-link').click();
    await page.waitForURL(/\/tasks\/instance\/\w+$/);
    await page.locator('.processing-record', { hasText: '已按要求修改，请审核' }).waitFor();
    await page.locator('.others li', { hasText: '刘洋' }).waitFor();
    assert.match(await page.locator('.others li').first().innerText(), /审核\s+刘洋\s+未查看/);
    assert.equal(await page.locator('textarea#opinion').count(), 0);
    await screenshot('inbox-02b-started-instance');

    // When the office head opens their 待办
    await signIn('head');
    await row(TITLE).waitFor();
    await openTask(TITLE);
    // Then the record shows the clerk's opinion and the diagram the path: 拟稿 done, 审核 current
    await page.locator('.processing-record', { hasText: '已按要求修改，请审核' }).waitFor();
    await page.locator('.djs-element.lz-done[data-element-id="Draft_1"]').waitFor();
    await page.locator('.djs-element.lz-current[data-element-id="Review_1"]').waitFor();
    await page.locator('.djs-connection.lz-flow[data-element-id="Flow_1"]').waitFor({ state: 'attached' });
    await screenshot('inbox-03-head-task');
    assertNoProblems();
  });

  test('should bring a returned task back to the drafter with the reason', async () => {
    // Given the head on the review task of the first test
    await signIn('head');
    await row(TITLE).waitFor();
    await openTask(TITLE);
    // When they return it with a reason
    await page.locator('[data-action="return"]').click();
    const confirm = page.locator('.operation-form button[type="submit"]');
    await page.getByText('请填写原因').waitFor();
    assert.equal(await confirm.isDisabled(), true);
    await page.locator('textarea#reason').fill('请补充安全检查的具体要求');
    await screenshot('inbox-04-return-form');
    await confirm.click();
    await page.waitForURL(/\/inbox$/);

    // Then the clerk finds it in 待办 again, with the reason in the record and the return marked
    await signIn('clerk');
    await row(TITLE).waitFor();
    await openTask(TITLE);
    await page.locator('.processing-record', { hasText: '请补充安全检查的具体要求' }).waitFor();
    assert.match(await page.getByTestId('returned-banner').innerText(), /刘洋 退回了此事项：请补充安全检查的具体要求/);
    await page.locator('.djs-element.lz-current.lz-returned[data-element-id="Draft_1"]').waitFor();
    await screenshot('inbox-05-returned');
    assertNoProblems();
  });

  test('should let the drafter withdraw a completed task from 已办 while the next handler has not opened it', async () => {
    // Given the clerk completed the 消防检查 draft (the head has not opened the review)
    await signIn('clerk');
    await row('关于开展消防检查的通知').waitFor();
    await openTask('关于开展消防检查的通知');
    await page.locator('[data-action="complete"]').click();
    await page.waitForURL(/\/inbox$/);
    await row('关于开展消防检查的通知').waitFor({ state: 'detached' });
    // When they open it from 已办 and withdraw it with a note
    await page.locator('nav').getByText('已办', { exact: true }).click();
    await page.waitForURL(/\/inbox\/done$/);
    await openTask('关于开展消防检查的通知');
    await page.locator('[data-action="withdraw"]').click();
    await page.locator('textarea#reason').fill('附件漏传，撤回补充');
    await screenshot('inbox-06-withdraw');
    await page.locator('.operation-form button[type="submit"]').click();
    // Then the draft is back in their 待办
    await page.waitForURL(/\/inbox$/);
    await row('关于开展消防检查的通知').waitFor();
    assertNoProblems();
  });

  test('should find the task of a 公文 by the pinyin initials of its title (searched by the server)', async () => {
    // Given an outgoing 公文 drafted by the clerk: its 拟稿 task is in their 待办
    const clerkApi = await login(server.url, 'clerk');
    const draft = await clerkApi('POST', '/documents', {
      direction: 'outgoing',
      docType: 'GW08',
      title: '安康市人民政府关于加强秸秆禁烧工作的通知',
      mainRecipients: ['各县（区）人民政府'],
    });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    await signIn('clerk');
    await page.locator('tbody tr[data-row-id]').first().waitFor();
    // When they type the initials of 秸秆禁烧
    await page.getByPlaceholder('搜索标题、环节、发起人').fill('jgjs');
    // Then the server finds that one task, named by the document's title and 文种
    await page
      .waitForFunction(() => document.querySelector('[data-testid="inbox-count"]')?.textContent?.includes('共 1 项'), undefined, {
        timeout: 10_000,
      })
      .catch(async (e) => {
        await page.screenshot({ path: join(ARTIFACTS, 'inbox-07-pinyin-search-failed.png'), fullPage: true });
        throw e;
      });
    assert.equal(await page.locator('tbody tr[data-row-id]').count(), 1);
    const found = await row('安康市人民政府关于加强秸秆禁烧工作的通知').innerText();
    assert.match(found, /通知/);
    assert.match(found, /拟稿/);
    await screenshot('inbox-07-pinyin-search');
    assertNoProblems();
  });

  test('should list a copy in 抄送我的 with the matter of its instance, reading no instance one by one', async () => {
    // Given the clerk copies their 拟稿 of the first test to the office head
    const clerkApi = await login(server.url, 'clerk');
    const tasks = await clerkApi('GET', '/tasks?assignee=me&status=open');
    const draft = tasks.body.items.find((t) => t.title === TITLE);
    assert.ok(draft, JSON.stringify(tasks.body));
    const cc = await clerkApi('POST', `/tasks/${draft.id}/cc`, { usernames: ['head'], note: '请阅知' });
    assert.equal(cc.status, 200, JSON.stringify(cc.body));
    // When the head opens 抄送我的
    await signIn('head');
    const instanceReads = watchInstanceReads();
    await page.locator('nav').getByText('抄送我的', { exact: true }).click();
    await page.waitForURL(/\/inbox\/cc$/);
    // Then the copy is named by its title, with its 文种 and urgency, from the 抄送 list alone
    await row(TITLE).waitFor();
    const copied = await row(TITLE).innerText();
    assert.match(copied, /特急/);
    assert.match(copied, /通知/);
    assert.match(copied, /请阅知/);
    assert.deepEqual(instanceReads.stop(), [], '抄送我的 reads no instance one by one');
    await screenshot('inbox-08-cc');
    assertNoProblems();
  });

  /** Records the page's requests for one instance (GET /api/instances/:id) until stopped. */
  function watchInstanceReads() {
    const reads = [];
    const listener = (request) => {
      if (/\/api\/instances\/[^/?]+(\?|$)/.test(new URL(request.url()).pathname)) reads.push(request.url());
    };
    page.on('request', listener);
    return {
      stop: () => {
        page.off('request', listener);
        return reads;
      },
    };
  }

  function assertNoProblems() {
    const left = problems;
    problems = [];
    assert.deepEqual(left, [], `problems in the page:\n${left.join('\n')}`);
  }

  async function assertVisible(selector, what) {
    const box = await page.locator(selector).first().boundingBox();
    assert.ok(box && box.width > 0 && box.height > 0, `${what} is visible`);
    assert.ok(box.x >= 0 && box.y >= 0 && box.x + box.width <= VIEWPORT.width, `${what} lies inside the viewport`);
  }

  async function screenshot(name) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `${name}: the page scrolls horizontally at ${VIEWPORT.width}px`);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }
});
