// A by-hand walk of one 收文 (签收 → 办结) and one 发文 (拟稿 → 核发) through the client, as each
// role in turn, with a full-page screenshot of each page at 1366×768 and 390×844 and a log of what
// looked wrong (sideways overflow at 390 px, console errors, failed requests, Latin text on the page).
// Not a test: it keeps going past a failed step and writes walk-log.json beside the screenshots.
// Run against a running server: `node client/e2e/walk/walk.mjs http://<LAN address>:<port> <shots dir> [in|out|out2]`
// ('out2' resumes a 发文 returned to 拟稿). Every run uses the same titles: start on a fresh data dir.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, PASSWORD, watchForProblems } from '../support/harness.mjs';
import { onePagePdf } from '../support/pdf.mjs';

const BASE = process.argv[2];
const OUT = process.argv[3] ?? 'walk-shots';
mkdirSync(OUT, { recursive: true });
const DESK = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const IN_TITLE = '陕西省住房和城乡建设厅关于做好冬季城镇供热保障工作的通知';
const OUT_TITLE = '安康市人民政府关于加强城市道路管理的通知';
const log = { shots: [], problems: [], failures: [], notes: [] };
let shot = 0;
let browser;
let page;
let who = '';
let problems = [];

function note(text) {
  console.log('NOTE', text);
  log.notes.push(`[${who}] ${text}`);
}

async function signIn(username, viewport = DESK) {
  flushProblems();
  await page?.context().close();
  who = username;
  const phone = viewport.width < 500;
  const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', isMobile: phone, hasTouch: phone });
  page = await context.newPage();
  watchForProblems(page, problems, []);
  await page.goto(BASE + '/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'), { timeout: 15_000 });
  await page.waitForTimeout(800);
}

function flushProblems() {
  for (const p of problems) log.problems.push(`[${who}] ${p}`);
  problems.length = 0;
}

async function measure() {
  return page.evaluate(() => {
    const text = document.body.innerText;
    const latin = [...new Set(text.match(/[A-Za-z][A-Za-z0-9_:.-]+/g) ?? [])];
    const empties = [...document.querySelectorAll('dd, td')].filter((e) => /^\s*(—|-)?\s*$/.test(e.textContent)).length;
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, latin, dashCells: empties };
  });
}

/** The page at both widths: first the context's own, then the other one. */
async function shoot(name) {
  shot += 1;
  const base = `${String(shot).padStart(2, '0')}-${who}-${name}`;
  const own = page.viewportSize();
  const order = own.width < 500 ? [PHONE, DESK] : [DESK, PHONE];
  for (const size of order) {
    await page.setViewportSize(size);
    await page.waitForTimeout(300);
    const m = await measure();
    const file = join(OUT, `${base}-${size.width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    const entry = { file, url: page.url(), who, ...m };
    log.shots.push(entry);
    if (m.scrollWidth > m.innerWidth) log.problems.push(`[${who}] ${file}: scrollWidth ${m.scrollWidth} > ${m.innerWidth}`);
  }
  await page.setViewportSize(own);
  await page.waitForTimeout(150);
  flushProblems();
}

async function step(name, fn) {
  console.log('STEP', who, name);
  try {
    await fn();
  } catch (error) {
    console.log('FAIL', name, error.message.split('\n')[0]);
    log.failures.push(`[${who}] ${name}: ${error.message.split('\n').slice(0, 3).join(' / ')}`);
    try {
      await page.screenshot({ path: join(OUT, `fail-${name}.png`), fullPage: true });
    } catch {
      // the page is gone (closed or crashed): the failure above is what counts
    }
  }
  writeFileSync(join(OUT, 'walk-log.json'), JSON.stringify(log, null, 1));
}

function field(label) {
  return page.locator('[data-testid="task-form"] .fjs-form-field', { has: page.locator('label', { hasText: label }) }).first();
}

async function openFromInbox(title, stepName) {
  await page.goto(BASE + '/inbox');
  const row = page.locator('tbody tr[data-row-id]', { hasText: title }).filter({ hasText: stepName });
  await row.first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(300);
  await shoot(`inbox-before-${stepName}`);
  await row.first().locator('a.title-link').click();
  await page.waitForURL(/\/tasks\/\w+$/);
  await page.getByTestId('task-step').filter({ hasText: stepName }).waitFor();
  await page.waitForTimeout(1200);
}

async function claimIfOffered() {
  await page.locator('app-approval-panel').waitFor();
  const claim = page.locator('app-approval-panel').getByRole('button', { name: '签收', exact: true });
  if (await claim.count()) {
    await shoot('task-before-claim');
    await claim.click();
    await claim.waitFor({ state: 'detached' });
  }
  await page.locator('[data-action="complete"]').waitFor();
  await page.locator('[data-testid="task-form"] .task-form-host:not(.task-form-readonly) .fjs-form').waitFor();
}

async function panelActions() {
  return (await page.locator('app-approval-panel button').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
}

async function completeWith(opinion, name) {
  if (opinion !== null) await page.locator('textarea#opinion').fill(opinion);
  note(`${name}: panel offers ${JSON.stringify(await panelActions())}`);
  await shoot(name);
  await page.locator('[data-action="complete"]').click();
  await page.waitForURL((url) => !/\/tasks\//.test(url.pathname), { timeout: 15_000 });
  await page.waitForTimeout(800);
  await shoot(`after-${name}`);
}

async function pick(label, option) {
  const input = field(label).locator('input').first();
  await input.click();
  await input.fill(option.slice(-6));
  await field(label).locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

async function phrase(text) {
  const p = page.locator('.phrases .phrase', { hasText: new RegExp(`^\\s*${text}\\s*$`) }).first();
  await p.scrollIntoViewIfNeeded();
  await p.tap().catch(() => p.click());
  await page.waitForTimeout(300);
}

async function upload(inputSelector, name, text) {
  await page.locator(inputSelector).setInputFiles({ name, mimeType: 'application/pdf', buffer: onePagePdf(text) });
  await page.waitForTimeout(2000);
}

async function incoming() {
  let docUrl;
  await step('in-register', async () => {
    await signIn('clerk');
    await shoot('inbox-first');
    await page.goto(BASE + '/documents/incoming/new');
    await page.locator('#in-sourceOrg').waitFor();
    await shoot('register-empty');
    await page.locator('#in-sourceOrg').fill('陕西省住房和城乡建设厅');
    await page.locator('#in-sourceDocNumber').fill('陕建发〔2026〕88号');
    await page.locator('#in-title').fill(IN_TITLE);
    await page.locator('nz-select:has(#in-docType)').click();
    await page.keyboard.type('通知');
    await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '通知' }).first().click();
    await page.keyboard.press('Escape');
    await page.locator('label.ant-radio-button-wrapper', { hasText: '加急' }).click();
    await page.locator('#in-timeLimit').fill('10');
    await shoot('register-filled');
    await page.getByRole('button', { name: '登记并送初审' }).click();
    await page.waitForURL(/\/documents\/[^/]+$/);
    docUrl = page.url();
    await page.waitForTimeout(1000);
    await shoot('document-registered');
    await upload('#view-attachments', '来文原件.pdf', 'Scanned original');
    await shoot('document-with-attachment');
  });
  await step('in-sign-for', async () => {
    await page.getByRole('link', { name: '去办理' }).click();
    await page.waitForURL(/\/tasks\/\w+$/);
    await page.waitForTimeout(1200);
    await claimIfOffered();
    await field('份数').locator('input').fill('2');
    await completeWith('已签收，原件2份', 'sign-for');
  });
  await step('in-register-task', async () => {
    await openFromInbox(IN_TITLE, '登记');
    await claimIfOffered();
    for (const l of ['标题', '来文机关', '来文字号', '收文号', '签收时间'])
      note(
        `登记 form ${l} = "${await field(l)
          .locator('input')
          .first()
          .inputValue()
          .catch(() => '?')}"`,
      );
    await completeWith('已登记', 'register');
  });
  await step('in-screen', async () => {
    await openFromInbox(IN_TITLE, '初审');
    await claimIfOffered();
    await field('初审结果').getByLabel('符合收文要求').check();
    await completeWith('要素齐全，符合收文要求', 'screen');
  });
  await step('in-propose', async () => {
    await signIn('head');
    await openFromInbox(IN_TITLE, '拟办');
    await claimIfOffered();
    await field('拟办意见').locator('textarea').fill('建议由市住建局牵头办理，市财政局配合做好资金保障，请周副市长批示。');
    await pick('建议承办单位', '安康市住房和城乡建设局');
    await completeWith('拟请市住建局牵头办理', 'propose');
  });
  await step('in-instruct-phone', async () => {
    await signIn('deputy', PHONE);
    await shoot('phone-inbox');
    const row = page.locator('tbody tr[data-row-id]', { hasText: IN_TITLE }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.locator('a.title-link').click();
    await page.waitForURL(/\/tasks\/\w+$/);
    await page.waitForTimeout(2000);
    note(
      `deputy phone: body visible=${await page.getByTestId('document-body').count()} pdf=${await page.getByTestId('attachment-pdf').count()}`,
    );
    await shoot('phone-instruct-read');
    await claimIfOffered();
    await field('批示意见').locator('textarea').fill('同意。请市住建局牵头，市财政局配合，确保群众温暖过冬。');
    await pick('主办单位', '安康市住房和城乡建设局');
    await pick('协办单位', '安康市财政局');
    await page.keyboard.press('Escape');
    await phrase('同意');
    note(`opinion after 常用语: "${await page.locator('textarea#opinion').inputValue()}"`);
    await completeWith(null, 'phone-instruct');
  });
  for (const [user, stepName, text, opinion] of [
    ['zjj_head', '主办单位承办', '已制定供热保障方案，全市供热企业已全部点火运行。', '已牵头落实'],
    ['czj_head', '协办单位承办', '已下达供热补贴资金1200万元。', '资金已落实'],
  ]) {
    await step(`in-handle-${user}`, async () => {
      await signIn(user);
      await openFromInbox(IN_TITLE, stepName);
      await claimIfOffered();
      note(`${stepName} form opens with 办理情况 = "${await field('办理情况').locator('textarea').inputValue()}"`);
      await field('办理情况').locator('textarea').fill(text);
      await completeWith(opinion, `handle-${user}`);
    });
  }
  await step('in-reply', async () => {
    await signIn('clerk');
    await openFromInbox(IN_TITLE, '答复');
    await claimIfOffered();
    const body = await page.locator('[role="main"]').innerText();
    note(`答复 page shows 主办 text: ${body.includes('全市供热企业')} 协办 text: ${body.includes('1200万元')}`);
    await field('答复内容').locator('textarea').fill('已按批示办理完毕，办理情况已报省住建厅。');
    await completeWith('已答复来文单位', 'reply');
  });
  await step('in-conclude', async () => {
    await openFromInbox(IN_TITLE, '办结');
    await claimIfOffered();
    await field('办结说明').locator('textarea').fill('办理完毕，归档。');
    await completeWith('办结', 'conclude');
  });
  await step('in-document-after', async () => {
    await page.goto(docUrl);
    await page.waitForTimeout(2500);
    const text = await page.locator('[role="main"]').innerText();
    for (const w of [
      '同意。请市住建局牵头，市财政局配合，确保群众温暖过冬。',
      '建议由市住建局牵头办理',
      '全市供热企业已全部点火运行',
      '1200万元',
      '已按批示办理完毕',
    ])
      note(`document page contains "${w}": ${text.includes(w)}`);
    await shoot('document-concluded');
    const links = await page.locator('[role="main"] a, [role="main"] button').allInnerTexts();
    note(`document page links/buttons: ${JSON.stringify(links.map((t) => t.trim()).filter(Boolean))}`);
  });
  await step('in-print', async () => {
    const print = page.locator('[role="main"] a', { hasText: /打印|处理单|处理笺/ }).first();
    if (await print.count()) {
      const href = await print.getAttribute('href');
      note(`print link ${href}`);
      await page.goto(new URL(href, BASE).href);
    } else {
      note('no print link on the document page; trying /print');
      await page.goto(docUrl.replace('/documents/', '/print/documents/'));
    }
    await page.waitForTimeout(2500);
    const text = await page.locator('body').innerText();
    for (const w of [
      '同意。请市住建局牵头，市财政局配合，确保群众温暖过冬。',
      '建议由市住建局牵头办理',
      '全市供热企业已全部点火运行',
      '1200万元',
    ])
      note(`print view contains "${w}": ${text.includes(w)}`);
    await shoot('print-sheet');
  });
  await step('in-lists', async () => {
    for (const [path, name] of [
      ['/inbox/done', 'done'],
      ['/inbox/started', 'started'],
      ['/documents', 'documents'],
    ]) {
      await page.goto(BASE + path);
      await page.waitForTimeout(1500);
      await shoot(`list-${name}`);
    }
    const reg = page.locator('a', { hasText: '登记簿' }).first();
    if (await reg.count()) {
      await reg.click();
      await page.waitForTimeout(1500);
      await shoot('register-book');
    } else note('no 登记簿 link on /documents');
  });
}

async function outgoing(resume) {
  let docUrl;
  if (!resume)
    await step('out-draft', async () => {
      await signIn('clerk');
      await page.goto(BASE + '/documents/outgoing/new');
      await page.locator('#out-title').waitFor();
      await shoot('draft-empty');
      await page.locator('nz-select:has(#out-docType)').click();
      await page.keyboard.type('通知');
      await page.locator('.ant-select-dropdown .ant-select-item-option', { hasText: '通知' }).first().click();
      await page.locator('#out-orgCode').fill('安政发');
      await page.locator('#out-title').fill(OUT_TITLE);
      await page.locator('nz-select:has(#out-mainRecipients)').click();
      await page.keyboard.type('市政府各部门');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.locator('#out-body').fill('各县区人民政府，市政府各工作部门：\n为加强城市道路管理，现就有关事项通知如下。');
      await page.locator('nz-select:has(#out-signOffBy)').click();
      await page.keyboard.type('wgq');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '吴国强' }).click();
      const cs = page.locator('nz-select:has(#out-countersigners)');
      await cs.click();
      await page.keyboard.type('zjj');
      await page.waitForTimeout(500);
      await shoot('countersign-zjj');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '马文斌' }).click();
      await page.locator('#out-countersigners').fill('');
      await page.keyboard.type('财政');
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '单立新' }).click();
      await page.keyboard.press('Escape');
      await upload('#out-attachments', '道路管理办法.pdf', 'Road rules');
      await shoot('draft-filled');
      await page.getByRole('button', { name: '保存并送核稿' }).click();
      await page.waitForURL(/\/documents\/[^/]+$/, { timeout: 15_000 });
      docUrl = page.url();
      await page.waitForTimeout(1500);
      await shoot('document-sent');
    });
  if (!resume)
    await step('out-review-return', async () => {
      await signIn('head');
      await openFromInbox(OUT_TITLE, '核稿');
      await claimIfOffered();
      note(`核稿 page: body=${await page.getByTestId('document-body').count()} pdf=${await page.getByTestId('attachment-pdf').count()}`);
      await field('核稿结果').getByLabel('退回修改').check();
      await field('核稿意见').locator('textarea').fill('请补充执行日期。');
      await completeWith('请补充执行日期', 'review-return');
    });
  await step('out-redraft', async () => {
    await signIn('clerk');
    await page.goto(BASE + '/inbox');
    await openFromInbox(OUT_TITLE, '拟稿');
    await claimIfOffered();
    const edit = page.locator('a, button', { hasText: '修改文稿' }).first();
    note(`拟稿 task offers 修改文稿: ${await edit.count()}`);
    if (!docUrl) docUrl = new URL(await page.locator('a', { hasText: '查看公文全文' }).first().getAttribute('href'), BASE).href;
    for (const l of ['标题', '主送机关', '抄送机关', '签发人', '密级', '紧急程度', '公开属性'])
      note(
        `拟稿 form ${l} = "${(
          await field(l)
            .innerText()
            .catch(() => '?')
        ).replace(/\s+/g, ' ')}" / input "${await field(l)
          .locator('input')
          .first()
          .inputValue()
          .catch(() => '?')}"`,
      );
    const main = field('主送机关').locator('input').first();
    if (!(await main.inputValue())) await main.fill('市政府各部门');
    await completeWith('已补充执行日期', 'redraft');
  });
  await step('out-review-pass', async () => {
    await signIn('head');
    await openFromInbox(OUT_TITLE, '核稿');
    await claimIfOffered();
    await field('核稿结果').getByLabel('通过').check();
    await field('核稿意见').locator('textarea').fill('文稿规范，同意送会签。');
    await completeWith('同意', 'review-pass');
  });
  for (const [user, opinion] of [
    ['zjj_head', '住建局无意见'],
    ['czj_head', '财政局同意'],
  ]) {
    await step(`out-countersign-${user}`, async () => {
      await signIn(user);
      await openFromInbox(OUT_TITLE, '会签');
      await claimIfOffered();
      await field('会签意见').getByLabel('同意', { exact: true }).check();
      await field('会签意见说明').locator('textarea').fill(`${opinion}，建议尽快印发。`);
      await completeWith(opinion, `countersign-${user}`);
    });
  }
  await step('out-sign-off-phone', async () => {
    await signIn('mayor', PHONE);
    await shoot('phone-inbox');
    const row = page.locator('tbody tr[data-row-id]', { hasText: OUT_TITLE }).first();
    await row.waitFor({ timeout: 15_000 });
    await row.locator('a.title-link').click();
    await page.waitForURL(/\/tasks\/\w+$/);
    await page.waitForTimeout(2000);
    note(`签发 phone: body=${await page.getByTestId('document-body').count()} pdf=${await page.getByTestId('attachment-pdf').count()}`);
    await shoot('phone-sign-off-read');
    await claimIfOffered();
    await field('签发意见').locator('textarea').fill('同意印发。请市住建局抓好落实。');
    await field('公开属性').locator('.fjs-input-group').first().click();
    await page.locator('.fjs-dropdownlist-item', { hasText: '主动公开' }).first().click();
    await phrase('同意');
    await completeWith(null, 'phone-sign-off');
  });
  await step('out-recheck', async () => {
    await signIn('clerk');
    await page.goto(docUrl);
    await page.waitForTimeout(1500);
    await shoot('document-signed');
    note(
      `after 签发 修改文稿 offered: ${await page.locator('#doc-edit').count()}; signer: "${await page
        .locator('#doc-signer')
        .innerText()
        .catch(() => '?')}"`,
    );
    await openFromInbox(OUT_TITLE, '复核');
    await claimIfOffered();
    await completeWith('复核无实质性修改', 'recheck');
  });
  await step('out-register', async () => {
    await openFromInbox(OUT_TITLE, '登记');
    await claimIfOffered();
    note(
      `发文登记 docNumber = "${await field('发文字号')
        .locator('input')
        .inputValue()
        .catch(() => '?')}"`,
    );
    await completeWith('已登记', 'out-register');
  });
  await step('out-print', async () => {
    await openFromInbox(OUT_TITLE, '印制');
    await claimIfOffered();
    await field('印制份数').locator('input').fill('50');
    await completeWith('已印制', 'out-print');
  });
  await step('out-dispatch', async () => {
    await openFromInbox(OUT_TITLE, '核发');
    await claimIfOffered();
    await field('分发方式').locator('.fjs-input-group').first().click();
    await page.locator('.fjs-dropdownlist-item', { hasText: '电子公文交换' }).first().click();
    await completeWith('已核发', 'out-dispatch');
  });
  await step('out-document-after', async () => {
    await page.goto(docUrl);
    await page.waitForTimeout(2500);
    const text = await page.locator('[role="main"]').innerText();
    for (const w of [
      '同意印发。请市住建局抓好落实。',
      '请补充执行日期',
      '住建局无意见，建议尽快印发',
      '财政局同意，建议尽快印发',
      '文稿规范，同意送会签',
    ])
      note(`发文 document page contains "${w}": ${text.includes(w)}`);
    await shoot('document-done');
    const print = page.locator('[role="main"] a', { hasText: /打印|稿纸|处理单/ }).first();
    if (await print.count()) {
      await page.goto(new URL(await print.getAttribute('href'), BASE).href);
      await page.waitForTimeout(2500);
      const t = await page.locator('body').innerText();
      for (const w of ['同意印发。请市住建局抓好落实。', '住建局无意见，建议尽快印发', '吴国强'])
        note(`发文稿纸 contains "${w}": ${t.includes(w)}`);
      await shoot('print-draft-paper');
    } else note('no print link on the 发文 document page');
  });
}

browser = await launchChromium();
try {
  if (!process.argv[4] || process.argv[4] === 'in') await incoming();
  if (!process.argv[4] || process.argv[4] === 'out') await outgoing();
  if (process.argv[4] === 'out2') await outgoing(true);
} finally {
  flushProblems();
  writeFileSync(join(OUT, 'walk-log.json'), JSON.stringify(log, null, 1));
  await page?.context().close();
  await browser.close();
}
console.log(JSON.stringify({ failures: log.failures, problems: log.problems, notes: log.notes }, null, 1));
