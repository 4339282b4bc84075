#!/usr/bin/env node
// bench/e2e — the server on MariaDB + Redis, end to end. A program, not a test: it prints figures.
//
//   npx nx build server && npm run bench:e2e [-- --clients 200 --seconds 30 --db-clients 16 --db-seconds 15 --skip-inbox]
//
// Phases, in one run, one after the other (they share the machine's cores, so never overlap):
//   1. e2e: 200 clients complete the tasks of a 5-step approval for --seconds; completions/s,
//      p50/p95/p99 of POST /api/tasks/:id/complete, max VmRSS of the server process, errors.
//   2. db: the database's own rate for a 5-statement transaction (1 conditional update, 3 inserts,
//      1 update) at --db-clients connections, mysql2 straight into scratch tables.
//   3. inbox: 1M finished + 100k open rows in `task`, then GET /api/tasks?assignee=me&status=open&sort=due
//      p50/p95 over 500 sequential requests after warm-up, and EXPLAIN of the query the server runs.
// Everything goes to 127.0.0.1. Own database lz_bench_<random> and Redis prefix; both removed at the end.
// Files: lib.mjs (options, helpers), count-proxy.mjs, load.mjs (1), db-rate.mjs (2), inbox.mjs (3), report.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import os from 'node:os';
import { startCountingProxy } from './count-proxy.mjs';
import { dbRate } from './db-rate.mjs';
import { inbox } from './inbox.mjs';
import { SERVER_NODE_FLAGS } from '../../tools/server-node-flags.mjs';
import {
  call,
  COUNT,
  DB,
  DB_CLIENTS,
  HARD_LIMIT_MS,
  http,
  log,
  ms,
  MYSQL,
  mysql,
  PORT,
  PREFIX,
  REDIS_URL,
  require,
  root,
  SKIP_INBOX,
  tag,
} from './lib.mjs';
import { runLoad } from './load.mjs';
import { report } from './report.mjs';

const Redis = require('ioredis');

// ---------------------------------------------------------------- setup / teardown
let server = null;
const rss = { maxKb: 0 };
let stopping = false;
let rssTimer = null;
const admin = await mysql.createConnection({ ...MYSQL, multipleStatements: false });
async function cleanup() {
  if (rssTimer) clearInterval(rssTimer);
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    for (let i = 0; i < 50 && server.exitCode === null; i++) await sleep(100);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  try {
    await http.close();
  } catch {
    // cleanup after the run: a pool that is already closed is fine
  }
  try {
    await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``);
  } catch (e) {
    log('drop database failed:', e.message);
  }
  try {
    await admin.end();
  } catch {
    // cleanup after the run: the admin connection may already be gone
  }
  try {
    const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await r.connect();
    let cursor = '0',
      n = 0;
    do {
      const [c, keys] = await r.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
      cursor = c;
      if (keys.length) {
        n += keys.length;
        await r.del(...keys);
      }
    } while (cursor !== '0');
    await r.quit();
    log(`removed database ${DB} and ${n} Redis keys under ${PREFIX}:`);
  } catch (e) {
    log('Redis cleanup failed:', e.message);
  }
}
const watchdog = setTimeout(async () => {
  log('hard time limit reached, stopping');
  await cleanup();
  process.exit(2);
}, HARD_LIMIT_MS);
watchdog.unref();
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });

const mainJs = join(root, 'dist', 'server', 'main.js');
if (!existsSync(mainJs)) {
  log('dist/server/main.js missing: running `npx nx build server`');
  const b = spawnSync('npx', ['nx', 'build', 'server'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0 || !existsSync(mainJs)) {
    console.error('build failed; run `npx nx build server` first');
    process.exit(1);
  }
}

const results = {};
const proxyPort = COUNT ? await startCountingProxy() : null;
try {
  await admin.query(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  log(`database ${DB}, Redis prefix ${PREFIX}, port ${PORT}`);
  // BENCH_CPU_PROF=<dir>: profile the server (written when it exits on SIGTERM)
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // the flags production runs with (tools/server-node-flags.mjs; LIUZHUAN_HEAP_MB), then
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server only (e.g. --max-semi-space-size=4)
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  server = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...prof, ...nodeArgs, mainJs], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: `mysql://${MYSQL.user}${MYSQL.password ? ':' + encodeURIComponent(MYSQL.password) : ''}@127.0.0.1:${proxyPort ?? MYSQL.port}/${DB}`,
      REDIS_URL,
      REDIS_PREFIX: PREFIX,
      // production mode needs a data key (personal data is SM4-encrypted under it)
      LIUZHUAN_DATA_KEY: process.env.LIUZHUAN_DATA_KEY ?? 'k1:00000000000000000000000000000b3c',
      LIUZHUAN_DEMO: 'true',
      LIUZHUAN_LOG_LEVEL: 'warn',
      LIUZHUAN_API_RUNS_JOBS: 'true', // no separate worker in this bench: the API process runs the jobs (none are due in this model)
      LIUZHUAN_DATA_DIR: join(os.tmpdir(), tag),
      PORT: String(PORT),
    },
  });
  server.on('exit', (code, sig) => {
    if (!stopping) log(`server exited early: code ${code} signal ${sig}`);
  });
  const sampleRss = () => {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
      if (m) rss.maxKb = Math.max(rss.maxKb, Number(m[1]));
    } catch {
      // the server exited between two samples: nothing left to measure
    }
  };
  rssTimer = setInterval(sampleRss, 200);
  const t0 = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error('server did not start');
    try {
      const r = await call(null, 'GET', '/api/health');
      if (r.status === 200) break;
    } catch {
      // not listening yet: poll again until the deadline below
    }
    if (Date.now() - t0 > 120_000) throw new Error('server not healthy after 120 s');
    await sleep(250);
  }
  sampleRss();
  const rssIdleMb = rss.maxKb / 1024;
  log(`server up in ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${server.pid})`);

  results.e2e = await runLoad({ serverPid: server.pid, rss, rssIdleMb, admin });

  // ------------------------------------------------------------ phase 2: the database's own rate
  results.db = await dbRate();
  log(
    `db: ${results.db.tx} transactions in ${results.db.sec.toFixed(1)} s = ${results.db.rate.toFixed(0)}/s at ${DB_CLIENTS} clients (p99 ${ms(results.db.p99)})`,
  );

  // ------------------------------------------------------------ phase 3: inbox with a large history
  if (!SKIP_INBOX) results.inbox = await inbox();
  stopping = true;
  report(results);
} catch (e) {
  if (!e.done) {
    console.error('bench failed:', e);
    process.exitCode = 1;
  }
} finally {
  stopping = true;
  await cleanup();
  clearTimeout(watchdog);
  process.exit(process.exitCode ?? 0);
}
