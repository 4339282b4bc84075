// Browser test of the task page as the document at its step, on the shipped 发文 and 收文
// workflows: the office head at 核稿 and the deputy mayor at 签发 read the 正文 on the task page and
// see its PDF attachment inline; the mayor at 领导批示 reads the 正文 and the 来文 details before
// claiming the group task; at 390 px the page does not scroll sideways and shows the document
// first; the approval panel offers exactly what GET /api/tasks/:id/actions names (签收 only to a
// candidate, never 催办 on one's own task, no 退回/驳回 on the first step).
// The set-up steps other users take go through the API. Screenshots: client/e2e/artifacts/task-doc-*.png.
// Run: `node --test client/e2e/task-document.e2e.mjs` after `NX_DAEMON=false npx nx build server client`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openSignedIn } from './support/browser-session.mjs';
import { signedInUsers } from './support/demo-api.mjs';
import { chromiumSkip, launchChromium, serverUnderTest, VIEWPORT } from './support/harness.mjs';
import { assertNoProblems, saveScreenshot } from './support/page-checks.mjs';
import { onePagePdf } from './support/pdf.mjs';

const skip = chromiumSkip();
const PHONE = { width: 390, height: 844 };
const OUT_TITLE = '安康市人民政府关于开展冬季安全生产大检查的通知';
const OUT_BODY = '各县（区）人民政府，市政府各部门：\n为切实做好冬季安全生产工作，市政府决定在全市范围内开展安全生产大检查。';
const IN_TITLE = '陕西省应急管理厅关于做好冬春火灾防控工作的通知';
const IN_BODY = '各市人民政府：\n冬春季节是火灾多发期，请各地切实落实防火责任，加强重点场所检查。';

describe('the task page is the document at this step', { skip }, () => {
  /** @type {{ url: string, stop: () => Promise<void>, output: () => string }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  const problems = [];
  const expectedFailures = [];
  let api, openTask, take, upload;

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
    ({ api, openTask, take, upload } = await signedInUsers(server.url, ['clerk', 'head', 'deputy', 'mayor']));
  });

  after(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username) {
    await page?.context().close();
    page = await openSignedIn(browser, server.url, username, { timezoneId: 'Asia/Shanghai', problems, expectedFailures });
  }

  /** Opens the task page and waits until the document and the panel's list have arrived. */
  async function visit(taskId) {
    const actions = page.waitForResponse((r) => r.url().endsWith(`/api/tasks/${taskId}/actions`));
    await page.goto(`${server.url}/tasks/${taskId}`);
    await actions;
    await page.getByTestId('task-document').locator('h2').first().waitFor();
  }

  /** What the main approval panel offers, named as the server names actions (圈阅 is a way of 办理). */
  async function offered() {
    const panel = page.getByTestId('task-panel');
    if (!(await panel.count())) return [];
    const names = await panel.locator('[data-action]').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
    if (await panel.getByRole('button', { name: '签收', exact: true }).count()) names.push('claim');
    return [...new Set(names.map((n) => (n === 'circle' ? 'complete' : n)))].sort();
  }

  async function serverActions(user, taskId) {
    return (await api(user, 'GET', `/tasks/${taskId}/actions`)).items.slice().sort();
  }

  const shoot = (name) => saveScreenshot(page, `task-doc-${name}`);

  /** At 390 px: nothing wider than the screen, and the document above the form and the panel. */
  async function checkPhone(name) {
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(300);
    await shoot(`${name}-390`);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      inner: window.innerWidth,
      // the outermost elements reaching past the screen's right edge, to name the culprit
      wide: [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1 && !el.parentElement?.closest('[data-wide]'))
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} ${Math.round(el.getBoundingClientRect().right)}`),
    }));
    assert.ok(
      widths.scroll <= widths.inner,
      `${name}: scrollWidth ${widths.scroll} > innerWidth ${widths.inner} at 390 px: ${widths.wide.join(', ')}`,
    );
    const top = (testId) => page.getByTestId(testId).evaluate((el) => el.getBoundingClientRect().top);
    const docTop = await top('task-document');
    if (await page.getByTestId('task-panel').count())
      assert.ok(docTop < (await top('task-panel')), `${name}: the document comes before the panel`);
    if (await page.getByTestId('task-form').count())
      assert.ok(docTop < (await top('task-form')), `${name}: the document comes before the form`);
    await shoot(`${name}-390`);
    await page.setViewportSize(VIEWPORT);
  }

  test('should show the 正文 and its PDF on the 核稿 and 签发 pages of a 发文, and offer only what the server allows', async () => {
    // Given a 发文 drafted by the clerk with a body and a PDF attachment, sent to 核稿 with the deputy mayor as 签发人
    const doc = await api('clerk', 'POST', '/documents', {
      direction: 'outgoing',
      docType: 'GW08',
      title: OUT_TITLE,
      issuer: '安康市人民政府',
      orgCode: '安政发',
      mainRecipients: ['各县（区）人民政府', '市政府各部门'],
      urgency: 'URGENT',
      body: OUT_BODY,
    });
    await upload('clerk', doc.id, '检查方案.pdf', onePagePdf('Inspection plan'), 'application/pdf');
    // the clerk's own 拟稿 page: the draft is there, and neither 退回 nor 驳回 on the first step
    const draft = await openTask('clerk', doc.instanceId, 'draft');
    await signIn('clerk');
    await visit(draft.id);
    await page.getByTestId('document-body').waitFor();
    assert.deepEqual(await offered(), await serverActions('clerk', draft.id));
    assert.ok(!(await offered()).includes('return') && !(await offered()).includes('reject'), 'no 退回/驳回 on 拟稿');
    await shoot('draft-1366');
    await checkPhone('draft');
    assertNoProblems(problems);
    await take('clerk', doc.instanceId, 'draft', { issuer: 'deputy', countersigners: [] });
    const review = await openTask('head', doc.instanceId, 'review');

    // When the office head opens the 核稿 task
    await signIn('head');
    const preview = page.waitForResponse((r) => r.url().includes(`/api/documents/${doc.id}/attachments/`) && r.url().endsWith('/preview'));
    await visit(review.id);
    // Then the 正文 is on the page without a click, and the PDF is shown inline from its preview
    assert.ok((await page.getByTestId('document-body').innerText()).includes('市政府决定在全市范围内开展安全生产大检查'));
    const pdf = await preview;
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.match(pdf.headers()['content-disposition'], /^inline;/);
    assert.equal(pdf.headers()['x-content-type-options'], 'nosniff');
    const frame = page.getByTestId('attachment-pdf');
    await frame.waitFor();
    assert.match((await frame.getAttribute('src')) ?? '', /^blob:/);
    // On a phone, whose browser frames no PDF, pdf.js draws its page in the task page, a download link beside
    await page.setViewportSize(PHONE);
    await page.getByTestId('attachment-pdf-pages').locator('canvas').first().waitFor();
    await page.waitForFunction(() => {
      const canvas = document.querySelector('[data-testid="attachment-pdf-pages"] canvas');
      const pixels = canvas?.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
      // some dark pixel: the page's text was drawn
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128 && pixels[i + 3] > 0) return true;
      return false;
    });
    assert.equal(await page.getByTestId('attachment-pdf').count(), 0, 'no frame on a phone');
    assert.equal(await page.getByTestId('attachment-pdf-download').getAttribute('download'), '检查方案.pdf');
    await shoot('review-pdf-390');
    await page.setViewportSize(VIEWPORT);
    await frame.waitFor();
    assert.equal(await page.getByTestId('open-document').getAttribute('href'), `/documents/${doc.id}`);
    // and the panel offers exactly the server's actions for the head
    if (review.assignee !== 'head') {
      assert.deepEqual(await offered(), ['claim']);
      await page.getByTestId('task-panel').getByRole('button', { name: '签收', exact: true }).click();
      await page.locator('[data-action="complete"]').waitFor();
    }
    assert.deepEqual(await offered(), await serverActions('head', review.id));
    await shoot('review-1366');
    await checkPhone('review');
    assertNoProblems(problems);

    // Given the head passes the draft
    await take('head', doc.instanceId, 'review', { reviewResult: 'pass', reviewOpinion: '文稿规范，同意送签。' });
    const signOff = await openTask('deputy', doc.instanceId, 'signOff');
    // When the deputy mayor opens the 签发 task
    await signIn('deputy');
    await visit(signOff.id);
    // Then the 正文 is there too, and the panel is the server's list
    assert.ok((await page.getByTestId('document-body').innerText()).includes('为切实做好冬季安全生产工作'));
    await page.getByTestId('attachment-pdf').waitFor();
    assert.deepEqual(await offered(), await serverActions('deputy', signOff.id));
    await shoot('sign-off-1366');
    await checkPhone('sign-off');
    assertNoProblems(problems);

    // When the clerk, who started it, looks at the deputy's task: 催办, never 签收 or 办理
    await signIn('clerk');
    await visit(signOff.id);
    assert.deepEqual(await offered(), await serverActions('clerk', signOff.id));
    assert.ok(!(await offered()).includes('claim'), 'no 签收 on the deputy mayor’s task');
    assertNoProblems(problems);
  });

  test('should show the 来文 details and the 正文 on the 拟办 and 领导批示 pages of a 收文', async () => {
    // Given a 收文 registered with a body and a scanned original, taken by the clerks to 拟办
    const doc = await api('clerk', 'POST', '/documents', {
      direction: 'incoming',
      docType: 'GW08',
      title: IN_TITLE,
      issuer: '陕西省应急管理厅',
      mainRecipients: ['各市人民政府'],
      urgency: 'URGENT',
      body: IN_BODY,
      registration: {
        sourceOrg: '陕西省应急管理厅',
        sourceDocNumber: '陕应急发〔2026〕41号',
        signedForAt: new Date().toISOString(),
        channel: 'EXCHANGE',
        handlingType: 'ACT',
        timeLimitWorkdays: 5,
      },
    });
    await upload('clerk', doc.id, '来文扫描件.pdf', onePagePdf('Scanned original'), 'application/pdf');
    await take('clerk', doc.instanceId, 'signFor');
    // the clerks' 登记 page, a group task: the 来文 is shown, and 签收 is what the server offers first
    const register = await openTask('clerk', doc.instanceId, 'register');
    await signIn('clerk');
    await visit(register.id);
    await page.getByTestId('incoming-details').waitFor();
    assert.deepEqual(await offered(), await serverActions('clerk', register.id));
    await shoot('register-1366');
    await checkPhone('register');
    assertNoProblems(problems);
    for (const step of ['register', 'screen']) await take('clerk', doc.instanceId, step);
    const propose = await openTask('head', doc.instanceId, 'propose');

    // When the office head opens 拟办 (a group task of the office leaders)
    await signIn('head');
    await visit(propose.id);
    // Then the 来文 details and the 正文 are on the page, and 签收 is offered as the server says
    const details = await page.getByTestId('incoming-details').innerText();
    for (const text of ['陕西省应急管理厅', '陕应急发〔2026〕41号', '收〔']) assert.ok(details.includes(text), `来文 details show ${text}`);
    assert.ok((await page.getByTestId('document-body').innerText()).includes('请各地切实落实防火责任'));
    await page.getByTestId('attachment-pdf').waitFor();
    assert.deepEqual(await offered(), await serverActions('head', propose.id));
    await shoot('propose-1366');
    await checkPhone('propose');
    assertNoProblems(problems);

    // Given the head writes 拟办 and it goes to the city leaders
    await take('head', doc.instanceId, 'propose', { proposal: '拟请周副市长阅示。' }, '拟请周副市长阅示。');
    const instruct = await openTask('mayor', doc.instanceId, 'instruct');
    // When the mayor, one of the leaders it is offered to, opens 领导批示
    await signIn('mayor');
    await visit(instruct.id);
    // Then the 正文 is readable before claiming, and only 签收 is offered
    assert.ok((await page.getByTestId('document-body').innerText()).includes('冬春季节是火灾多发期'));
    assert.deepEqual(await offered(), ['claim']);
    assert.deepEqual(await serverActions('mayor', instruct.id), ['claim']);
    await shoot('instruct-1366');
    await checkPhone('instruct');
    // When the mayor claims it, the panel turns into the server's list for the holder: no 催办 of one's own task
    await page.getByTestId('task-panel').getByRole('button', { name: '签收', exact: true }).click();
    await page.locator('[data-action="complete"]').waitFor();
    assert.deepEqual(await offered(), await serverActions('mayor', instruct.id));
    assert.ok(!(await offered()).includes('urge'));
    await shoot('instruct-claimed-1366');
    assertNoProblems(problems);
  });
});
