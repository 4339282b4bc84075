// A user at the browser: a fresh context (no session left over from another test), its problems
// watched, signed in on the sign-in page with the demo password. The admins, who answer a second
// factor there, sign in with signInOnPage (second-factor.mjs).
import { PASSWORD, VIEWPORT, watchForProblems } from './harness.mjs';

/**
 * A page in a fresh zh-CN context (`options` go to browser.newContext, e.g. timezoneId, hasTouch),
 * reporting into `problems` (see watchForProblems) when it is given.
 */
export async function newWatchedPage(browser, { viewport = VIEWPORT, problems, expectedFailures = [], ...options } = {}) {
  const context = await browser.newContext({ viewport, locale: 'zh-CN', ...options });
  const page = await context.newPage();
  if (problems) watchForProblems(page, problems, expectedFailures);
  return page;
}

/** Signs in with the demo password on the sign-in page (already open) and waits until it has been left. */
export async function signInWithPassword(page, username, landed = (url) => !url.pathname.startsWith('/login')) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByLabel('密码').press('Enter');
  await page.waitForURL(landed);
}

/** A new page (see newWatchedPage) signed in as a demo user without a second factor. */
export async function openSignedIn(browser, baseUrl, username, options = {}) {
  const page = await newWatchedPage(browser, options);
  await page.goto(baseUrl + '/login');
  await signInWithPassword(page, username);
  return page;
}
