// Browser test of the 处理单 (issue 17): what leaders and departments write in the task forms is
// kept word for word. The deputy mayor types a 批示 in the 领导批示 form; the 处理单 on the document
// page shows exactly that text with his name. Two 协办 departments write their 办理情况: the
// second's form opens empty (not with the first's text), both results are kept and the clerk sees
// them at 答复. Screenshots of the 处理单 and the print view at 1366 and 390 px.
// Run: `node --test client/e2e/processing-sheet.e2e.mjs` after `NX_DAEMON=false npx nx build server client`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openSignedIn } from './support/browser-session.mjs';
import { claimIfOffered, editableTaskForm, formField, pickInField } from './support/forms.mjs';
import { ARTIFACTS, chromiumSkip, launchChromium, serverUnderTest, VIEWPORT } from './support/harness.mjs';
import { assertNoProblems, assertNoSidewaysScroll, saveScreenshot } from './support/page-checks.mjs';
import { login } from './support/workflow-api.mjs';

const skip = chromiumSkip();
const TITLE = '陕西省住房和城乡建设厅关于开展城镇老旧小区改造工作的通知';
const INSTRUCTION = '同意。请市住建局牵头，市发改委、市财政局配合，10个工作日内报办理结果。';
const FGW_RESULT = '市发改委：已将改造项目纳入年度投资计划，下达中央预算内资金3200万元。';
const CZJ_RESULT = '市财政局：已拨付市级配套资金800万元。';
const PHONE = { width: 390, height: 844 };

describe('处理单 keeps every word, in a browser', { skip }, () => {
  /** @type {{ url: string, stop: () => Promise<void>, output: () => string }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  const problems = [];
  let documentId = '';
  let instanceId = '';

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
  });

  after(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username, viewport = VIEWPORT) {
    await page?.context().close();
    page = await openSignedIn(browser, server.url, username, { viewport, timezoneId: 'Asia/Shanghai', problems });
  }

  async function screenshot(name) {
    await assertNoSidewaysScroll(page, name);
    await saveScreenshot(page, `sheet-${name}`);
  }

  const field = (label) => formField(page, label);

  /** Opens the user's open task at the step of the document (found through the API, opened in the browser). */
  async function openTask(username, elementId) {
    const api = await login(server.url, username);
    const { body } = await api('GET', `/tasks?instanceId=${instanceId}&status=open`);
    const task = body.items.find((t) => t.elementId === elementId && (t.assignee === username || !t.assignee));
    assert.ok(task, `${username} has an open task at ${elementId}`);
    await page.goto(`${server.url}/tasks/${task.id}`);
    await claimIfOffered(page);
    await editableTaskForm(page);
  }

  async function complete(opinion) {
    if (opinion) await page.locator('textarea#opinion').fill(opinion);
    await page.locator('[data-action="complete"]').click();
    await page.waitForURL((url) => !/\/tasks\//.test(url.pathname), { timeout: 15_000 });
  }

  test("should show the exact 批示 typed in the form, and keep both 协办 departments' results for 答复", async () => {
    // Given a document registered, signed for, screened and proposed (through the API)
    const clerk = await login(server.url, 'clerk');
    const created = await clerk('POST', '/documents', {
      direction: 'incoming',
      docType: 'GW08',
      title: TITLE,
      issuer: '陕西省住房和城乡建设厅',
      mainRecipients: ['安康市人民政府'],
      registration: {
        sourceOrg: '陕西省住房和城乡建设厅',
        sourceDocNumber: '陕建发〔2026〕52号',
        signedForAt: new Date().toISOString(),
        channel: 'EXCHANGE',
        handlingType: 'ACT',
        timeLimitWorkdays: 10,
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    documentId = created.body.id;
    instanceId = created.body.instanceId;
    const act = async (username, elementId, variables) => {
      const api = await login(server.url, username);
      const { body } = await api('GET', `/tasks?instanceId=${instanceId}&status=open`);
      const task = body.items.find((t) => t.elementId === elementId);
      if (!task.assignee) assert.equal((await api('POST', `/tasks/${task.id}/claim`)).status, 200);
      const done = await api('POST', `/tasks/${task.id}/complete`, { variables });
      assert.equal(done.status, 200, `${elementId}: ${JSON.stringify(done.body)}`);
    };
    await act('clerk', 'signFor', {});
    await act('clerk', 'register', {});
    await act('clerk', 'screen', { screenResult: 'accept' });
    await act('head', 'propose', { proposal: '建议由市住建局牵头办理，市发改委、市财政局配合，请周副市长批示。' });

    // When the deputy mayor types the 批示 in the form, names the departments and completes with "同意"
    await signIn('deputy');
    await openTask('deputy', 'instruct');
    await field('批示意见').locator('textarea').fill(INSTRUCTION);
    await pickInField(page, '主办单位', '安康市住房和城乡建设局');
    await pickInField(page, '协办单位', '安康市发展和改革委员会');
    await pickInField(page, '协办单位', '安康市财政局');
    await field('协办单位').locator('.fjs-taglist-tag', { hasText: '安康市财政局' }).waitFor();
    await complete('同意');
    assertNoProblems(problems);

    // Then the document's 处理单 shows the 批示 word for word, signed by him, and the departments
    await page.goto(`${server.url}/documents/${documentId}`);
    const sheet = page.getByTestId('processing-sheet');
    const instruction = sheet.locator('tr[data-block="docs.sheet.block.instruction"]');
    await instruction.locator('.sheet-opinion-text', { hasText: INSTRUCTION }).waitFor();
    assert.equal((await instruction.locator('.sheet-opinion-text').first().innerText()).trim(), INSTRUCTION);
    // (display names arrive on the side: until then the username shows)
    await instruction.locator('.sheet-signer', { hasText: '周建华' }).waitFor();
    assert.equal((await sheet.getByTestId('sheet-lead').innerText()).trim(), '安康市住房和城乡建设局');
    assert.equal((await sheet.getByTestId('sheet-assist').innerText()).trim(), '安康市发展和改革委员会、安康市财政局');
    await sheet.scrollIntoViewIfNeeded();
    await screenshot('1366-document-after-instruct');
    assertNoProblems(problems);

    // When the two assisting departments write their results; the second's form opens empty
    await signIn('fgw_head');
    await openTask('fgw_head', 'assistHandle');
    assert.equal(await field('办理情况').locator('textarea').inputValue(), '');
    await field('办理情况').locator('textarea').fill(FGW_RESULT);
    await complete();
    await signIn('czj_head');
    await openTask('czj_head', 'assistHandle');
    assert.equal(
      await field('办理情况').locator('textarea').inputValue(),
      '',
      "the 协办 form does not open with another department's text",
    );
    await field('办理情况').locator('textarea').fill(CZJ_RESULT);
    await complete();
    await signIn('zjj_head');
    await openTask('zjj_head', 'leadHandle');
    assert.equal(await field('办理情况').locator('textarea').inputValue(), '');
    await field('办理情况').locator('textarea').fill('市住建局：已完成第一批12个小区改造。');
    await complete();
    assertNoProblems(problems);

    // Then at 答复 the clerk sees both departments' results on the task page and the 处理单
    await signIn('clerk');
    await openTask('clerk', 'reply');
    const record = page.locator('app-processing-record');
    await record.getByText(FGW_RESULT).waitFor();
    await record.getByText(CZJ_RESULT).waitFor();
    await page.goto(`${server.url}/documents/${documentId}`);
    const assist = page.getByTestId('processing-sheet').locator('tr[data-block="docs.sheet.block.assistHandling"]');
    await assist.getByText(FGW_RESULT).waitFor();
    await assist.getByText(CZJ_RESULT).waitFor();
    await assist.locator('.sheet-signer', { hasText: '曾志远' }).waitFor();
    await assist.locator('.sheet-signer', { hasText: '单立新' }).waitFor();
    await page.getByTestId('processing-sheet').scrollIntoViewIfNeeded();
    await screenshot('1366-document-at-reply');

    // And the print view is the sheet alone (no menu, no header), at 1366 and 390 px
    await page.goto(`${server.url}/print/documents/${documentId}`);
    await page.locator('.sheet-office', { hasText: '安康市人民政府办公室' }).waitFor();
    assert.equal(await page.locator('.shell-sider, .shell-header').count(), 0);
    await page.getByText(INSTRUCTION).waitFor();
    await screenshot('1366-print');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('#sheet-print').isVisible(), false, 'the toolbar is not printed');
    await screenshot('1366-print-media');
    await page.emulateMedia({ media: 'screen' });

    // And the server's PDF of it answers the same reader
    const pdf = await clerk('GET', `/documents/${documentId}/processing-sheet.pdf`);
    assert.equal(pdf.status, 200);

    await signIn('clerk', PHONE);
    await page.goto(`${server.url}/documents/${documentId}`);
    await page.getByTestId('processing-sheet').locator('.sheet-opinion-text', { hasText: INSTRUCTION }).waitFor();
    await page.getByTestId('processing-sheet').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'sheet-390-document.png'), fullPage: true });
    await page.goto(`${server.url}/print/documents/${documentId}`);
    await page.getByText(INSTRUCTION).waitFor();
    await screenshot('390-print');

    // And the 收文登记簿 lists it
    await page.goto(`${server.url}/documents/register`);
    await page.locator('#register-table').getByText(TITLE).waitFor();
    await page.setViewportSize(VIEWPORT);
    await screenshot('1366-register');
    assertNoProblems(problems);
  });

  test('should print the 答复内容 and 办结说明 typed in the forms', async () => {
    // Given the document of the test before at 答复
    assert.ok(documentId, 'the test before left a document at 答复');
    // When the clerk types the reply and the conclusion in the forms
    await signIn('clerk');
    await openTask('clerk', 'reply');
    await field('答复内容').locator('textarea').fill(REPLY);
    await complete();
    await openTask('clerk', 'conclude');
    await field('办结说明').locator('textarea').fill(CONCLUDE);
    await complete();
    assertNoProblems(problems);
    // Then the document page's 处理单 and the print view hold both, word for word
    await page.goto(`${server.url}/documents/${documentId}`);
    const sheet = page.getByTestId('processing-sheet');
    await sheet.locator('tr[data-block="docs.sheet.block.reply"] .sheet-opinion-text', { hasText: REPLY }).waitFor();
    await sheet.locator('tr[data-block="docs.sheet.block.conclusion"] .sheet-opinion-text', { hasText: CONCLUDE }).waitFor();
    await page.locator('.record-table').getByText(REPLY).waitFor();
    await page.goto(`${server.url}/print/documents/${documentId}`);
    const reply = page.locator('tr[data-block="docs.sheet.block.reply"] .sheet-opinion-text');
    await reply.waitFor();
    assert.equal((await reply.innerText()).trim(), REPLY);
    assert.equal((await page.locator('tr[data-block="docs.sheet.block.conclusion"] .sheet-opinion-text').innerText()).trim(), CONCLUDE);
    // and 主办 and 协办 are signed alike: name and department, no step name
    const assist = page.locator('tr[data-block="docs.sheet.block.assistHandling"]');
    await assist.locator('.sheet-dept', { hasText: '安康市财政局' }).waitFor();
    assert.equal(await assist.locator('.sheet-step').count(), 0);
    await page.locator('tr[data-block="docs.sheet.block.leadHandling"] .sheet-dept', { hasText: '安康市住房和城乡建设局' }).waitFor();
    await screenshot('1366-print-concluded');
    await page.setViewportSize(PHONE);
    await screenshot('390-print-concluded');
    assertNoProblems(problems);
  });

  test('should show a returned 拟稿 with who returned it and why, and offer 修改文稿', async () => {
    // Given a 发文 the office head sent back at 核稿 (退回修改, through the form)
    const clerk = await login(server.url, 'clerk');
    const created = await clerk('POST', '/documents', {
      direction: 'outgoing',
      docType: 'GW08',
      title: '安康市人民政府关于做好冬季供暖工作的通知',
      issuer: '安康市人民政府',
      orgCode: '安政发',
      mainRecipients: ['市政府各部门'],
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const outgoing = created.body.instanceId;
    const step = async (username, elementId, variables) => {
      const api = await login(server.url, username);
      const { body } = await api('GET', `/tasks?instanceId=${outgoing}&status=open`);
      const task = body.items.find((t) => t.elementId === elementId);
      if (!task.assignee) assert.equal((await api('POST', `/tasks/${task.id}/claim`)).status, 200);
      const done = await api('POST', `/tasks/${task.id}/complete`, { variables });
      assert.equal(done.status, 200, `${elementId}: ${JSON.stringify(done.body)}`);
    };
    await step('clerk', 'draft', { issuer: 'mayor' });
    await step('head', 'review', { reviewResult: 'return', reviewOpinion: RETURN_REASON });
    // When the drafter opens the 拟稿 again
    const { body } = await clerk('GET', `/tasks?instanceId=${outgoing}&status=open`);
    const draft = body.items.find((t) => t.elementId === 'draft');
    for (const viewport of [VIEWPORT, PHONE]) {
      await signIn('clerk', viewport);
      await page.goto(`${server.url}/tasks/${draft.id}`);
      // Then the banner at the top names the head and the reason, with 修改文稿 beside it
      const banner = page.getByTestId('returned-banner');
      await banner.getByText(RETURN_REASON).waitFor();
      await banner.getByText('刘洋').waitFor();
      await banner.getByTestId('edit-draft').waitFor();
      // and the panel offers neither 退回 nor 驳回 on the first step
      await page.locator('[data-action="complete"]').waitFor();
      assert.equal(await page.locator('app-approval-panel [data-action="return"], app-approval-panel [data-action="reject"]').count(), 0);
      await screenshot(`${viewport.width}-returned-draft`);
    }
    // And 修改文稿 opens the draft's text and comes back to the task once saved
    await page.getByTestId('returned-banner').getByTestId('edit-draft').click();
    await page.waitForURL((url) => url.pathname === `/documents/${created.body.id}/edit`);
    assertNoProblems(problems);
  });
});

const REPLY = '已按批示答复陕西省住房和城乡建设厅：我市第一批12个小区改造已完成，资金已全部到位。';
const CONCLUDE = '办理完毕，答复已发出，材料归档备查。';
const RETURN_REASON = '请补充执行日期和责任单位。';
