// Browser test of a whole 收文 (incoming-document) through the UI with the demo users: the clerk
// registers the document (收文登记), then signs for, registers and screens it from the task page
// (claiming each group task: 签收); the office head writes 拟办; the mayor writes 批示 choosing the
// lead (市住建局) and assisting (市财政局) departments in the task form; both department heads
// complete their tasks; the clerk replies and concludes. The document's 处理单 lists every step
// with its actor and opinion, and the instance is completed.
// Run: `node --test client/e2e/incoming-flow.e2e.mjs` after `NX_DAEMON=false npx nx build server client`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { openSignedIn } from './support/browser-session.mjs';
import { claimIfOffered as claimTask, editableTaskForm, formField, pickInField } from './support/forms.mjs';
import { ARTIFACTS, chromiumSkip, launchChromium, serverUnderTest } from './support/harness.mjs';
import { assertNoProblems, assertNoSidewaysScroll, saveScreenshot } from './support/page-checks.mjs';
import { login } from './support/workflow-api.mjs';

const skip = chromiumSkip();
const TITLE = '陕西省住房和城乡建设厅关于做好冬季城镇供热保障工作的通知';
const LEAD = '安康市住房和城乡建设局';
const ASSIST = '安康市财政局';

describe('收文 end to end in a browser', { skip }, () => {
  /** @type {{ url: string, stop: () => Promise<void>, output: () => string }} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {import('playwright-core').Page} */
  let page;
  const problems = [];
  const expectedFailures = [];
  let shot = 0;

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
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

  async function screenshot(name) {
    await assertNoSidewaysScroll(page, name);
    shot += 1;
    await saveScreenshot(page, `incoming-${String(shot).padStart(2, '0')}-${name}`);
  }

  const field = (label) => formField(page, label);

  /** Opens the task of the document from 待办 (the inbox lists the user's and their groups' tasks). */
  async function openFromInbox(step) {
    if (!/\/inbox$/.test(new URL(page.url()).pathname)) {
      await page.locator('nav').getByText('待办', { exact: true }).first().click();
      await page.waitForURL(/\/inbox$/);
    }
    const row = page.locator('tbody tr[data-row-id]', { hasText: TITLE }).filter({ hasText: step });
    await row.waitFor({ timeout: 15_000 });
    await row.locator('a.title-link').click();
    await page.waitForURL(/\/tasks\/\w+$/);
    await page.getByTestId('task-step').filter({ hasText: step }).waitFor();
  }

  /** 签收 a group task when it is not yet the user's; then the form becomes editable. */
  async function claimIfOffered() {
    await claimTask(page);
    await page.locator('[data-action="complete"]').waitFor();
    await editableTaskForm(page);
  }

  /** Writes the opinion in the approval panel, takes the screenshot and submits (办理). */
  async function completeWith(opinion, name) {
    await page.locator('textarea#opinion').fill(opinion);
    await screenshot(name);
    await page.locator('[data-action="complete"]').click();
    await page
      .waitForURL((url) => !/\/tasks\//.test(url.pathname), { timeout: 15_000 })
      .catch(async (error) => {
        await page.screenshot({ path: join(ARTIFACTS, `incoming-failed-${name}.png`), fullPage: true });
        const alerts = await page.locator('[role="alert"]').allTextContents();
        throw new Error(`${name} was not completed: ${alerts.join(' | ')}\n${problems.join('\n')}`, { cause: error });
      });
  }

  const pick = (label, option) => pickInField(page, label, option);

  test('should take an incoming document from 收文登记 to 办结 through the UI with the departments the mayor chooses', async () => {
    // Given the office clerk registers an incoming document on the 收文登记 page
    await signIn('clerk');
    await page.goto(server.url + '/documents/incoming/new');
    await page.locator('#in-sourceOrg').waitFor();
    await page.locator('#in-sourceOrg').fill('陕西省住房和城乡建设厅');
    await page.locator('#in-sourceDocNumber').fill('陕建发〔2026〕88号');
    await page.locator('#in-title').fill(TITLE);
    await page.locator('nz-select:has(#in-docType)').click();
    await page.keyboard.type('通知');
    await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '通知' }).first().click();
    await page.keyboard.press('Escape');
    await page.locator('label.ant-radio-button-wrapper', { hasText: '加急' }).click();
    await page.locator('#in-timeLimit').fill('10');
    await page.locator('#in-due', { hasText: '应于' }).waitFor();
    await screenshot('register-page');
    await page.getByRole('button', { name: '登记并送初审' }).click();
    await page.waitForURL(/\/documents\/[^/]+$/);
    const documentId = new URL(page.url()).pathname.split('/').pop();
    await page.locator('h1', { hasText: TITLE }).waitFor();

    // When the clerk signs for it (签收) from the document's 去办理, in the task form
    await page.getByRole('link', { name: '去办理' }).click();
    await page.waitForURL(/\/tasks\/\w+$/);
    await page.getByTestId('task-step').filter({ hasText: '签收' }).waitFor();
    await claimIfOffered();
    await field('份数').locator('input').fill('2');
    await completeWith('已签收，原件2份', 'sign-for');

    // And registers it (登记): the form carries the registration's title and handling type
    await openFromInbox('登记');
    await claimIfOffered();
    assert.equal(await field('标题').locator('input').inputValue(), TITLE, 'the 登记 form shows the title registered on the 收文登记 page');
    // the registered values are there and read-only (changed through the document, never blanked here)
    assert.match(await field('收文号').locator('input').inputValue(), /^收〔\d{4}〕\d+号$/);
    assert.equal(await field('来文机关').locator('input').inputValue(), '陕西省住房和城乡建设厅');
    assert.equal(await field('来文字号').locator('input').inputValue(), '陕建发〔2026〕88号');
    await completeWith('已登记', 'register');

    // And screens it (初审): 符合收文要求
    await openFromInbox('初审');
    await claimIfOffered();
    // the required choice blocks 办理 with a Chinese message until it is made
    await page.locator('[data-action="complete"]').click();
    await page.getByText('请按表单中的提示填写后再提交').waitFor();
    await field('初审结果').getByText('此项为必填项。').waitFor();
    await screenshot('screen-required');
    await field('初审结果').getByLabel('符合收文要求').check();
    await completeWith('要素齐全，符合收文要求', 'screen');
    assertNoProblems(problems);

    // When the office head writes 拟办 (a text proposal)
    await signIn('head');
    await openFromInbox('拟办');
    await claimIfOffered();
    await field('拟办意见').locator('textarea').fill('建议由市住建局牵头办理，市财政局配合做好资金保障，请市长批示。');
    await pick('建议承办单位', LEAD);
    await completeWith('拟请市住建局牵头办理', 'propose');
    assertNoProblems(problems);

    // And the mayor writes 批示 choosing the lead and the assisting department in the form
    await signIn('mayor');
    await openFromInbox('领导批示');
    await claimIfOffered();
    await field('批示意见').locator('textarea').fill('请市住建局牵头，市财政局配合，确保群众温暖过冬。');
    await pick('主办单位', LEAD);
    await pick('协办单位', ASSIST);
    await field('协办单位').locator('.fjs-taglist-tag', { hasText: ASSIST }).waitFor();
    await completeWith('同意拟办意见', 'instruct');
    assertNoProblems(problems);

    // Then the heads of both departments have the tasks (assignee head:<org> resolved) and complete them
    await signIn('zjj_head');
    await openFromInbox('主办单位承办');
    await claimIfOffered();
    await field('办理情况').locator('textarea').fill('已制定供热保障方案，全市供热企业已全部点火运行。');
    await completeWith('已牵头落实', 'lead-handle');
    assertNoProblems(problems);

    await signIn('czj_head');
    await openFromInbox('协办单位承办');
    await claimIfOffered();
    await field('办理情况').locator('textarea').fill('已下达供热补贴资金1200万元。');
    await completeWith('资金已落实', 'assist-handle');
    assertNoProblems(problems);

    // When the clerk replies (答复) and concludes (办结)
    await signIn('clerk');
    await openFromInbox('答复');
    await claimIfOffered();
    await field('答复内容').locator('textarea').fill('已按批示办理完毕，办理情况已报省住建厅。');
    await completeWith('已答复来文单位', 'reply');
    await openFromInbox('办结');
    await claimIfOffered();
    await field('办结说明').locator('textarea').fill('办理完毕，归档。');
    await completeWith('办结', 'conclude');

    // And in 已办 the completed 办结 task shows its form read-only with the submitted values
    await page.locator('nav').getByText('已办', { exact: true }).first().click();
    await page.waitForURL(/\/inbox\/done$/);
    await page.locator('tbody tr[data-row-id]', { hasText: TITLE }).filter({ hasText: '办结' }).first().locator('a.title-link').click();
    await page.waitForURL(/\/tasks\/\w+$/);
    await page.locator('[data-testid="task-form"] .task-form-readonly .fjs-form').waitFor();
    const concludeNote = field('办结说明').locator('textarea');
    // (an opinion field shows the person's one entry at the step: the panel's words, then the form's)
    assert.match(await concludeNote.inputValue(), /办理完毕，归档。/);
    assert.equal(await concludeNote.isEditable(), false, "a completed task's form cannot be edited");
    assert.equal(await page.locator('[data-action="complete"]').count(), 0);
    await screenshot('done-readonly');

    // Then the document's 处理单 lists every step with its actor and opinion
    await page.goto(`${server.url}/documents/${documentId}`);
    const record = page.locator('section[aria-labelledby="sec-record"]');
    await record.getByText('办结', { exact: true }).first().waitFor();
    const expected = [
      ['签收', '已签收，原件2份'],
      ['登记', '已登记'],
      ['初审', '要素齐全，符合收文要求'],
      ['拟办', '拟请市住建局牵头办理', '刘洋'],
      ['领导批示', '同意拟办意见', '吴国强'],
      ['主办单位承办', '已牵头落实', '马文斌'],
      ['协办单位承办', '资金已落实', '单立新'],
      ['答复', '已答复来文单位'],
      ['办结', '办结'],
    ];
    for (const [step, opinion, actor] of expected) {
      const row = record.locator('tr', { hasText: step }).filter({ hasText: opinion }).first();
      await row.waitFor({ timeout: 5_000 }).catch(() => assert.fail(`the 处理单 has no row for ${step} with the opinion ${opinion}`));
      if (actor) assert.match(await row.innerText(), new RegExp(actor), `${step} names ${actor}`);
    }
    await record.scrollIntoViewIfNeeded();
    await screenshot('record');

    // And the instance is completed, with the departments the mayor chose
    const api = await login(server.url, 'clerk');
    const { body: documentBody } = await api('GET', `/documents/${documentId}`);
    assert.ok(documentBody.instanceId, 'the document names its instance');
    const { body: instance } = await api('GET', `/instances/${documentBody.instanceId}`);
    assert.equal(instance.status, 'completed');
    assert.equal(typeof instance.variables.leadDept, 'string');
    assert.equal(instance.variables.assistDepts.length, 1);
    assert.equal(instance.variables.proposal, '建议由市住建局牵头办理，市财政局配合做好资金保障，请市长批示。');
    assertNoProblems(problems);
  });
});
