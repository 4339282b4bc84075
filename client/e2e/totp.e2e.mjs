// Browser test of sign-in with a second factor: the auditor enrols TOTP on the sign-in page (QR code,
// secret, activation with a computed code, the ten recovery codes once), signs out and signs in with
// a code; then with a recovery code. Run: `node --test client/e2e/totp.e2e.mjs` after building.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, chromiumSkip, launchChromium, PASSWORD, serverUnderTest, VIEWPORT, watchForProblems } from './support/harness.mjs';
import { currentStep, totpAt } from './support/second-factor.mjs';

const skip = chromiumSkip();
const PHONE = { width: 390, height: 844 };

describe('sign-in with a second factor in a browser', { skip }, () => {
  let server;
  let browser;
  const problems = [];
  const expectedFailures = [];
  let secret;
  let step;
  let recoveryCodes;

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openPage(viewport = VIEWPORT) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    watchForProblems(page, problems, expectedFailures);
    await page.goto(server.url + '/login');
    return page;
  }

  async function screenshot(page, name) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, `${name}: the page scrolls horizontally`);
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  async function password(page, username = 'auditor') {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('密码').press('Enter');
  }

  test('should enrol the auditor: QR code and secret, activation, the recovery codes once, then a code', async () => {
    // Given the auditor's first sign-in
    const page = await openPage();
    await password(page);
    // Then the enrolment shows the QR code and the secret
    await page.getByTestId('totp-enrol').waitFor();
    await page.getByTestId('totp-qr').waitFor();
    assert.ok(await page.getByTestId('totp-qr').evaluate((img) => img.complete && img.naturalWidth > 100), 'the QR code is drawn');
    secret = (await page.getByTestId('totp-secret').textContent()).trim();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await page.getByText('身份验证器').first().waitFor();
    await screenshot(page, 'totp-01-enrol');
    // When a wrong code is typed, it says so; with the right code the ten recovery codes show once
    expectedFailures.push({ method: 'POST', path: '/api/auth/totp/activate', status: 422, responseSeen: false, consoleSeen: false });
    step = currentStep();
    const wrong = totpAt(secret, step) === '000000' ? '111111' : '000000';
    await page.locator('#totp-activate-code').fill(wrong);
    await page.locator('#totp-activate-code').press('Enter');
    await page.getByRole('alert').getByText('验证码不正确').waitFor();
    await page.locator('#totp-activate-code').fill(totpAt(secret, step));
    await page.locator('#totp-activate-code').press('Enter');
    const codes = page.getByTestId('totp-recovery-codes');
    await codes.waitFor();
    recoveryCodes = (await codes.locator('li').allTextContents()).map((c) => c.trim());
    assert.equal(recoveryCodes.length, 10);
    await codes.getByText('只显示这一次').waitFor();
    await screenshot(page, 'totp-02-recovery-codes');
    // Then a code signs in: the auditor's console opens
    await page.getByRole('button', { name: '我已妥善保存，继续登录' }).click();
    await page.locator('#totp-code').fill(totpAt(secret, step + 1));
    await page.locator('#totp-code').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.getByRole('button', { name: /退出登录/ }).click();
    await page.waitForURL(/\/login/);
    await page.context().close();
  });

  test('should ask for a code after the password on a phone, and take a recovery code instead', async () => {
    // Given the enrolled auditor on a 390 px screen
    const page = await openPage(PHONE);
    expectedFailures.push({ method: 'POST', path: '/api/auth/login', status: 401, responseSeen: false, consoleSeen: false });
    await password(page);
    // Then the code is asked for, with the option of a recovery code
    await page.getByTestId('totp-code-form').waitFor();
    await screenshot(page, 'totp-03-code-390');
    await page.getByTestId('toggle-recovery').click();
    await page.getByLabel('恢复码').waitFor();
    // When a recovery code is typed, the sign-in goes through
    await page.locator('#totp-code').fill(recoveryCodes[0]);
    await page.locator('#totp-code').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.context().close();
  });

  test('should sign in with a fresh code at 1366×768 and refuse the same code twice', async () => {
    const page = await openPage();
    expectedFailures.push({ method: 'POST', path: '/api/auth/login', status: 401, responseSeen: false, consoleSeen: false });
    await password(page);
    await page.getByTestId('totp-code-form').waitFor();
    await screenshot(page, 'totp-04-code');
    // the code of the step used at the first sign-in is refused (a code is good once)
    expectedFailures.push({ method: 'POST', path: '/api/auth/login', status: 401, responseSeen: false, consoleSeen: false });
    await page.locator('#totp-code').fill(totpAt(secret, step + 1));
    await page.locator('#totp-code').press('Enter');
    await page.getByRole('alert').getByText('动态验证码或恢复码不正确').waitFor();
    // a fresh one is taken (waiting for the next step when this one is used)
    const fresh = Math.max(currentStep(), step + 2);
    if (fresh > currentStep() + 1) await new Promise((r) => setTimeout(r, (fresh - 1) * 30_000 - Date.now() + 100));
    await page.locator('#totp-code').fill(totpAt(secret, fresh));
    await page.locator('#totp-code').press('Enter');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.context().close();
  });

  test('should see no console errors or failed requests but the deliberate ones', () => {
    assert.deepEqual(problems, []);
    assert.ok(
      expectedFailures.every((f) => f.responseSeen),
      'every deliberate failure was observed',
    );
  });
});
