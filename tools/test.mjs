#!/usr/bin/env node
// `npm test`: every tier, in order — lint, formatting, typecheck, unit and scenario (engine, contracts, client),
// the server's medium and e2e suites on the embedded drivers and on MariaDB + Redis, then the
// browser tests against the built product. In CI (CI=true) a missing MariaDB, Redis or Chromium
// is a failure; locally those parts are skipped with a message.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reachable } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CI = process.env.CI === 'true';
const env = { ...process.env, NX_DAEMON: 'false', NX_TUI: 'false', NX_NO_CLOUD: 'true' };
const out = mkdtempSync(join(tmpdir(), 'lz-test-results-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function run(title, cmd, args, extraEnv = {}) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(cmd, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  if (r.status !== 0) failures.push(title);
  return r.status === 0;
}

function jest(title, config, extraEnv = {}, extraArgs = []) {
  const file = join(out, `${title.replace(/\W+/g, '-')}.json`);
  run(title, 'npx', ['jest', '-c', config, '--json', `--outputFile=${file}`, ...extraArgs], extraEnv);
  if (!existsSync(file)) return failures.includes(title) || failures.push(`${title} (no results)`);
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
}

function skipOrFail(title, reason) {
  if (CI) {
    console.error(`\n=== ${title}: FAILED — ${reason} (required in CI) ===`);
    failures.push(title);
  } else console.log(`\n=== ${title}: skipped — ${reason} ===`);
}

// a tier without a test count of its own (lint, formatting, the client's runner) counts as one test
function gate(title, cmd, args) {
  if (run(title, cmd, args)) totals.passed += 1;
  else totals.failed += 1;
}

// node:test files, counted from the spec reporter's summary
function nodeTest(title, files) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { cwd: root, env, encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const count = (name) => Number(new RegExp(`ℹ ${name} (\\d+)`).exec(r.stdout ?? '')?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail');
  totals.skipped += count('skipped');
  if (r.status !== 0) failures.push(title);
}

// ESLint holds the dependency direction (Nx tags), the engine's purity, module boundaries in the
// server, the engine-state and client API-layer rules (eslint.config.mjs)
gate('lint (ESLint)', 'npx', ['eslint', '.']);
nodeTest('lint rules report what they guard', ['tools/lint-gates.test.mjs']);
gate('formatting (Prettier)', 'npx', ['prettier', '--check', '.']);
run('typecheck', 'npx', ['nx', 'run-many', '-t', 'typecheck', '--outputStyle=static']);
jest('contracts', 'libs/contracts/jest.config.cts', {}, ['--passWithNoTests']);
jest('engine (unit, scenario, conformance)', 'libs/engine/jest.config.cts');
jest('server on SQLite + local queue', 'server/jest.config.cts', { LIUZHUAN_TEST_TARGET: 'embedded' });
const services = (await reachable(3306)) && (await reachable(6379));
if (services) jest('server on MariaDB + Redis', 'server/jest.config.cts', { LIUZHUAN_TEST_TARGET: 'production' });
else skipOrFail('server on MariaDB + Redis', 'MariaDB (127.0.0.1:3306) or Redis (127.0.0.1:6379) not reachable');

// the client's component tests (vitest through Angular's runner) print their own summary
gate('client components', 'npx', ['nx', 'test', 'client', '--outputStyle=static']);

run('build server and client', 'npx', ['nx', 'run-many', '-t', 'build', '-p', 'server', 'client', '--outputStyle=static']);
const e2e = existsSync(join(root, 'client/e2e')) ? readdirSync(join(root, 'client/e2e')).filter((f) => f.endsWith('.e2e.mjs')) : [];
if (!existsSync('/usr/bin/chromium')) skipOrFail('browser tests', 'Chromium is not installed (apt-get install -y chromium)');
else if (e2e.length) {
  const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...e2e.map((f) => join('client/e2e', f))], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const count = (name) => Number(new RegExp(`ℹ ${name} (\\d+)`).exec(r.stdout ?? '')?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail');
  totals.skipped += count('skipped');
  if (r.status !== 0) failures.push('browser tests');
}

// the HTTP contract of the issues, executable (shared with the steering docs): it starts `npm start` itself
const contract = join(root, '../shared/scripts/api-contract.mjs');
if (!existsSync(contract)) skipOrFail('API contract', `${contract} not found`);
else {
  console.log('\n=== API contract (../shared/scripts/api-contract.mjs) ===');
  const r = spawnSync(process.execPath, [contract], {
    cwd: root,
    env: { ...env, LIUZHUAN_SKIP_BUILD: 'true' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const m = /api-contract: (\d+) passed, (\d+) failed/.exec(r.stdout ?? '');
  totals.passed += Number(m?.[1] ?? 0);
  totals.failed += Number(m?.[2] ?? 0);
  if (r.status !== 0 || !m) failures.push('API contract');
}

console.log(`\n${failures.length ? `FAILED: ${failures.join(', ')}` : 'all tiers passed'}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
