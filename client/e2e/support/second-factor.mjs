// The second factor in the browser tests: the admins (and workflow admins) enrol TOTP at their first
// sign-in and answer a code from then on, as a person with an authenticator app would. What each
// account enrolled is remembered per server, so a later sign-in computes a fresh code.
import { Secret, TOTP } from 'otpauth';
import { PASSWORD } from './harness.mjs';

const PERIOD_MS = 30_000;
const known = new Map(); // `${baseUrl} ${username}` → { secret, lastStep, recoveryCodes }
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const currentStep = (at = Date.now()) => Math.floor(at / PERIOD_MS);

/** The RFC 6238 code (SHA-1, 6 digits, 30 s) of a secret at a time step. */
export function totpAt(secret, step) {
  return new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) }).generate({
    timestamp: step * PERIOD_MS,
  });
}

/** A code the server has not seen: this step's, else the next one's (one step of drift is accepted), else a recovery code, else wait. */
async function nextCode(factor) {
  const now = currentStep();
  if (factor.lastStep < now + 1) {
    factor.lastStep = Math.max(now, factor.lastStep + 1);
    return totpAt(factor.secret, factor.lastStep);
  }
  const recovery = factor.recoveryCodes.shift();
  if (recovery) return recovery;
  const step = ++factor.lastStep;
  await sleep(Math.max(0, (step - 1) * PERIOD_MS - Date.now() + 50));
  return totpAt(factor.secret, step);
}

/** Remembers a factor enrolled elsewhere (a test that enrols through the page itself). */
export function rememberFactor(baseUrl, username, secret, step, recoveryCodes = []) {
  known.set(`${baseUrl} ${username}`, { secret, lastStep: step, recoveryCodes: [...recoveryCodes] });
}

async function post(baseUrl, path, body, token) {
  const response = await fetch(`${baseUrl}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * Signs in over the API and returns the access token; an account that must enrol enrols first
 * (enroll, activate with a computed code, keep the recovery codes), one with a factor sends a code.
 */
export async function apiSignIn(baseUrl, username, password = PASSWORD) {
  const key = `${baseUrl} ${username}`;
  const factor = known.get(key);
  const form = async (totp) => post(baseUrl, '/auth/login', { username, password, ...(totp ? { totp } : {}) });
  let r = await form(factor ? await nextCode(factor) : undefined);
  if (r.status === 200 && r.body.enrolmentRequired) {
    const token = r.body.accessToken;
    const enrolled = await post(baseUrl, '/auth/totp/enroll', {}, token);
    if (enrolled.status !== 200) throw new Error(`enrol ${username}: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
    const step = currentStep();
    const activated = await post(baseUrl, '/auth/totp/activate', { code: totpAt(enrolled.body.secret, step) }, token);
    if (activated.status !== 200) throw new Error(`activate ${username}: ${activated.status} ${JSON.stringify(activated.body)}`);
    rememberFactor(baseUrl, username, enrolled.body.secret, step, activated.body.recoveryCodes);
    r = await form(await nextCode(known.get(key)));
  }
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.accessToken;
}

/**
 * Signs in on the sign-in page (already open) and completes the second factor there: the
 * enrolment (QR code, secret, activation, recovery codes) for an account that has none yet, the
 * code for one that has. An account with a factor is first answered 401 AUTH_TOTP_REQUIRED: it is
 * added to `expectedFailures` (see watchForProblems).
 */
export async function signInOnPage(page, baseUrl, username, expectedFailures = [], password = PASSWORD) {
  const key = `${baseUrl} ${username}`;
  if (known.has(key))
    expectedFailures.push({ method: 'POST', path: '/api/auth/login', status: 401, responseSeen: false, consoleSeen: false });
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByLabel('密码').press('Enter');
  const stage = await Promise.race([
    page
      .getByTestId('totp-enrol')
      .waitFor()
      .then(
        () => 'enrol',
        () => null,
      ),
    page
      .getByTestId('totp-code-form')
      .waitFor()
      .then(
        () => 'code',
        () => null,
      ),
    page
      .waitForURL((url) => !url.pathname.startsWith('/login'))
      .then(
        () => 'done',
        () => null,
      ),
  ]);
  if (stage === 'enrol') {
    const secret = (await page.getByTestId('totp-secret').textContent()).trim();
    const step = currentStep();
    await page.locator('#totp-activate-code').fill(totpAt(secret, step));
    await page.locator('#totp-activate-code').press('Enter');
    const codes = page.getByTestId('totp-recovery-codes');
    await codes.waitFor();
    rememberFactor(
      baseUrl,
      username,
      secret,
      step,
      (await codes.locator('li').allTextContents()).map((c) => c.trim()),
    );
    await page.getByRole('button', { name: '我已妥善保存，继续登录' }).click();
  }
  if (stage === 'enrol' || stage === 'code') {
    const code = await nextCode(known.get(key));
    // a recovery code (when this step's and the next one's codes are used) goes in the recovery field
    if (!/^\d{6}$/.test(code)) {
      await page.getByTestId('toggle-recovery').click();
      // the field takes 32 characters only once the page has re-rendered after the click: filled
      // before that, Chromium keeps the code field's maxlength of 6 and cuts the recovery code short
      await page.locator('#totp-code[maxlength="32"]').waitFor();
    }
    await page.locator('#totp-code').fill(code);
    await page.locator('#totp-code').press('Enter');
    await page
      .waitForURL((url) => !url.pathname.startsWith('/login'))
      .catch(async (error) => {
        const alerts = await page.getByRole('alert').allTextContents();
        throw new Error(
          `${username} was not signed in with ${/^\d{6}$/.test(code) ? 'a TOTP' : 'a recovery'} code: ${alerts.join(' | ')}`,
          { cause: error },
        );
      });
  }
}
