import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { databaseKind, type DatabaseKind } from './data-source';
import type { Statement, WriteBatch } from './write-batch';

/** What a statement returned: rows for a SELECT, the number of rows touched for a write. */
export interface SqlResult {
  records: Record<string, unknown>[];
  affected: number;
}

/**
 * Runs one statement with positional `?` parameters on the manager's connection (the
 * transaction's, when the manager belongs to one). Values must already be in the driver's
 * form: use {@link Table.value} for entity columns.
 */
export async function sql(m: EntityManager, text: string, params: unknown[] = []): Promise<SqlResult> {
  const owned = !m.queryRunner;
  const runner = m.queryRunner ?? m.connection.createQueryRunner();
  try {
    const result = await runner.query(text, params, true);
    return { records: (result.records ?? []) as Record<string, unknown>[], affected: result.affected ?? 0 };
  } finally {
    if (owned) await runner.release();
  }
}

/**
 * An entity's table for hand-written statements on the hot paths (a task completion, the
 * inbox look-up, authentication), where TypeORM's query builder cost more CPU than the
 * database did. Column lists are composed once; values go through the dialect's own TypeORM
 * driver in both directions, so MySQL and SQLite read and write exactly what repositories do.
 */
export class Table<E extends ObjectLiteral> {
  /** the quoted table name */
  readonly name: string;
  private readonly columns: readonly ColumnMetadata[];
  private readonly byProperty = new Map<string, ColumnMetadata>();
  private readonly insertHead: string;
  private readonly rowSlots: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly entity: new () => E,
  ) {
    const metadata = dataSource.getMetadata(entity);
    this.name = this.quote(metadata.tableName);
    this.columns = metadata.columns;
    for (const c of this.columns) this.byProperty.set(c.propertyName, c);
    this.insertHead = `INSERT INTO ${this.name} (${this.columns.map((c) => this.quote(c.databaseName)).join(', ')}) VALUES `;
    this.rowSlots = `(${this.columns.map(() => '?').join(', ')})`;
  }

  /** The quoted column of a property. */
  col(property: keyof E & string, alias?: string): string {
    const name = this.quote(this.column(property).databaseName);
    return alias ? `${alias}.${name}` : name;
  }

  /**
   * Every column of the table under its own name (`alias.*`: a short statement for the server to
   * parse); read back with {@link hydrate}. Other columns of the same statement must not share
   * a name with one of this table's.
   */
  select(alias: string): string {
    return `${alias}.*`;
  }

  /** An entity from a row selected with {@link select}, or with every column named `prefix` + column (the query builder's `t_id`). */
  hydrate(row: Record<string, unknown>, prefix = ''): E {
    const entity = new this.entity() as Record<string, unknown>;
    const driver = this.dataSource.driver;
    for (const c of this.columns) {
      const v = row[prefix + c.databaseName];
      entity[c.propertyName] = v === null || v === undefined ? null : driver.prepareHydratedValue(v, c);
    }
    return entity as E;
  }

  /** A property's value in the form the driver binds (dates, booleans, JSON as the dialect stores them). */
  value(property: keyof E & string, v: unknown): unknown {
    return this.dataSource.driver.preparePersistentValue(v, this.column(property));
  }

  /** Inserts complete rows now, `chunk` to a statement (SQLite binds at most 32766 parameters). */
  async insert(m: EntityManager, rows: readonly E[], chunk = 100): Promise<void> {
    for (const s of this.inserts(rows, chunk)) await sql(m, s.text, s.params);
  }

  /** {@link insert}, added to the unit's batch: the rows go out with its next flush (write-batch.ts). */
  addInserts(batch: WriteBatch, rows: readonly E[], chunk = 100): void {
    for (const s of this.inserts(rows, chunk)) batch.add(s.text, s.params);
  }

  private inserts(rows: readonly E[], chunk: number): Statement[] {
    const driver = this.dataSource.driver;
    const statements: Statement[] = [];
    for (let i = 0; i < rows.length; i += chunk) {
      const part = rows.slice(i, i + chunk);
      const params: unknown[] = [];
      for (const row of part) {
        for (const c of this.columns) {
          // a property left out takes the column's declared default, as a repository insert would
          const v = c.getEntityValue(row) ?? (typeof c.default === 'function' ? undefined : c.default);
          params.push(v === undefined || v === null ? null : driver.preparePersistentValue(v, c));
        }
      }
      statements.push({ text: this.insertHead + part.map(() => this.rowSlots).join(', '), params });
    }
    return statements;
  }

  private column(property: string): ColumnMetadata {
    const c = this.byProperty.get(property);
    if (!c) throw new Error(`${this.name} has no column for ${property}`);
    return c;
  }

  private quote(name: string): string {
    return this.dataSource.driver.escape(name);
  }
}

/** Tables by entity, composed once per data source. */
export class Tables {
  private readonly tables = new Map<unknown, Table<ObjectLiteral>>();
  readonly dialect: DatabaseKind;

  constructor(private readonly dataSource: DataSource) {
    this.dialect = databaseKind(dataSource);
  }

  of<E extends ObjectLiteral>(entity: new () => E): Table<E> {
    let table = this.tables.get(entity);
    if (!table) {
      table = new Table(this.dataSource, entity);
      this.tables.set(entity, table);
    }
    return table as unknown as Table<E>;
  }
}
