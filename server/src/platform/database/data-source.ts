import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MYSQL_MIGRATIONS, SQLITE_MIGRATIONS } from './migrations';

export type DatabaseKind = 'sqlite' | 'mysql';

/** TypeORM options for the configured dialect. Schema changes only through migrations. */
export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  if (database.kind === 'mysql') {
    return {
      type: 'mysql',
      url: database.url,
      charset: 'utf8mb4_unicode_ci',
      // store and read every DATETIME as UTC regardless of the server's time zone
      timezone: 'Z',
      poolSize: database.pool,
      // trace: mysql2 otherwise captures a stack trace before every statement (5 % of a completion's
      // CPU); a failed statement still reports its SQL and error through TypeORM's QueryFailedError.
      // multipleStatements: a unit's WriteBatch goes out in one packet with its COMMIT (write-batch.ts).
      // Safe here because no SQL text is ever built from input: every value is a bound parameter
      // (the query builder's, or `?` in the hand-written statements), escaped by the driver.
      extra: { trace: false, multipleStatements: true },
      entities: ENTITIES,
      migrations: MYSQL_MIGRATIONS,
      migrationsTableName: 'schema_migration',
      synchronize: false,
    };
  }
  if (database.file !== ':memory:') mkdirSync(dirname(database.file), { recursive: true });
  return {
    type: 'better-sqlite3',
    database: database.file,
    enableWAL: database.file !== ':memory:',
    timeout: 10_000,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
    },
    entities: ENTITIES,
    migrations: SQLITE_MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
  };
}

export function createDataSource(database: AppConfig['database']): DataSource {
  return new DataSource(dataSourceOptions(database));
}

/**
 * Runs pending migrations. On MySQL several API processes may start at once, so the run is
 * serialized with a named lock; on SQLite one process owns the file.
 */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  if (dataSource.options.type !== 'mysql') {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  try {
    const [{ locked }] = await runner.query(`SELECT GET_LOCK('liuzhuan_migrate', 120) AS locked`);
    if (Number(locked) !== 1) throw new Error('could not take the migration lock within 120 s');
    // MySQL DDL commits implicitly, so each migration is its own unit
    return (await dataSource.runMigrations({ transaction: 'none' })).map((m) => m.name);
  } finally {
    await runner.query(`SELECT RELEASE_LOCK('liuzhuan_migrate')`).catch(() => undefined);
    await runner.release();
  }
}

export function databaseKind(dataSource: DataSource): DatabaseKind {
  return dataSource.options.type === 'mysql' ? 'mysql' : 'sqlite';
}
