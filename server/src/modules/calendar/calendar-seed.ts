import type { QueryRunner } from 'typeorm';
import { STATUTORY_SOURCE, statutoryDataVersion, statutoryDays, statutoryYears } from './statutory-calendar';

/** A DATETIME literal in UTC that MySQL and SQLite both read back as TypeORM writes it. */
export function utcDatetime(at: Date): string {
  return at.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * Calendar version 1: every year the bundled statutory data covers, written by the migration so
 * a fresh installation counts deadlines correctly before any admin has touched the calendar.
 * Plain SQL with `?` placeholders, which both dialects accept.
 */
export async function seedStatutoryCalendar(q: QueryRunner): Promise<void> {
  const at = utcDatetime(new Date());
  const years = statutoryYears();
  let count = 0;
  for (const year of years) {
    const days = statutoryDays(year) ?? [];
    for (let i = 0; i < days.length; i += 100) {
      const chunk = days.slice(i, i + 100);
      await q.query(
        `INSERT INTO calendar_day (day, source, kind, name, calendar_version) VALUES ${chunk.map(() => `(?, 'statutory', ?, ?, 1)`).join(', ')}`,
        chunk.flatMap((d) => [d.day, d.kind, d.name]),
      );
    }
    count += days.length;
    await q.query(`INSERT INTO calendar_year (year, source, loaded_at, calendar_version) VALUES (?, ?, ?, 1)`, [
      year,
      STATUTORY_SOURCE,
      at,
    ]);
  }
  await q.query(`INSERT INTO calendar_version (id, version) VALUES (1, 1)`);
  const details = JSON.stringify({
    source: STATUTORY_SOURCE,
    dataVersion: statutoryDataVersion(),
    years: [years[0], years[years.length - 1]],
    days: count,
  });
  await q.query(
    `INSERT INTO calendar_change (version, at, actor_id, action, year, day, details) VALUES (1, ?, NULL, 'seed', NULL, NULL, ?)`,
    [at, details],
  );
}
