import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createConnection } from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../../src/platform/config/config';
import { createDataSource, migrate } from '../../src/platform/database/data-source';

/**
 * Which real services the medium and e2e suites run against:
 * LIUZHUAN_TEST_TARGET=production → MariaDB/MySQL and Redis (CI runs this and must have them);
 * otherwise the embedded drivers: an SQLite file and the in-process queue.
 */
export const TEST_TARGET: 'production' | 'embedded' = process.env.LIUZHUAN_TEST_TARGET === 'production' ? 'production' : 'embedded';
const MYSQL_ADMIN_URL = process.env.LIUZHUAN_TEST_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
const REDIS_URL = process.env.LIUZHUAN_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** The answer of every captcha a test server issues (LIUZHUAN_TEST_CAPTCHA_ANSWER). */
export const TEST_CAPTCHA_ANSWER = '2468';

export interface TestEnvironment {
  config: AppConfig;
  /** the environment variables the config was loaded from (for spawned server processes) */
  vars: Record<string, string>;
  /** removes the database, data dir and queue keys this run created */
  dispose(): Promise<void>;
}

/** A fresh database (own name), data dir and Redis key prefix for one test file. */
export async function createTestEnvironment(overrides: Record<string, string> = {}): Promise<TestEnvironment> {
  const suffix = randomBytes(5).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'lz-test-'));
  const env: Record<string, string> = {
    LIUZHUAN_DATA_DIR: dataDir,
    LIUZHUAN_LOG_LEVEL: 'warn',
    LIUZHUAN_DEMO: 'true',
    LIUZHUAN_SWEEP_MS: '500',
    // every captcha's answer (config.ts honours it only with NODE_ENV=test); a suite that needs
    // random answers overrides it with ''
    NODE_ENV: 'test',
    LIUZHUAN_TEST_CAPTCHA_ANSWER: TEST_CAPTCHA_ANSWER,
    ...overrides,
  };
  let dropDatabase = async () => undefined as void;
  if (TEST_TARGET === 'production') {
    const name = `lz_test_${suffix}`;
    const admin = await createConnection(MYSQL_ADMIN_URL);
    await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    const url = new URL(MYSQL_ADMIN_URL);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    env.REDIS_URL = REDIS_URL;
    env.REDIS_PREFIX = `lz_test_${suffix}`;
    // one process plays API and worker in the suites, so timers fire without a separate worker
    env.LIUZHUAN_API_RUNS_JOBS ??= 'true';
    // production mode needs a configured data key (personal data is encrypted under it)
    env.LIUZHUAN_DATA_KEY ??= `k1:${randomBytes(16).toString('hex')}`;
    dropDatabase = async () => {
      const conn = await createConnection(MYSQL_ADMIN_URL);
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
      await deleteKeys(`${env.REDIS_PREFIX}:*`);
    };
  }
  const config = loadConfig(env);
  return {
    config,
    vars: env,
    dispose: async () => {
      await dropDatabase();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A fresh, migrated database of the test target, without the application (medium suites of the data layer). */
export async function createMigratedDatabase(): Promise<{ ds: DataSource; dispose(): Promise<void> }> {
  const env = await createTestEnvironment();
  const ds = createDataSource(env.config.database);
  await ds.initialize();
  await migrate(ds);
  return {
    ds,
    dispose: async () => {
      await ds.destroy();
      await env.dispose();
    },
  };
}

/** Deletes the queue keys of one run (its own prefix), so a shared Redis keeps nothing of it. */
async function deleteKeys(pattern: string): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.unlink(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
