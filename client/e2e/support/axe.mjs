// axe-core in the page under test: its rules (WCAG 2.x A and AA) run in Chromium on what the user
// sees. Injected through the DevTools protocol (page.evaluate), which the page's CSP does not govern.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The serious and critical violations on the page as it is now: `[{id, impact, help, targets}]`. */
export async function seriousViolations(page) {
  await page.evaluate(source);
  // judge the page as it settles, not halfway through a transition (the menu's chosen item fades
  // from ng-zorro's blue to ours): every running CSS transition and animation jumps to its end
  await page.evaluate(() =>
    document.getAnimations().forEach((a) => {
      try {
        a.finish();
      } catch {
        // an endless animation (a spinner) has no end to jump to
      }
    }),
  );
  const result = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }),
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}
