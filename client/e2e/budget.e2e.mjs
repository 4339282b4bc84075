// Browser test of what a visitor downloads before signing in ([office-ux] 12): the JavaScript of
// the sign-in page, as transferred (brotli, precompressed at build time: tools/precompress.mjs),
// stays within 200 kB, and every JavaScript and CSS response is sent compressed, whatever its
// size, hashed files with long caching. The size is Chromium's own count (CDP `encodedDataLength`: the bytes on the wire,
// headers included) of every script response while the page loads to network idle.
// Run alone: `node --test client/e2e/budget.e2e.mjs` (after building server and client).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { chromiumSkip, launchChromium, serverUnderTest, VIEWPORT, watchForProblems } from './support/harness.mjs';

/** The budget: JavaScript transferred before sign-in. */
const SIGN_IN_JS_BUDGET = 200 * 1024;

const skip = chromiumSkip();

describe('what the sign-in page costs to load', { skip }, () => {
  let server, browser;
  const problems = [];

  before(async () => {
    server = await serverUnderTest();
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test('should send the sign-in page its JavaScript compressed and within 200 kB', async () => {
    // Given a visitor with an empty cache, whose browser accepts brotli and gzip as every current browser does
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    watchForProblems(page, problems, []);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    /** requestId → { url, type, encoding } */
    const responses = new Map();
    const transferred = new Map();
    cdp.on('Network.responseReceived', ({ requestId, type, response }) => {
      const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      responses.set(requestId, {
        url: response.url,
        type,
        encoding: headers['content-encoding'] ?? null,
        caching: headers['cache-control'] ?? null,
      });
    });
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => transferred.set(requestId, encodedDataLength));

    // When they open the sign-in page and it has loaded everything it asks for
    await page.goto(server.url + '/login', { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: '登录' }).waitFor();
    await page.getByLabel('用户名').waitFor();

    // Then every script and stylesheet came compressed
    const files = [...responses].filter(([, r]) => r.type === 'Script' || r.type === 'Stylesheet');
    assert.ok(
      files.some(([, r]) => r.type === 'Script'),
      'no script was loaded',
    );
    const uncompressed = files.filter(([, r]) => !['br', 'gzip'].includes(r.encoding)).map(([, r]) => `${r.url} (${r.encoding})`);
    assert.deepEqual(uncompressed, [], 'JavaScript or CSS sent without compression');
    // and the hashed ones (main-4ZC3QJQB.js: the name changes with the content) may be cached for good
    const shortLived = files
      .filter(([, r]) => /-[A-Z0-9]{8}\.(js|css)$/.test(new URL(r.url).pathname) && !r.caching?.includes('immutable'))
      .map(([, r]) => `${r.url} (${r.caching})`);
    assert.deepEqual(shortLived, [], 'hashed files without long caching');
    // and the JavaScript, as transferred, fits the budget
    const scripts = files.filter(([, r]) => r.type === 'Script').map(([id, r]) => ({ url: r.url, bytes: transferred.get(id) ?? 0 }));
    const total = scripts.reduce((sum, s) => sum + s.bytes, 0);
    const list = scripts.map((s) => `${(s.bytes / 1024).toFixed(1)} kB ${s.url.replace(server.url, '')}`).join('\n');
    console.log(`sign-in page JavaScript: ${(total / 1024).toFixed(1)} kB transferred in ${scripts.length} files\n${list}`);
    assert.ok(total <= SIGN_IN_JS_BUDGET, `sign-in page JavaScript ${(total / 1024).toFixed(1)} kB > 200 kB:\n${list}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
});
