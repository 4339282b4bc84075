// Browser test of a 发文 (outgoing-document) from 拟稿 to 签发 through the UI with the demo users:
// the clerk drafts it on the 拟稿 page, choosing the 签发人 from the eligible leaders and two 会签
// departments found by short name and initials (「住建」, 「zjj」, 「czj」), and 保存并送核稿 lands it
// at 核稿 in the office head's inbox; the head passes it, both department heads countersign, the
// mayor signs it off; then the document shows its 签发人, offers no 修改文稿, and the server refuses
// a change (DOCUMENT_SIGNED_LOCKED). Screenshots at 1366×768 and 390×844 of each page.
// Run: `node --test client/e2e/outgoing-flow.e2e.mjs` after `NX_DAEMON=false npx nx build server client`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openSignedIn } from './support/browser-session.mjs';
import { editableTaskForm, formField } from './support/forms.mjs';
import { chromiumSkip, launchChromium, serverUnderTest, VIEWPORT } from './support/harness.mjs';
import { assertNoProblems, saveScreenshot } from './support/page-checks.mjs';
import { login } from './support/workflow-api.mjs';

const skip = chromiumSkip();
const TITLE = '安康市人民政府关于加强城市道路管理的通知';
const PHONE = { width: 390, height: 844 };

describe('发文 from 拟稿 to 签发 in a browser', { skip }, () => {
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

  async function signIn(username, viewport = VIEWPORT) {
    await page?.context().close();
    page = await openSignedIn(browser, server.url, username, { viewport, timezoneId: 'Asia/Shanghai', problems, expectedFailures });
  }

  /** A full-page screenshot at the current size, and the same page at 390×844 (looked at by hand). */
  async function screenshot(name) {
    shot += 1;
    const file = `outgoing-${String(shot).padStart(2, '0')}-${name}`;
    await saveScreenshot(page, file);
    const size = page.viewportSize();
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(150);
    await saveScreenshot(page, `${file}-390`);
    if (size) await page.setViewportSize(size);
  }

  const field = (label) => formField(page, label);

  /** The options an open picker shows now. */
  async function shownOptions() {
    return page.locator('.ant-select-dropdown:visible .ant-select-item-option').allInnerTexts();
  }

  /** Opens the 发文's task at `step` from 待办. */
  async function openFromInbox(step) {
    await page.goto(server.url + '/inbox');
    const row = page.locator('tbody tr[data-row-id]', { hasText: TITLE }).filter({ hasText: step });
    await row.waitFor({ timeout: 15_000 });
    await row.locator('a.title-link').click();
    await page.waitForURL(/\/tasks\/\w+$/);
    await page.getByTestId('task-step').filter({ hasText: step }).waitFor();
    await page.locator('[data-action="complete"]').waitFor();
    await editableTaskForm(page);
  }

  async function completeWith(opinion, name) {
    await page.locator('textarea#opinion').fill(opinion);
    await screenshot(name);
    await page.locator('[data-action="complete"]').click();
    await page
      .waitForURL((url) => !/\/tasks\//.test(url.pathname), { timeout: 15_000 })
      .catch(async (error) => {
        const alerts = await page.locator('[role="alert"]').allTextContents();
        throw new Error(`${name} was not completed: ${alerts.join(' | ')}\n${problems.join('\n')}`, { cause: error });
      });
  }

  test('should draft, send to 核稿, countersign with two departments found by pinyin and sign off as the chosen leader', async () => {
    const api = await login(server.url, 'clerk');

    // Given the clerk on the 拟稿 page
    await signIn('clerk');
    await page.goto(server.url + '/documents/outgoing/new');
    await page.locator('#out-title').waitFor();
    await page.locator('nz-select:has(#out-docType)').click();
    await page.keyboard.type('通知');
    await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '通知' }).first().click();
    await page.locator('#out-orgCode').fill('安政发');
    await page.locator('#out-title').fill(TITLE);
    await page.locator('nz-select:has(#out-mainRecipients)').click();
    await page.keyboard.type('市政府各部门');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.locator('nz-select:has(#out-mainRecipients) .ant-select-selection-item', { hasText: '市政府各部门' }).waitFor();
    await page.locator('#out-body').fill('各县区人民政府，市政府各工作部门：为加强城市道路管理，现就有关事项通知如下。');

    // When the 签发人 picker is opened it lists only the leaders who may sign off (never a typed name)
    await page.locator('nz-select:has(#out-signOffBy)').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().waitFor();
    const leaders = await shownOptions();
    assert.deepEqual(
      leaders.map((o) => o.replace(/（.*$/, '')).sort(),
      ['吴国强', '周建华'].sort(),
      `签发人 offers the city leaders: ${leaders}`,
    );
    await page.keyboard.type('wgq');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '吴国强' }).click();

    // And the 会签 picker finds 市住建局 by 「住建」 and by 「zjj」, and 市财政局 by 「czj」
    const countersign = page.locator('nz-select:has(#out-countersigners)');
    await countersign.click();
    await page.keyboard.type('住建');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '马文斌' }).waitFor();
    const byChinese = await shownOptions();
    assert.ok(
      byChinese.every((o) => /住建/.test(o)),
      `「住建」 finds only 住建局 heads: ${byChinese}`,
    );
    assert.ok(
      await page.locator('.ant-select-dropdown:visible .ant-select-item-group', { hasText: '安康市住房和城乡建设局' }).count(),
      'the department is shown by its full name above its head',
    );
    await screenshot('countersign-search');
    await page.locator('#out-countersigners').fill('');
    await page.keyboard.type('zjj');
    const zjj = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '马文斌' });
    await zjj.waitFor();
    await zjj.click();
    await page.locator('#out-countersigners').fill('');
    await page.keyboard.type('czj');
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '单立新' }).click();
    await page.keyboard.press('Escape');
    await countersign.locator('.ant-select-selection-item', { hasText: '马文斌' }).waitFor();
    await countersign.locator('.ant-select-selection-item', { hasText: '单立新' }).waitFor();
    await screenshot('draft-page');

    // And 保存并送核稿
    await page.getByRole('button', { name: '保存并送核稿' }).click();
    await page.waitForURL(/\/documents\/[^/]+$/, { timeout: 15_000 });
    const documentId = new URL(page.url()).pathname.split('/').pop();
    await page.locator('h1', { hasText: TITLE }).waitFor();
    await page.locator('#doc-signer', { hasText: '尚未签发' }).waitFor();
    await screenshot('document-sent');
    assertNoProblems(problems);

    // Then the document is at 核稿, assigned to the office head, with the chosen 签发人 and 会签
    const { body: doc } = await api('GET', `/documents/${documentId}`);
    const { body: instance } = await api('GET', `/instances/${doc.instanceId}`);
    assert.equal(instance.variables.issuer, 'mayor');
    assert.deepEqual([...instance.variables.countersigners].sort(), ['czj_head', 'zjj_head']);
    const openTasks = async () =>
      (await api('GET', `/tasks?instanceId=${doc.instanceId}&status=open`)).body.items.map((t) => [t.elementId, t.assignee]).sort();
    assert.deepEqual(await openTasks(), [['review', 'head']]);

    // When the office head passes it at 核稿 from 待办
    await signIn('head');
    await openFromInbox('核稿');
    await field('核稿结果').getByLabel('通过').check();
    await completeWith('文稿规范，同意送会签', 'review');
    assertNoProblems(problems);

    // Then both chosen departments have a 会签 task
    assert.deepEqual(await openTasks(), [
      ['countersign', 'czj_head'],
      ['countersign', 'zjj_head'],
    ]);

    // When both department heads countersign
    for (const [head, opinion] of [
      ['zjj_head', '住建局无意见'],
      ['czj_head', '财政局同意'],
    ]) {
      await signIn(head);
      await openFromInbox('会签');
      await field('会签意见').getByLabel('同意', { exact: true }).check();
      await completeWith(opinion, `countersign-${head}`);
      assertNoProblems(problems);
    }
    assert.deepEqual(await openTasks(), [['signOff', 'mayor']]);

    // And the mayor signs it off
    await signIn('mayor');
    await openFromInbox('签发');
    await field('签发意见').locator('textarea').fill('同意印发。');
    await field('公开属性').locator('.fjs-input-group').first().click();
    await page.locator('.fjs-dropdownlist-item', { hasText: '依申请公开' }).first().click();
    await completeWith('同意', 'sign-off');
    assertNoProblems(problems);

    // Then the document shows its 签发人, offers no 修改文稿, and the server refuses a change
    await signIn('clerk');
    await page.goto(`${server.url}/documents/${documentId}`);
    await page.locator('#doc-signer', { hasText: '吴国强' }).waitFor();
    await page.locator('#doc-signed-locked').waitFor();
    assert.equal(await page.locator('#doc-edit').count(), 0, '修改文稿 is not offered after 签发');
    await screenshot('document-signed');
    const refused = await api('PATCH', `/documents/${documentId}`, { body: '签发后改动的正文。' });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.code, 'DOCUMENT_SIGNED_LOCKED');
    assertNoProblems(problems);
  });

  test('should draw a 会签 skipped for want of departments as skipped, not as done', async () => {
    // Given a 发文 sent without 会签 departments and passed at 核稿 (through the API: the UI is covered above)
    const clerk = await login(server.url, 'clerk');
    const head = await login(server.url, 'head');
    const created = await clerk('POST', '/documents', {
      direction: 'outgoing',
      docType: 'GW08',
      title: '安康市人民政府办公室关于无需会签事项的通知',
      issuer: '安康市人民政府办公室',
      orgCode: '安政办发',
      mainRecipients: ['市政府各部门'],
    });
    assert.equal(created.status, 201);
    const tasksOf = async () => (await clerk('GET', `/tasks?instanceId=${created.body.instanceId}&status=open`)).body.items;
    const [draft] = await tasksOf();
    assert.equal((await clerk('POST', `/tasks/${draft.id}/complete`, { variables: { countersigners: [] } })).status, 200);
    const [review] = await tasksOf();
    assert.equal((await head('POST', `/tasks/${review.id}/complete`, { variables: { reviewResult: 'pass' } })).status, 200);
    assert.deepEqual(
      (await tasksOf()).map((t) => t.elementId),
      ['signOff'],
    );

    // When the clerk opens the document's progress diagram
    await signIn('clerk');
    await page.goto(`${server.url}/documents/${created.body.id}`);
    await page.locator('.progress-diagram-canvas[data-state="ready"]').waitFor({ timeout: 15_000 });

    // Then 会签 is drawn as skipped and the legend says so; 核稿 is done and 签发 current
    const marks = async (id) => (await page.locator(`.djs-element[data-element-id="${id}"]`).first().getAttribute('class')) ?? '';
    assert.match(await marks('countersign'), /lz-skipped/);
    assert.doesNotMatch(await marks('countersign'), /lz-done/);
    assert.match(await marks('review'), /lz-done/);
    assert.match(await marks('signOff'), /lz-current/);
    await page.locator('.legend-skipped', { hasText: '未经办理（跳过）' }).waitFor();
    await page.locator('.progress-diagram-canvas').scrollIntoViewIfNeeded();
    await screenshot('skipped-countersign');
    assertNoProblems(problems);
  });
});
