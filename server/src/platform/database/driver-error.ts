/** What a failed statement reports, read from the driver's error or TypeORM's QueryFailedError around it. */
export interface DriverErrorFields {
  code?: string;
  errno?: number;
  sqlMessage?: string;
}

export function driverErrorOf(error: unknown): DriverErrorFields {
  const e = error as (DriverErrorFields & { driverError?: DriverErrorFields }) | null;
  return e?.driverError ?? e ?? {};
}

/** A unique-key violation: MySQL 1062, or SQLite's UNIQUE / PRIMARY KEY constraint. */
export function isDuplicateKey(error: unknown): boolean {
  const { code, errno } = driverErrorOf(error);
  return errno === 1062 || code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
