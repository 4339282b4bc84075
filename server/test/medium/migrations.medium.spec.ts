import { createDataSource, databaseKind, migrate } from '../../src/platform/database/data-source';
import { ApiKeyScope1796000000013 as MysqlApiKeyScope } from '../../src/platform/database/migrations/mysql/0013-api-key-scope';
import { ApiKeyScope1796000000013 as SqliteApiKeyScope } from '../../src/platform/database/migrations/sqlite/0013-api-key-scope';
import { createTestEnvironment, TEST_TARGET, type TestEnvironment } from '../support/test-env';

describe('migrations (medium)', () => {
  let env: TestEnvironment;

  beforeAll(async () => {
    env = await createTestEnvironment();
  });
  afterAll(() => env.dispose());

  it('should create every table on an empty database and be a no-op the second time', async () => {
    // given an empty database of the target dialect
    const ds = createDataSource(env.config.database);
    await ds.initialize();
    try {
      expect(databaseKind(ds)).toBe(TEST_TARGET === 'production' ? 'mysql' : 'sqlite');
      // when
      const first = await migrate(ds);
      const second = await migrate(ds);
      // then
      expect(first.length).toBeGreaterThan(0);
      expect(second).toEqual([]);
      for (const table of ['org', 'app_user', 'user_role', 'user_group', 'group_member', 'session']) {
        expect(await ds.createQueryRunner().hasTable(table)).toBe(true);
      }
    } finally {
      await ds.destroy();
    }
  });

  it('should keep the API keys issued before 0013 working for every topic, with no expiry', async () => {
    // given a migrated database taken back to before 0013, holding a key of that time
    const ds = createDataSource(env.config.database);
    await ds.initialize();
    const runner = ds.createQueryRunner();
    const step = TEST_TARGET === 'production' ? new MysqlApiKeyScope() : new SqliteApiKeyScope();
    try {
      await migrate(ds);
      await step.down(runner);
      await runner.query(`INSERT INTO api_key (id, name, key_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)`, [
        '01m8f2cfmb4d8ms8m3thz4ra00',
        '旧密钥',
        'a'.repeat(64),
        'sysadmin',
        '2026-01-01 00:00:00.000',
      ]);
      // when 0013 runs
      await step.up(runner);
      // then
      const [row] = await runner.query(`SELECT topics, expires_at, last_used_at FROM api_key WHERE id = '01m8f2cfmb4d8ms8m3thz4ra00'`);
      expect([row.topics, row.expires_at, row.last_used_at]).toEqual(['["*"]', null, null]);
    } finally {
      await runner.release();
      await ds.destroy();
    }
  });

  // several API processes share one database only in production mode; an SQLite file has one owner
  const productionOnly = TEST_TARGET === 'production' ? it : it.skip;

  productionOnly('should let two processes migrate the same MySQL database at once', async () => {
    // given two data sources on one fresh database (two API processes starting together)
    const fresh = await createTestEnvironment();
    const a = createDataSource(fresh.config.database);
    const b = createDataSource(fresh.config.database);
    await Promise.all([a.initialize(), b.initialize()]);
    try {
      // when
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      // then every migration ran exactly once
      expect([...ra, ...rb].sort()).toEqual(
        (await a.query('SELECT name FROM schema_migration')).map((r: { name: string }) => r.name).sort(),
      );
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
      await fresh.dispose();
    }
  });
});
