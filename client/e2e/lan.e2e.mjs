// Browser test of LAN delivery ([office-ux] 12): a user on another machine of the intranet opens
// the client over plain HTTP and sees their inbox. The "other machine" is a network namespace this
// test makes itself (a veth pair with addresses of TEST-NET-2), and Chromium runs inside it, so
// the server is reached at a non-loopback address, as from a clerk's PC. With a CSP that carries
// `upgrade-insecure-requests`, Chromium asks for every bundle over https there and the page stays
// blank; from the server's own machine (loopback) it would not, which is how that bug hid.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  ARTIFACTS,
  CHROMIUM,
  chromiumSkip,
  launchChromium,
  PASSWORD,
  serverUnderTest,
  VIEWPORT,
  watchForProblems,
} from './support/harness.mjs';

const tag = String(process.pid % 100000);
const NETNS = `lzlan${tag}`;
const HOST_IF = `lzh${tag}`;
const PEER_IF = `lzp${tag}`;
const HOST_ADDRESS = '198.51.100.1';
const PEER_ADDRESS = '198.51.100.2';

const ip = (...args) => spawnSync('ip', args, { encoding: 'utf8' });

/** Why the namespace cannot be made here (not root, no `ip`), or false. In CI that is a failure. */
function namespaceSkip() {
  const probe = ip('netns', 'list');
  const reason = probe.error
    ? 'the ip command (iproute2) is missing'
    : process.getuid?.() !== 0
      ? 'making a network namespace needs root'
      : probe.status !== 0
        ? `ip netns fails: ${probe.stderr.trim()}`
        : false;
  if (reason && process.env.CI === 'true') throw new Error(`${reason}; CI must run the LAN browser test`);
  return reason && `${reason}; skipping the LAN browser test`;
}

function run(...args) {
  const r = ip(...args);
  if (r.status !== 0) throw new Error(`ip ${args.join(' ')}: ${r.stderr.trim()}`);
}

const skip = chromiumSkip() || namespaceSkip();

describe('the client on the LAN, over plain HTTP, from another machine', { skip }, () => {
  let server, browser, wrapperDir;
  const problems = [];

  before(async () => {
    server = await serverUnderTest();
    // the clerk's machine: a namespace joined to this host by a veth pair
    run('netns', 'add', NETNS);
    run('link', 'add', HOST_IF, 'type', 'veth', 'peer', 'name', PEER_IF);
    run('link', 'set', PEER_IF, 'netns', NETNS);
    run('addr', 'add', `${HOST_ADDRESS}/30`, 'dev', HOST_IF);
    run('link', 'set', HOST_IF, 'up');
    run('netns', 'exec', NETNS, 'ip', 'addr', 'add', `${PEER_ADDRESS}/30`, 'dev', PEER_IF);
    run('netns', 'exec', NETNS, 'ip', 'link', 'set', PEER_IF, 'up');
    run('netns', 'exec', NETNS, 'ip', 'link', 'set', 'lo', 'up');
    // Chromium started inside that namespace; playwright talks to it over a pipe, not the network
    wrapperDir = mkdtempSync(join(tmpdir(), 'lz-lan-'));
    const wrapper = join(wrapperDir, 'chromium-in-netns');
    writeFileSync(wrapper, `#!/bin/sh\nexec ip netns exec ${NETNS} ${CHROMIUM} "$@"\n`);
    chmodSync(wrapper, 0o755);
    browser = await launchChromium({ executablePath: wrapper });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    ip('netns', 'del', NETNS); // takes the veth pair with it
    ip('link', 'del', HOST_IF);
    if (wrapperDir) rmSync(wrapperDir, { recursive: true, force: true });
  });

  test('should show a clerk the sign-in page and then the inbox when opened from a LAN address', async () => {
    // Given the server, reached at its LAN address from another machine
    const base = server.url.replace('127.0.0.1', HOST_ADDRESS);
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
    const page = await context.newPage();
    watchForProblems(page, problems, []);
    const requested = [];
    page.on('request', (request) => requested.push(request.url()));

    // When the clerk opens the root
    const first = await page.goto(base + '/');
    // Then nothing asks the browser to switch to https, and the sign-in page renders
    assert.ok(!(first.headers()['content-security-policy'] ?? '').includes('upgrade-insecure-requests'), 'CSP upgrades to https');
    assert.equal(first.headers()['strict-transport-security'], undefined, 'HSTS on plain HTTP');
    await page.waitForURL(/\/login/);
    await page.getByRole('button', { name: '登录' }).waitFor({ timeout: 15_000 });

    // When they sign in
    await page.getByLabel('用户名').fill('clerk');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('密码').press('Enter');
    // Then their inbox shows, and every file came over plain HTTP from the LAN address
    await page.waitForURL(/\/inbox$/);
    await page.locator('nav').getByText('待办', { exact: true }).waitFor();
    await page.getByRole('columnheader', { name: '标题' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'lan-01-inbox.png') });
    const elsewhere = requested.filter((url) => !url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:'));
    assert.deepEqual(elsewhere, [], 'requests that left the LAN address or switched to https');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
