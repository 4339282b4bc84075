// What every browser test checks of a page: nothing went wrong in it, it does not scroll
// sideways, and its screenshot lands in client/e2e/artifacts/.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ARTIFACTS } from './harness.mjs';

/** Fails when the page recorded problems (watchForProblems) since the last check; the list starts empty again. */
export function assertNoProblems(problems) {
  const left = problems.splice(0);
  assert.deepEqual(left, [], `problems in the page:\n${left.join('\n')}`);
}

/** Fails when the page is wider than its window (it would scroll sideways). */
export async function assertNoSidewaysScroll(page, name) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, `${name}: the page scrolls horizontally at ${page.viewportSize()?.width}px`);
}

/** A full-page screenshot as client/e2e/artifacts/<name>.png. */
export async function saveScreenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
