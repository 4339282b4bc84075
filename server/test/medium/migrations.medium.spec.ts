import { createDataSource, databaseKind, migrate } from '../../src/platform/database/data-source';
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
