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
//   3. inbox: 1M finished + 100k open rows in `task`, then GET /api/tasks?assignee=me&status=open
//      p50/p95 over 500 sequential requests after warm-up, and EXPLAIN of the query the server runs.
// Everything goes to 127.0.0.1. Own database lz_bench_<random> and Redis prefix; both removed at the end.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';
import os from 'node:os';

const require = createRequire(import.meta.url);
const mysql = require('mysql2/promise');
const { Pool: HttpPool } = require('undici');
const Redis = require('ioredis');

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, def) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : def; };
const flag = (name) => process.argv.includes(`--${name}`);
const CLIENTS = Number(arg('clients', 200));
const SECONDS = Number(arg('seconds', 30));
const WARMUP = Number(arg('warmup', 3));
const DB_CLIENTS = Number(arg('db-clients', 16));
const DB_SECONDS = Number(arg('db-seconds', 15));
const PRESTART = Number(arg('prestart', 3)); // instances per client before the clock starts
const INBOX_FINISHED = Number(arg('finished', 1_000_000));
const INBOX_OPEN = Number(arg('open', 100_000));
const INBOX_REQUESTS = Number(arg('requests', 500));
const SKIP_INBOX = flag('skip-inbox');
// --count-statements: the server talks to MariaDB through a counting proxy; a single client does
// 100 sequential completes (each after its look-up) and the run prints statements per request
const COUNT = flag('count-statements');
const MYSQL = { host: '127.0.0.1', port: Number(process.env.BENCH_MYSQL_PORT ?? 3306), user: process.env.BENCH_MYSQL_USER ?? 'root', password: process.env.BENCH_MYSQL_PASSWORD ?? '' };
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'Liuzhuan@2026';
const HARD_LIMIT_MS = 10 * 60_000; // the whole run, whatever happens

const tag = `lz_bench_${randomBytes(4).toString('hex')}`;
const DB = tag;
const PREFIX = tag;
const PORT = 31000 + Math.floor(Math.random() * 9000);
const BASE = `http://127.0.0.1:${PORT}`;
let stopping = false;
const loadBefore = os.loadavg().map((x) => x.toFixed(1)).join(' ');
const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

// ---------------------------------------------------------------- helpers
function pct(sorted, p) { if (!sorted.length) return NaN; return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]; }
const ms = (x) => `${x.toFixed(1)} ms`;
const http = new HttpPool(BASE, { connections: CLIENTS + 8, pipelining: 1, keepAliveTimeout: 60_000 });
async function call(token, method, path, body, type) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = type ?? 'application/json';
  const r = await http.request({ method, path, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body), headersTimeout: 60_000, bodyTimeout: 60_000 });
  const text = await r.body.text();
  let json; try { json = JSON.parse(text); } catch { json = text; }
  return { status: r.statusCode, body: json };
}
const ok = (r) => r.status >= 200 && r.status < 300;

// ---------------------------------------------------------------- setup / teardown
let server = null;
let rssMaxKb = 0;
let rssTimer = null;
const admin = await mysql.createConnection({ ...MYSQL, multipleStatements: false });
async function cleanup() {
  if (rssTimer) clearInterval(rssTimer);
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    for (let i = 0; i < 50 && server.exitCode === null; i++) await sleep(100);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  try { await http.close(); } catch {}
  try { await admin.query(`DROP DATABASE IF EXISTS \`${DB}\``); } catch (e) { log('drop database failed:', e.message); }
  try { await admin.end(); } catch {}
  try {
    const r = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await r.connect();
    let cursor = '0', n = 0;
    do { const [c, keys] = await r.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000); cursor = c; if (keys.length) { n += keys.length; await r.del(...keys); } } while (cursor !== '0');
    await r.quit();
    log(`removed database ${DB} and ${n} Redis keys under ${PREFIX}:`);
  } catch (e) { log('Redis cleanup failed:', e.message); }
}
const watchdog = setTimeout(async () => { log('hard time limit reached, stopping'); await cleanup(); process.exit(2); }, HARD_LIMIT_MS);
watchdog.unref();
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, async () => { await cleanup(); process.exit(130); });

const mainJs = join(root, 'dist', 'server', 'main.js');
if (!existsSync(mainJs)) {
  log('dist/server/main.js missing: running `npx nx build server`');
  const b = spawnSync('npx', ['nx', 'build', 'server'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0 || !existsSync(mainJs)) { console.error('build failed; run `npx nx build server` first'); process.exit(1); }
}

const results = {};
let proxyPort = null;
const counter = { n: 0, byCmd: new Map(), texts: [], reset() { this.n = 0; this.byCmd.clear(); this.texts = []; } };
if (COUNT) {
  const net = await import('node:net');
  const proxy = net.createServer((down) => {
    const up = net.connect(MYSQL.port, '127.0.0.1');
    let buf = Buffer.alloc(0);
    down.on('data', (chunk) => {
      // client → server: count command packets (sequence id 0), by their first SQL word
      buf = Buffer.concat([buf, chunk]);
      while (buf.length >= 4) {
        const len = buf.readUIntLE(0, 3);
        if (buf.length < 4 + len) break;
        if (buf[3] === 0 && len > 0) {
          const cmd = buf[4];
          const word = cmd === 3 || cmd === 0x16 ? buf.subarray(5, Math.min(4 + len, 40)).toString().trim().split(/\s+/)[0].toUpperCase() : `cmd${cmd}`;
          if (cmd === 3 || cmd === 0x16) counter.texts.push(buf.subarray(5, Math.min(4 + len, 5 + 160)).toString().replace(/\s+/g, ' '));
          counter.n++; counter.byCmd.set(word, (counter.byCmd.get(word) ?? 0) + 1);
        }
        buf = buf.subarray(4 + len);
      }
      up.write(chunk);
    });
    up.on('data', (c) => down.write(c));
    const close = () => { down.destroy(); up.destroy(); };
    down.on('error', close); up.on('error', close); down.on('close', close); up.on('close', close);
  });
  await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
  proxy.unref();
  proxyPort = proxy.address().port;
}
try {
  await admin.query(`CREATE DATABASE \`${DB}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  log(`database ${DB}, Redis prefix ${PREFIX}, port ${PORT}`);
  // BENCH_CPU_PROF=<dir>: profile the server (written when it exits on SIGTERM)
  const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  server = spawn(process.execPath, [...prof, mainJs], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: `mysql://${MYSQL.user}${MYSQL.password ? ':' + encodeURIComponent(MYSQL.password) : ''}@127.0.0.1:${proxyPort ?? MYSQL.port}/${DB}`,
      REDIS_URL,
      REDIS_PREFIX: PREFIX,
      LIUZHUAN_DEMO: 'true',
      LIUZHUAN_LOG_LEVEL: 'warn',
      LIUZHUAN_API_RUNS_JOBS: 'true', // no separate worker in this bench: the API process runs the jobs (none are due in this model)
      LIUZHUAN_DATA_DIR: join(os.tmpdir(), tag),
      PORT: String(PORT),
    },
  });
  server.on('exit', (code, sig) => { if (!stopping) log(`server exited early: code ${code} signal ${sig}`); });
  const sampleRss = () => {
    try { const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8')); if (m) rssMaxKb = Math.max(rssMaxKb, Number(m[1])); } catch {}
  };
  rssTimer = setInterval(sampleRss, 200);
  const t0 = Date.now();
  for (;;) {
    if (server.exitCode !== null) throw new Error('server did not start');
    try { const r = await call(null, 'GET', '/api/health'); if (r.status === 200) break; } catch {}
    if (Date.now() - t0 > 120_000) throw new Error('server not healthy after 120 s');
    await sleep(250);
  }
  sampleRss(); const rssIdleMb = rssMaxKb / 1024;
  log(`server up in ${((Date.now() - t0) / 1000).toFixed(1)} s (pid ${server.pid})`);

  // ------------------------------------------------------------ phase 1: e2e
  const login = async (u) => { const r = await call(null, 'POST', '/api/auth/login', { username: u, password: PASSWORD }); if (!ok(r)) throw new Error(`login ${u}: ${r.status} ${JSON.stringify(r.body)}`); return r.body.accessToken; };
  const adminToken = await login('admin');
  const XML = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="bench">
  <process id="benchApproval" name="五级审批（基准）" isExecutable="true">
    <startEvent id="start"/>
    <sequenceFlow id="f0" sourceRef="start" targetRef="s1"/>
    <userTask id="s1" name="拟稿" camunda:assignee="\${who}"/>
    <sequenceFlow id="f1" sourceRef="s1" targetRef="s2"/>
    <userTask id="s2" name="科室审核" camunda:assignee="\${who}"/>
    <sequenceFlow id="f2" sourceRef="s2" targetRef="s3"/>
    <userTask id="s3" name="处长审核" camunda:assignee="\${who}"/>
    <sequenceFlow id="f3" sourceRef="s3" targetRef="s4"/>
    <userTask id="s4" name="分管领导审批" camunda:assignee="\${who}"/>
    <sequenceFlow id="f4" sourceRef="s4" targetRef="s5"/>
    <userTask id="s5" name="主要领导签发" camunda:assignee="\${who}"/>
    <sequenceFlow id="f5" sourceRef="s5" targetRef="end"/>
    <endEvent id="end"/>
  </process>
</definitions>`;
  const dep = await call(adminToken, 'POST', '/api/definitions', XML, 'application/xml');
  if (dep.status !== 201) throw new Error(`deploy: ${dep.status} ${JSON.stringify(dep.body)}`);

  // 200 clients signed in as the demo users (each user's clients own disjoint instances, so no two
  // clients ever race for one task: every non-2xx is a real error)
  const users = ['clerk', 'staff', 'head', 'deputy', 'mayor',
    ...['fgw', 'czj', 'zjj', 'gaj', 'jtj', 'cgj', 'hbczj', 'sqzjj'].flatMap((d) => [`${d}_head`, `${d}_clerk`]),
    'hanbin_head', 'hanbin_clerk', 'shiquan_head', 'shiquan_clerk'];
  const tokens = new Map();
  for (const u of users) tokens.set(u, await login(u));
  log(`signed in ${users.length} demo users`);

  const errors = new Map();
  const noteError = (what, r) => { const k = `${what} ${r.status} ${r.body?.code ?? ''}`.trim(); errors.set(k, (errors.get(k) ?? 0) + 1); };
  const clients = Array.from({ length: CLIENTS }, (_, i) => { const user = users[i % users.length]; return { user, token: tokens.get(user), instances: [], current: null }; });
  let starts = 0, startErrors = 0;
  async function startInstance(c) {
    const r = await call(c.token, 'POST', '/api/instances', { definitionKey: 'benchApproval', variables: { who: c.user } });
    if (r.status !== 201 && r.status !== 200) { startErrors++; noteError('start', r); return false; }
    starts++; c.instances.push(r.body.id); return true;
  }
  // pre-start with bounded concurrency (16 at a time)
  const tPre = Date.now();
  { let next = 0; const want = CLIENTS * PRESTART; await Promise.all(Array.from({ length: 16 }, async () => { while (next < want) { const k = next++; await startInstance(clients[k % CLIENTS]); } })); }
  log(`pre-started ${starts} instances in ${((Date.now() - tPre) / 1000).toFixed(1)} s (${startErrors} errors)`);

  let phase = 'warmup';
  const lat = []; // complete latencies in the measured window, ms
  let completions = 0, completeErrors = 0, lookups = 0, startsInRun = 0, finishedInstances = 0;
  const deadline = { warm: 0, end: 0 };
  async function nextTask(c) {
    for (;;) {
      if (!c.instances.length) { if (!(await startInstance(c))) return null; if (phase === 'run') startsInRun++; }
      const inst = c.instances[0];
      const r = await call(c.token, 'GET', `/api/tasks?instanceId=${inst}&status=open&limit=5`);
      lookups++;
      if (!ok(r)) { noteError('lookup', r); c.instances.shift(); continue; }
      const open = r.body.items.filter((t) => t.assignee === c.user);
      if (open.length) return open[0].id;
      c.instances.shift(); finishedInstances++;
    }
  }
  async function worker(c) {
    while (Date.now() < deadline.end) {
      const id = await nextTask(c);
      if (!id) { await sleep(50); continue; }
      if (Date.now() >= deadline.end) break;
      const t = performance.now();
      const r = await call(c.token, 'POST', `/api/tasks/${id}/complete`, {});
      const d = performance.now() - t;
      if (phase !== 'run') continue;
      if (ok(r)) { completions++; lat.push(d); } else { completeErrors++; noteError('complete', r); }
    }
  }
  if (COUNT) {
    const c = clients[0]; const per = { lookup: [], complete: [] }; const words = { lookup: new Map(), complete: new Map() };
    const add = (k) => { per[k].push(counter.n); for (const [w, n] of counter.byCmd) words[k].set(w, (words[k].get(w) ?? 0) + n); counter.reset(); };
    for (let i = 0; i < 100; i++) {
      if (!c.instances.length) await startInstance(c);
      counter.reset();
      const r = await call(c.token, 'GET', `/api/tasks?instanceId=${c.instances[0]}&status=open&limit=5`);
      const open = r.body.items.filter((t) => t.assignee === c.user);
      if (!open.length) { c.instances.shift(); i--; continue; }
      if (i === 99) { console.log('statements of the last look-up:'); for (const t of counter.texts) console.log('  ' + t); }
      add('lookup');
      counter.reset();
      const done = await call(c.token, 'POST', `/api/tasks/${open[0].id}/complete`, {});
      if (!ok(done)) throw new Error(`complete ${done.status}`);
      if (i === 99) { console.log('statements of the last complete:'); for (const t of counter.texts) console.log('  ' + t); }
      add('complete');
    }
    for (const k of ['lookup', 'complete']) {
      const a = per[k]; console.log(`${k}: ${(a.reduce((x, y) => x + y, 0) / a.length).toFixed(1)} statements per request (min ${Math.min(...a)}, max ${Math.max(...a)}) — by first word per request: ${[...words[k]].sort((x, y) => y[1] - x[1]).map(([w, n]) => `${w} ${(n / a.length).toFixed(1)}`).join(', ')}`);
    }
    throw Object.assign(new Error('count-statements done'), { done: true });
  }
  const tw = Date.now();
  deadline.warm = tw + WARMUP * 1000; deadline.end = deadline.warm + SECONDS * 1000;
  rssMaxKb = 0; // the max during the run (warm-up + measured window)
  const runP = Promise.all(clients.map(worker));
  await sleep(deadline.warm - Date.now());
  phase = 'run';
  const tRun = performance.now();
  const cpu0 = readCpu();
  const dbPid = mysqldPid();
  const sc0 = procCpu(server.pid), dc0 = dbPid ? procCpu(dbPid) : NaN, lc0 = process.cpuUsage();
  log(`measuring ${SECONDS} s with ${CLIENTS} clients`);
  await runP;
  const runSec = (performance.now() - tRun) / 1000;
  const cpu1 = readCpu();
  const sc1 = procCpu(server.pid), dc1 = dbPid ? procCpu(dbPid) : NaN, lc1 = process.cpuUsage(lc0);
  lat.sort((a, b) => a - b);
  results.e2e = {
    completions, completeErrors, runSec, rate: completions / runSec,
    p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), max: lat[lat.length - 1],
    rssMb: rssMaxKb / 1024, rssIdleMb,
    cpuSec: { server: sc1 - sc0, mariadb: dc1 - dc0, loadGenerator: (lc1.user + lc1.system) / 1e6 }, startsInRun, lookups, errors: Object.fromEntries(errors), startErrors,
    cpuBusy: cpu1 && cpu0 ? 1 - (cpu1.idle - cpu0.idle) / (cpu1.total - cpu0.total) : NaN,
  };
  log(`e2e: ${completions} completions in ${runSec.toFixed(1)} s = ${results.e2e.rate.toFixed(1)}/s, p50 ${ms(results.e2e.p50)} p95 ${ms(results.e2e.p95)} p99 ${ms(results.e2e.p99)}, errors ${completeErrors}, RSS max ${results.e2e.rssMb.toFixed(0)} MB`);

  // statements per completion, from the server's own data (what one complete wrote)
  const [[counts]] = await admin.query(`SELECT (SELECT COUNT(*) FROM \`${DB}\`.task) AS tasks, (SELECT COUNT(*) FROM \`${DB}\`.history_event) AS history, (SELECT COUNT(*) FROM \`${DB}\`.process_instance) AS instances`);
  results.e2e.rows = counts;

  // ------------------------------------------------------------ phase 2: the database's own rate
  results.db = await dbRate();
  log(`db: ${results.db.tx} transactions in ${results.db.sec.toFixed(1)} s = ${results.db.rate.toFixed(0)}/s at ${DB_CLIENTS} clients (p99 ${ms(results.db.p99)})`);

  // ------------------------------------------------------------ phase 3: inbox with a large history
  if (!SKIP_INBOX) results.inbox = await inbox();
  stopping = true;
  report();
} catch (e) {
  if (!e.done) { console.error('bench failed:', e); process.exitCode = 1; }
} finally {
  stopping = true;
  await cleanup();
  clearTimeout(watchdog);
  process.exit(process.exitCode ?? 0);
}

// CPU seconds (user + system) of one process, from /proc/<pid>/stat
function procCpu(pid) {
  try { const f = readFileSync(`/proc/${pid}/stat`, 'utf8'); const rest = f.slice(f.lastIndexOf(')') + 2).split(' '); return (Number(rest[11]) + Number(rest[12])) / 100; } catch { return NaN; }
}
function mysqldPid() {
  const r = spawnSync('pidof', ['mariadbd']); const r2 = r.status === 0 ? r : spawnSync('pidof', ['mysqld']);
  return r2.status === 0 ? Number(String(r2.stdout).trim().split(/\s+/)[0]) : null;
}
function readCpu() {
  try { const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number); return { idle: f[3] + f[4], total: f.reduce((a, b) => a + b, 0) }; } catch { return null; }
}

async function dbRate() {
  const pool = mysql.createPool({ ...MYSQL, database: DB, connectionLimit: DB_CLIENTS });
  // the shape of one completion: the instance row guarded by its version, the task projection,
  // history and the next task; sizes like the real rows (state JSON ~600 B)
  await pool.query(`CREATE TABLE bench_instance (id VARCHAR(26) PRIMARY KEY, version INT NOT NULL, state LONGTEXT NOT NULL, history_seq INT NOT NULL, updated_at DATETIME(3) NOT NULL) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  await pool.query(`CREATE TABLE bench_task (id VARCHAR(26) PRIMARY KEY, instance_id VARCHAR(26) NOT NULL, assignee VARCHAR(32) NULL, status VARCHAR(12) NOT NULL, due_at DATETIME(3) NULL, created_at DATETIME(3) NOT NULL, completed_at DATETIME(3) NULL, KEY ix_a (assignee, status, due_at), KEY ix_i (instance_id, status)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  await pool.query(`CREATE TABLE bench_history (instance_id VARCHAR(26) NOT NULL, seq INT NOT NULL, type VARCHAR(40) NOT NULL, at DATETIME(3) NOT NULL, details MEDIUMTEXT NOT NULL, PRIMARY KEY (instance_id, seq)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  const state = JSON.stringify({ v: 1, pad: 'x'.repeat(560) });
  const N = DB_CLIENTS;
  const inst = Array.from({ length: N }, (_, i) => ({ id: `BENCHINST${String(i).padStart(17, '0')}`, version: 0, seq: 0, task: null }));
  for (const x of inst) await pool.query('INSERT INTO bench_instance VALUES (?, 0, ?, 0, NOW(3))', [x.id, state]);
  let seqNo = 0;
  const tid = () => `BENCHTASK${String(seqNo++).padStart(17, '0')}`;
  for (const x of inst) { x.task = tid(); await pool.query(`INSERT INTO bench_task VALUES (?, ?, 'clerk', 'open', NULL, NOW(3), NULL)`, [x.task, x.id]); }
  const lat = []; let tx = 0, conflicts = 0;
  const run = async (x, until, measure) => {
    const c = await pool.getConnection();
    try {
      while (Date.now() < until) {
        const t = performance.now();
        await c.query('START TRANSACTION');
        const [u] = await c.execute('UPDATE bench_instance SET version = version + 1, state = ?, history_seq = history_seq + 2, updated_at = NOW(3) WHERE id = ? AND version = ?', [state, x.id, x.version]);
        if (u.affectedRows !== 1) { conflicts++; await c.query('ROLLBACK'); continue; }
        const next = tid();
        await c.execute(`INSERT INTO bench_task VALUES (?, ?, 'clerk', 'open', NULL, NOW(3), NULL)`, [next, x.id]);
        await c.execute(`INSERT INTO bench_history VALUES (?, ?, 'task.completed', NOW(3), '{"actor":"clerk"}')`, [x.id, x.seq + 1]);
        await c.execute(`INSERT INTO bench_history VALUES (?, ?, 'task.created', NOW(3), '{"assignee":"clerk"}')`, [x.id, x.seq + 2]);
        await c.execute(`UPDATE bench_task SET status = 'completed', completed_at = NOW(3) WHERE id = ?`, [x.task]);
        await c.query('COMMIT');
        x.version++; x.seq += 2; x.task = next;
        if (measure()) { tx++; lat.push(performance.now() - t); }
      }
    } finally { c.release(); }
  };
  const warmEnd = Date.now() + 2000, end = warmEnd + DB_SECONDS * 1000;
  let measuring = false;
  const all = Promise.all(inst.map((x) => run(x, end, () => measuring)));
  await sleep(warmEnd - Date.now());
  measuring = true; const t0 = performance.now();
  await all;
  const sec = (performance.now() - t0) / 1000;
  await pool.end();
  lat.sort((a, b) => a - b);
  return { tx, sec, rate: tx / sec, p50: pct(lat, 50), p99: pct(lat, 99), conflicts };
}

async function inbox() {
  const c = await mysql.createConnection({ ...MYSQL, database: DB });
  try {
  const ME = 'head';
  // the population: the demo users (work concentrated on the clerks and heads) and 3000 staff
  // accounts; `head` ends up with a few hundred open tasks and ~2% of the history
  const tLoad = Date.now();
  await c.query(`DELETE FROM task WHERE definition_key = 'benchApproval'`); // phase 1's rows out of the way
  const [[{ n0: before }]] = await c.query('SELECT COUNT(*) AS n0 FROM task');
  // a row per sequence value; assignee by hash of the number: 0.3 % (open) / 2 % (finished) to head,
  // the rest over 3000 staff accounts and the other demo users
  const load = async (from, count, status, headShare) => {
    const CHUNK = 100_000;
    for (let s = from; s < from + count; s += CHUNK) {
      const e = Math.min(from + count, s + CHUNK) - 1;
      await c.query(`INSERT INTO task (id, instance_id, definition_key, element_id, name, assignee, status, form_key, due_at, created_at, opened_at, completed_at, completed_by)
        SELECT CONCAT('01BENCH', LPAD(seq, 19, '0')),
               CONCAT('01BINST', LPAD(seq DIV 5, 19, '0')),
               ELT(1 + seq % 4, 'officialDocument', 'leaveRequest', 'procurement', 'meetingNotice'),
               ELT(1 + seq % 5, 'draft', 'review', 'approve', 'sign', 'archive'),
               ELT(1 + seq % 5, '拟稿', '科室审核', '处长审核', '分管领导审批', '主要领导签发'),
               @a := CASE WHEN (seq * 2654435761) % 1000 < ${Math.round(headShare * 1000)} THEN '${ME}'
                          WHEN seq % 3 = 0 THEN ELT(1 + seq % 7, 'clerk', 'staff', 'deputy', 'mayor', 'fgw_head', 'czj_clerk', 'zjj_head')
                          ELSE CONCAT('staff', LPAD(seq % 3000, 4, '0')) END,
               '${status}',
               IF(seq % 3 = 0, NULL, CONCAT('form:', seq % 4)),
               IF(seq % 2 = 0, TIMESTAMP('2026-01-01') + INTERVAL (seq % 400) DAY, NULL),
               TIMESTAMP('2024-01-01') + INTERVAL (seq % 60000000) SECOND,
               IF(seq % 4 = 0, NULL, TIMESTAMP('2024-01-01') + INTERVAL (seq % 60000000) + 600 SECOND),
               ${status === 'open' ? 'NULL' : "TIMESTAMP('2024-01-01') + INTERVAL (seq % 60000000) + 3600 SECOND"},
               ${status === 'open' ? 'NULL' : '@a'}
        FROM seq_${s}_to_${e}`);
    }
  };
  await load(1, INBOX_FINISHED, 'completed', 0.02);
  await load(INBOX_FINISHED + 1, INBOX_OPEN, 'open', 0.003);
  // some tasks of the open ones offered to groups (unassigned, like real group tasks)
  await c.query(`INSERT INTO task_candidate (task_id, kind, value) SELECT id, 'group', 'dept-clerks' FROM task WHERE id LIKE '01BENCH%' AND status = 'open' AND assignee LIKE 'staff0%' AND RIGHT(id, 2) = '07'`);
  await c.query(`UPDATE task SET assignee = NULL WHERE id IN (SELECT task_id FROM task_candidate WHERE value = 'dept-clerks' AND task_id LIKE '01BENCH%')`);
  await c.query('ANALYZE TABLE task, task_candidate');
  const loadSec = (Date.now() - tLoad) / 1000;
  const [[dist]] = await c.query(`SELECT COUNT(*) AS total, SUM(status = 'open') AS open, SUM(status <> 'open') AS finished,
    SUM(assignee = ? AND status = 'open') AS meOpen, SUM(assignee = ? AND status <> 'open') AS meFinished, COUNT(DISTINCT assignee) AS assignees FROM task`, [ME, ME]);
  log(`inbox: loaded ${dist.total - before} rows in ${loadSec.toFixed(1)} s; ${ME} has ${dist.meOpen} open, ${dist.meFinished} finished`);

  const token = (await call(null, 'POST', '/api/auth/login', { username: ME, password: PASSWORD })).body.accessToken;
  const path = '/api/tasks?assignee=me&status=open';
  const lat = []; let errors = 0, total = null, firstItems = null;
  for (let i = 0; i < 50 + INBOX_REQUESTS; i++) {
    const t = performance.now();
    const r = await call(token, 'GET', path);
    const d = performance.now() - t;
    if (!ok(r)) { errors++; continue; }
    total = r.body.total; firstItems = r.body.items.length;
    if (i >= 50) lat.push(d);
  }
  lat.sort((a, b) => a - b);
  // the statements TaskRepository.query + getManyAndCount send for this request (TypeORM, MySQL
  // driver; see server/src/modules/runtime/task.repository.ts), then candidatesOf for the page
  const listSql = `SELECT t.id, t.instance_id, t.definition_key, t.element_id, t.name, t.assignee, t.status, t.form_key, t.due_at, t.created_at, t.opened_at, t.completed_at, t.completed_by FROM task t WHERE t.assignee = '${ME}' AND t.status = 'open' ORDER BY t.created_at DESC, t.id DESC LIMIT 50`;
  const countSql = `SELECT COUNT(DISTINCT(t.id)) AS cnt FROM task t WHERE t.assignee = '${ME}' AND t.status = 'open'`;
  const explain = [];
  for (const sql of [listSql, countSql]) { const [rows] = await c.query(`EXPLAIN ${sql}`); explain.push({ sql, rows }); }
  const [page] = await c.query(listSql);
  const candSql = `SELECT task_id, kind, value FROM task_candidate WHERE task_id IN (${page.map((r) => `'${r.id}'`).join(', ')})`;
  const [candRows] = await c.query(`EXPLAIN ${candSql}`);
  explain.push({ sql: candSql.replace(/IN \((.{0,60}).*\)$/, 'IN ($1…)'), rows: candRows });
  return { loadSec, rowsLoaded: dist.total - before, dist, p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), max: lat[lat.length - 1], n: lat.length, errors, total, firstItems, explain, me: ME };
  } finally { await c.end(); }
}

function report() {
  const e = results.e2e, d = results.db, ib = results.inbox;
  const ratio = e.rate / d.rate;
  const out = [];
  out.push('', `## Runtime end to end (MariaDB + Redis)`, '');
  out.push(`Machine: ${os.cpus()[0]?.model?.trim()} × ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}. Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. Load average before the run: ${loadBefore}.`);
  out.push(`Command: \`npx nx build server && npm run bench:e2e\` (${CLIENTS} clients, ${SECONDS} s after ${WARMUP} s warm-up; DB ${DB_CLIENTS} clients ${DB_SECONDS} s).`, '');
  out.push('| figure | measured | target |', '|---|---|---|');
  out.push(`| completions/s (${CLIENTS} clients) | ${e.rate.toFixed(1)} (${e.completions} in ${e.runSec.toFixed(1)} s, ${e.completeErrors} errors) | — |`);
  out.push(`| complete latency p50 / p95 / p99 / max | ${e.p50.toFixed(1)} / ${e.p95.toFixed(1)} / ${e.p99.toFixed(1)} / ${e.max.toFixed(1)} ms | p99 < 150 ms |`);
  out.push(`| server RSS, max of VmRSS samples every 200 ms | ${e.rssMb.toFixed(0)} MB | < 300 MB |`);
  out.push(`| DB transactions/s (5 statements, ${DB_CLIENTS} clients) | ${d.rate.toFixed(0)} (p50 ${d.p50.toFixed(1)} ms, p99 ${d.p99.toFixed(1)} ms) | — |`);
  out.push(`| completions/s ÷ DB transactions/s | ${(ratio * 100).toFixed(1)} % | ≥ 30 % |`);
  if (ib) {
    out.push(`| inbox p50 / p95 / p99 (${ib.n} sequential, \`${ib.me}\`: ${ib.dist.meOpen} open) | ${ib.p50.toFixed(1)} / ${ib.p95.toFixed(1)} / ${ib.p99.toFixed(1)} ms | p95 < 20 ms |`);
  }
  out.push('');
  out.push(`CPU in the measured window (2 cores = ${(2 * e.runSec).toFixed(0)} CPU s available): server ${e.cpuSec.server.toFixed(1)} s, MariaDB ${e.cpuSec.mariadb.toFixed(1)} s, this load generator ${e.cpuSec.loadGenerator.toFixed(1)} s. Server RSS right after start: ${e.rssIdleMb.toFixed(0)} MB.`);
  out.push(`Also in the run: ${e.lookups} task look-ups (\`GET /api/tasks?instanceId=…&status=open\`, one before each complete), ${e.startsInRun} instance starts in the measured window; whole-machine CPU busy during the window ${(e.cpuBusy * 100).toFixed(0)} %. Errors: ${JSON.stringify(e.errors)}.`);
  out.push(`Rows after phase 1: ${JSON.stringify(e.rows)}.`);
  if (ib) {
    out.push('', `Inbox data: ${ib.rowsLoaded} rows loaded in ${ib.loadSec.toFixed(1)} s (${ib.dist.finished} finished, ${ib.dist.open} open, ${ib.dist.assignees} distinct assignees); \`${ib.me}\` has ${ib.dist.meOpen} open and ${ib.dist.meFinished} finished. API answered total=${ib.total}, ${ib.firstItems} items per page; ${ib.errors} errors.`, '');
    for (const x of ib.explain) {
      out.push('```sql', x.sql, '```', '', '| id | select_type | table | type | possible_keys | key | key_len | ref | rows | Extra |', '|---|---|---|---|---|---|---|---|---|---|');
      for (const r of x.rows) out.push(`| ${r.id} | ${r.select_type} | ${r.table} | ${r.type} | ${r.possible_keys ?? ''} | ${r.key ?? ''} | ${r.key_len ?? ''} | ${r.ref ?? ''} | ${r.rows} | ${r.Extra ?? ''} |`);
      out.push('');
    }
  }
  console.log(out.join('\n'));
  console.log('\n' + JSON.stringify({ e2e: { ...e }, db: d, inbox: ib ? { ...ib, explain: undefined } : null }));
}
