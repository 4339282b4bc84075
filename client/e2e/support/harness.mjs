// Shared harness of the browser tests: the real server (started here, or LIUZHUAN_URL) and
// Debian's Chromium. Never a downloaded browser; without Chromium the tests skip, in CI they fail.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const ARTIFACTS = join(ROOT, 'client/e2e/artifacts');
export const CHROMIUM = '/usr/bin/chromium';
const SERVER_MAIN = join(ROOT, 'dist/server/main.js');
const CLIENT_DIR = join(ROOT, 'dist/client/browser');
export const PASSWORD = 'Liuzhuan@2026';
export const VIEWPORT = { width: 1366, height: 768 };

/** The `skip` option of a browser suite: a reason when Chromium is missing; in CI a failure instead. */
export function chromiumSkip() {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing; CI must provide Debian's chromium for the browser test.`);
  return `${CHROMIUM} is not installed (apt-get install chromium); skipping the browser test`;
}

/** Debian's Chromium; `executablePath` may name a wrapper that starts it elsewhere (lan.e2e.mjs: in a network namespace). */
export function launchChromium({ executablePath = CHROMIUM } = {}) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** The server under test: LIUZHUAN_URL when given, otherwise a fresh embedded server of the built product. */
export function serverUnderTest() {
  return process.env.LIUZHUAN_URL ? externalServer(process.env.LIUZHUAN_URL) : startServer();
}

/**
 * Records what went wrong in a page: console errors, page errors, failed requests and HTTP
 * errors. `expectedFailures` lists the deliberate ones ({method, path, status}); each is matched
 * and consumed once (Chromium also logs every 4xx response to the console).
 */
export function watchForProblems(page, problems, expectedFailures) {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const expected = expectedFailures.find((f) => !f.consoleSeen && text.includes(`status of ${f.status}`));
    if (expected) {
      expected.consoleSeen = true;
      return;
    }
    problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText;
    // the app cancelled it (a route left while a list or the notification stream was loading): not a failure
    if (reason === 'net::ERR_ABORTED') return;
    problems.push(`request failed: ${request.method()} ${request.url()} ${reason}`);
  });
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    const expected = expectedFailures.find(
      (f) => !f.responseSeen && f.method === request.method() && request.url().endsWith(f.path) && f.status === response.status(),
    );
    if (expected) expected.responseSeen = true;
    else problems.push(`HTTP ${response.status()}: ${request.method()} ${request.url()}`);
  });
}

function externalServer(url) {
  return { url: url.replace(/\/$/, ''), stop: async () => undefined, output: () => '' };
}

async function startServer() {
  for (const [file, hint] of [
    [SERVER_MAIN, 'NX_DAEMON=false npx nx build server'],
    [join(CLIENT_DIR, 'index.html'), 'NX_DAEMON=false npx nx build client'],
  ]) {
    if (!existsSync(file)) throw new Error(`${file} is missing; build it first: ${hint}`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'liuzhuan-e2e-'));
  let output = '';
  const child = spawn(process.execPath, [SERVER_MAIN], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), LIUZHUAN_DATA_DIR: dataDir, LIUZHUAN_CLIENT_DIR: CLIENT_DIR },
    detached: true, // its own process group, so that stop() also ends any workers it forks
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { url, stop, output: () => output };
    } catch {
      // Not listening yet; try again shortly.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the server did not answer GET /api/health within 60 s. Its output:\n${output}`);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolvePort(port));
    });
  });
}
