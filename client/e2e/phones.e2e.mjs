// Browser test of 移动办公: the client on a phone, 360 to 414 px wide. The side menu gives way to
// a drawer (the header's menu button opens it, it carries the menu's counts, choosing an entry
// navigates and closes it); no page scrolls sideways (inbox, a leader's 批示 task with a PDF
// attachment, the document view with its 处理单, the document list, 代理, the bell's list); and the
// deputy mayor, on a 390 px phone, opens the 批示 from the inbox, reads the 正文 and the PDF, picks a
// 常用语 into the opinion and approves, after which the task has left his inbox.
// The steps before 批示 go through the API. Screenshots: client/e2e/artifacts/phone-*.png.
// Run: `node --test client/e2e/phones.e2e.mjs` after `NX_DAEMON=false npx nx build server client`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openSignedIn } from './support/browser-session.mjs';
import { signedInUsers } from './support/demo-api.mjs';
import { chromiumSkip, launchChromium, serverUnderTest } from './support/harness.mjs';
import { assertNoProblems, saveScreenshot } from './support/page-checks.mjs';
import { onePagePdf } from './support/pdf.mjs';

const skip = chromiumSkip();
const WIDTHS = [360, 390, 414];
const PHONE = { width: 390, height: 844 };
const TITLE = '陕西省应急管理厅关于做好冬春火灾防控工作的通知';
const BODY = '各市人民政府：\n冬春季节是火灾多发期，请各地切实落实防火责任，加强重点场所、人员密集场所的消防安全检查。';
const INSTRUCTION = '请市应急管理局牵头，市住建局配合，抓好落实。';
const LEAD = '安康市住房和城乡建设局';

describe('移动办公: the client on a phone', { skip }, () => {
  /** @type {{ url: string, stop: () => Promise<void>, output: () => string }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  const problems = [];
  const expectedFailures = [];
  let api, take, upload;
  /** the 收文 at 领导批示, made once for both tests */
  let doc;

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
    ({ api, take, upload } = await signedInUsers(server.url, ['clerk', 'head', 'deputy']));
    doc = await documentAtInstruct();
  });

  after(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.stop();
  });

  /** A 收文 with a body and a scanned PDF, taken by the clerks and the office head to 领导批示. */
  async function documentAtInstruct() {
    const created = await api('clerk', 'POST', '/documents', {
      direction: 'incoming',
      docType: 'GW08',
      title: TITLE,
      issuer: '陕西省应急管理厅',
      mainRecipients: ['各市人民政府'],
      urgency: 'URGENT',
      body: BODY,
      registration: {
        sourceOrg: '陕西省应急管理厅',
        sourceDocNumber: '陕应急发〔2026〕41号',
        signedForAt: new Date().toISOString(),
        channel: 'EXCHANGE',
        handlingType: 'ACT',
        timeLimitWorkdays: 5,
      },
    });
    await upload('clerk', created.id, '来文扫描件.pdf', onePagePdf('Scanned original'), 'application/pdf');
    await take('clerk', created.instanceId, 'signFor');
    await take('clerk', created.instanceId, 'register');
    await take('clerk', created.instanceId, 'screen', { screenResult: 'accept' });
    await take('head', created.instanceId, 'propose', { proposal: '拟请周副市长阅示。' }, '拟请周副市长阅示。');
    return created;
  }

  async function signIn(username, viewport = PHONE) {
    await page?.context().close();
    page = await openSignedIn(browser, server.url, username, {
      viewport,
      timezoneId: 'Asia/Shanghai',
      hasTouch: true,
      problems,
      expectedFailures,
    });
  }

  const shoot = (name) => saveScreenshot(page, `phone-${name}`);

  /** Nothing wider than the screen at each phone width; names the outermost culprits when something is. */
  async function fitsEveryPhone(name) {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: PHONE.height });
      // let layout and ResizeObservers settle (two frames), then measure
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        inner: window.innerWidth,
        wide: [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .filter((el) => !el.parentElement || el.parentElement.getBoundingClientRect().right <= window.innerWidth + 1)
          .slice(0, 5)
          .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}`),
      }));
      assert.ok(
        widths.scroll <= widths.inner,
        `${name} at ${width} px: scrollWidth ${widths.scroll} > ${widths.inner}: ${widths.wide.join(', ')}`,
      );
    }
    await page.setViewportSize(PHONE);
    await shoot(`${name}-390`);
  }

  const sider = () => page.locator('nz-sider');
  const hamburger = () => page.locator('.shell-toggle');
  const drawer = () => page.getByTestId('menu-drawer');

  test('should fold the menu into a drawer and keep every page within 360 to 414 px', async () => {
    const { items } = await api('deputy', 'GET', `/tasks?instanceId=${doc.instanceId}&status=open`);
    const instruct = items.find((t) => t.elementId === 'instruct');
    assert.ok(instruct, 'the 批示 is open');

    // Given the deputy mayor signed in on a 390 px phone
    await signIn('deputy');
    await page.waitForURL(/\/inbox$/);
    await page.locator('tbody tr[data-row-id]', { hasText: TITLE }).waitFor();
    // Then there is no side menu taking width, and the menu button carries the sum of the counts
    assert.equal(await sider().isVisible(), false, 'no sider on a phone');
    assert.equal(await sider().evaluate((el) => el.getBoundingClientRect().width), 0, 'the sider takes no width');
    await hamburger().waitFor();
    const total = page.locator('[data-count="total"]');
    await total.waitFor();
    assert.ok(Number(await total.getAttribute('data-total')) >= 1, 'the menu button counts the open 批示');
    await fitsEveryPhone('inbox');
    assertNoProblems(problems);

    // When the menu button is pressed, then the drawer shows the menu with the 待办 count
    await hamburger().click();
    await drawer().waitFor();
    // (it slides in from the left edge)
    await page.waitForFunction(() => document.querySelector('[data-testid="menu-drawer"]')?.getBoundingClientRect().left === 0);
    assert.equal(await hamburger().getAttribute('aria-expanded'), 'true');
    const entries = await drawer().locator('li[data-nav]').allInnerTexts();
    for (const label of ['待办', '已办', '传阅', '公文', '代理设置'])
      assert.ok(
        entries.some((e) => e.includes(label)),
        `the drawer offers ${label}`,
      );
    await drawer().locator('li[data-nav="/inbox"] [data-count="inbox"]').waitFor();
    await shoot('drawer-390');
    // When an entry is chosen, then the page changes and the drawer closes
    await drawer().locator('li[data-nav="/documents"] a').click();
    await page.waitForURL(/\/documents$/);
    await drawer().waitFor({ state: 'hidden' });
    assert.equal(await hamburger().getAttribute('aria-expanded'), 'false');
    await page.locator('h1').first().waitFor();
    await page.locator('.ant-table').first().waitFor();
    await fitsEveryPhone('documents');

    // And the 代理 page and the bell's list fit too
    await hamburger().click();
    await drawer().locator('li[data-nav="/proxies"] a').click();
    await page.waitForURL(/\/proxies$/);
    await drawer().waitFor({ state: 'hidden' });
    await page.locator('h1').first().waitFor();
    await fitsEveryPhone('proxies');
    await page.locator('.bell-button').click();
    await page.locator('.bell-panel').waitFor();
    const panel = await page.locator('.bell-panel').evaluate((el) => {
      const box = el.getBoundingClientRect();
      return { left: box.left, right: box.right, inner: window.innerWidth };
    });
    assert.ok(panel.left >= 0 && panel.right <= panel.inner, `the bell's list fits the screen: ${JSON.stringify(panel)}`);
    await shoot('bell-390');
    await page.keyboard.press('Escape');

    // And the task page and the document view (with its 处理单) do not scroll sideways
    await page.goto(`${server.url}/tasks/${instruct.id}`);
    await page.getByTestId('document-body').waitFor();
    await page.getByTestId('attachment-pdf-pages').locator('canvas').first().waitFor();
    await fitsEveryPhone('task');
    await page.goto(`${server.url}/documents/${doc.id}`);
    await page.getByTestId('processing-sheet').waitFor();
    await fitsEveryPhone('document');
    assertNoProblems(problems);
  });

  test('should let the deputy mayor read the document, write with 常用语 and approve on a phone', async () => {
    // Given the deputy mayor on a 390 px phone, at his inbox
    await signIn('deputy');
    await page.waitForURL(/\/inbox$/);
    // When he opens the 批示 from the inbox
    const row = page.locator('tbody tr[data-row-id]', { hasText: TITLE });
    await row.waitFor();
    await row.locator('a.title-link').click();
    await page.waitForURL(/\/tasks\/\w+$/);
    // Then the 正文 and the scanned original are on the page, before the form and the panel
    const body = page.getByTestId('document-body');
    await body.waitFor();
    assert.ok((await body.innerText()).includes('冬春季节是火灾多发期'));
    // (drawn in the page by pdf.js: a phone's browser frames no PDF; a download link beside)
    const pdf = page.getByTestId('attachment-pdf-pages').locator('canvas').first();
    await pdf.waitFor();
    assert.equal(await page.getByTestId('attachment-pdf').count(), 0);
    assert.match((await page.getByTestId('attachment-pdf-download').getAttribute('href')) ?? '', /^blob:/);
    const box = await pdf.boundingBox();
    assert.ok(
      box && box.width > 200 && box.x >= 0 && box.x + box.width <= PHONE.width,
      `the PDF preview fits the phone: ${JSON.stringify(box)}`,
    );
    await shoot('read-390');

    // When he takes the task (a task of the city leaders), writes the 批示 and names the 主办单位
    const panel = page.getByTestId('task-panel');
    const claim = panel.getByRole('button', { name: '签收', exact: true });
    if (await claim.count()) {
      await claim.click();
      await claim.waitFor({ state: 'detached' });
    }
    const field = (label) =>
      page.locator('[data-testid="task-form"] .fjs-form-field', { has: page.locator('label', { hasText: label }) }).first();
    await page.locator('[data-testid="task-form"] .task-form-host:not(.task-form-readonly) .fjs-form').waitFor();
    await field('批示意见').locator('textarea').fill(INSTRUCTION);
    const lead = field('主办单位').locator('input').first();
    await lead.click();
    await lead.fill(LEAD.slice(-6));
    await field('主办单位').locator('.fjs-dropdownlist-item', { hasText: LEAD }).first().click();
    await field('主办单位').locator('.fjs-dropdownlist').waitFor({ state: 'detached' });
    // and picks the 常用语 "同意" into the opinion with a tap
    const opinion = page.locator('textarea#opinion');
    const agree = page.locator('.phrases .phrase', { hasText: /^\s*同意\s*$/ }).first();
    await agree.scrollIntoViewIfNeeded();
    await agree.tap();
    await page
      .waitForFunction(() => document.querySelector('textarea#opinion')?.value.includes('同意'), null, { timeout: 5_000 })
      .catch(async () => {
        await shoot('phrase-failed');
        assert.fail(`the 常用语 did not reach the opinion: "${await opinion.inputValue()}"`);
      });
    await fitsEveryPhone('approve');

    // When he approves
    await page.locator('[data-action="complete"]').tap();
    await page.waitForURL((url) => !/\/tasks\//.test(url.pathname), { timeout: 15_000 });
    // Then the 批示 has left his inbox
    if (!/\/inbox$/.test(new URL(page.url()).pathname)) await page.goto(`${server.url}/inbox`);
    await page.getByText('暂无待办事项').waitFor();
    // and the menu button's count has gone with it
    await page.locator('[data-count="total"]').waitFor({ state: 'detached' });
    assert.equal(await page.locator('tbody tr[data-row-id]', { hasText: TITLE }).count(), 0);
    const { items } = await api('deputy', 'GET', `/tasks?instanceId=${doc.instanceId}&status=open`);
    assert.ok(!items.some((t) => t.elementId === 'instruct'), 'the 批示 is done');
    await shoot('after-approve-390');
    assertNoProblems(problems);
  });
});
