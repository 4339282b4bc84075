// Browser test of the public letter page (领导信箱, issue 15): a citizen opens /letter without
// signing in, sees the captcha the server draws, asks for another, types the answer and gets the
// query code. The server is started with a fixed captcha answer, which it honours only under
// NODE_ENV=test (LIUZHUAN_TEST_CAPTCHA_ANSWER); against LIUZHUAN_URL the answer is unknown, so
// this file is skipped there.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, chromiumSkip, launchChromium, serverUnderTest, VIEWPORT, watchForProblems } from './support/harness.mjs';

const ANSWER = '2468';
const skip = chromiumSkip() || (process.env.LIUZHUAN_URL ? 'the captcha answer of an external server is unknown' : false);

describe('the public letter page in a browser', { skip }, () => {
  let server, browser, page;
  const problems = [];
  const expectedFailures = [];

  before(async () => {
    // the server is spawned with this process's environment: set the test answer for it only
    const saved = { NODE_ENV: process.env.NODE_ENV, LIUZHUAN_TEST_CAPTCHA_ANSWER: process.env.LIUZHUAN_TEST_CAPTCHA_ANSWER };
    Object.assign(process.env, { NODE_ENV: 'test', LIUZHUAN_TEST_CAPTCHA_ANSWER: ANSWER });
    try {
      server = await serverUnderTest();
    } finally {
      for (const [k, v] of Object.entries(saved))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    page = await context.newPage();
    watchForProblems(page, problems, expectedFailures);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('should take a letter with the captcha and show the query code, refusing a wrong answer first', async () => {
    // Given the page, opened without signing in
    await page.goto(server.url + '/letter');
    await page.getByRole('heading', { name: '领导信箱' }).waitFor();
    const image = page.locator('.letter-captcha-image');
    await image.waitFor();
    const first = await image.getAttribute('src');
    assert.match(first, /^data:image\/svg\+xml;base64,/);
    // When the writer asks for another captcha, then a different image is shown
    await page.getByRole('button', { name: '换一张' }).click();
    await page.waitForFunction((src) => document.querySelector('.letter-captcha-image')?.getAttribute('src') !== src, first);

    // When they fill the letter and type a wrong answer
    await page.getByLabel('标题').fill('小区路灯不亮');
    await page.getByLabel('内容').fill('建设路小区门口的路灯坏了一周，夜间出行不便。');
    await page.getByLabel('姓名').fill('陈立');
    await page.getByLabel('联系电话').fill('13800138000');
    await page.getByLabel('验证码', { exact: true }).fill('ZZZZ');
    expectedFailures.push({ method: 'POST', path: '/api/public/letters', status: 422, responseSeen: false, consoleSeen: false });
    await page.getByRole('button', { name: '提交来信' }).click();
    // Then the page says so and draws a new captcha
    await page.getByRole('alert').getByText('验证码错误或已过期').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'letter-01-captcha-refused.png') });

    // When they type the right answer
    await page.getByLabel('验证码', { exact: true }).fill(ANSWER);
    await page.getByRole('button', { name: '提交来信' }).click();
    // Then the query code is shown once
    const code = page.getByTestId('query-code');
    await code.waitFor();
    assert.match((await code.textContent()) ?? '', /^[A-Za-z0-9_-]{20}$/);
    await page.screenshot({ path: join(ARTIFACTS, 'letter-02-receipt.png') });
    assert.deepEqual(problems, []);
  });
});
