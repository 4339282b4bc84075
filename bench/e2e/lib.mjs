// bench/e2e — options, constants and small helpers shared by the phases (see run.mjs).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import os from 'node:os';

export const require = createRequire(import.meta.url);
const { Pool: HttpPool } = require('undici');
export const mysql = require('mysql2/promise');

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : def;
};
export const flag = (name) => process.argv.includes(`--${name}`);
export const CLIENTS = Number(arg('clients', 200));
export const SECONDS = Number(arg('seconds', 30));
export const WARMUP = Number(arg('warmup', 3));
export const DB_CLIENTS = Number(arg('db-clients', 16));
export const DB_SECONDS = Number(arg('db-seconds', 15));
export const PRESTART = Number(arg('prestart', 3)); // instances per client before the clock starts
export const INBOX_FINISHED = Number(arg('finished', 1_000_000));
export const INBOX_OPEN = Number(arg('open', 100_000));
export const INBOX_REQUESTS = Number(arg('requests', 500));
export const SKIP_INBOX = flag('skip-inbox');
// --lookup-each: the client asks for its instance's open task before every completion (the loop of
// sessions 1-3) instead of taking it from the completion's answer (`next`)
export const LOOKUP_EACH = flag('lookup-each');
// --undici: the measured loop goes through undici's pool (sessions 1-3) instead of raw-http.mjs
export const UNDICI = flag('undici');
// --count-statements: the server talks to MariaDB through a counting proxy; a single client does
// 100 sequential completes (each after its look-up) and the run prints statements per request
export const COUNT = flag('count-statements');
export const MYSQL = {
  host: '127.0.0.1',
  port: Number(process.env.BENCH_MYSQL_PORT ?? 3306),
  user: process.env.BENCH_MYSQL_USER ?? 'root',
  password: process.env.BENCH_MYSQL_PASSWORD ?? '',
};
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const PASSWORD = 'Liuzhuan@2026';
export const HARD_LIMIT_MS = 10 * 60_000; // the whole run, whatever happens

export const tag = `lz_bench_${randomBytes(4).toString('hex')}`;
export const DB = tag;
export const PREFIX = tag;
export const PORT = 31000 + Math.floor(Math.random() * 9000);
export const BASE = `http://127.0.0.1:${PORT}`;
export const loadBefore = os
  .loadavg()
  .map((x) => x.toFixed(1))
  .join(' ');
export const log = (...a) => console.error(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

export function pct(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
export const ms = (x) => `${x.toFixed(1)} ms`;
export const http = new HttpPool(BASE, { connections: CLIENTS + 8, pipelining: 1, keepAliveTimeout: 60_000 });
export async function call(token, method, path, body, type) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = type ?? 'application/json';
  const r = await http.request({
    method,
    path,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    headersTimeout: 60_000,
    bodyTimeout: 60_000,
  });
  const text = await r.body.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: r.statusCode, body: json };
}
export const ok = (r) => r.status >= 200 && r.status < 300;

// CPU seconds (user + system) of one process, from /proc/<pid>/stat
/** CPU seconds of a process so far: user + system (`sys` alone as a property: loopback TCP is charged there). */
export function procCpu(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
    return Object.assign(new Number((Number(rest[11]) + Number(rest[12])) / 100), { sys: Number(rest[12]) / 100 });
  } catch {
    return NaN;
  }
}
export function mysqldPid() {
  const r = spawnSync('pidof', ['mariadbd']);
  const r2 = r.status === 0 ? r : spawnSync('pidof', ['mysqld']);
  return r2.status === 0 ? Number(String(r2.stdout).trim().split(/\s+/)[0]) : null;
}
export function readCpu() {
  try {
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + f[4], total: f.reduce((a, b) => a + b, 0) };
  } catch {
    return null;
  }
}
