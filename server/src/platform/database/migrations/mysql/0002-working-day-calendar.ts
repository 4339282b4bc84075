import type { MigrationInterface, QueryRunner } from 'typeorm';
import { seedStatutoryCalendar } from '../../../../modules/calendar/calendar-seed';

export class WorkingDayCalendar1796000000002 implements MigrationInterface {
  name = 'WorkingDayCalendar1796000000002';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`CREATE TABLE IF NOT EXISTS calendar_day (
      day VARCHAR(10) NOT NULL,
      source VARCHAR(10) NOT NULL,
      kind VARCHAR(8) NOT NULL,
      name VARCHAR(60) NOT NULL,
      calendar_version INT NOT NULL,
      PRIMARY KEY (day, source)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS calendar_year (
      year INT NOT NULL PRIMARY KEY,
      source VARCHAR(16) NOT NULL,
      loaded_at DATETIME(3) NOT NULL,
      calendar_version INT NOT NULL
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS calendar_version (
      id INT NOT NULL PRIMARY KEY,
      version INT NOT NULL
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS calendar_change (
      version INT NOT NULL PRIMARY KEY,
      at DATETIME(3) NOT NULL,
      actor_id VARCHAR(26) NULL,
      action VARCHAR(16) NOT NULL,
      year INT NULL,
      day VARCHAR(10) NULL,
      details TEXT NOT NULL,
      KEY ix_calendar_change_at (at)
    ) ${opts}`);
    // MySQL DDL commits implicitly, so migrate() runs this without a transaction. The tables are
    // created idempotently and the seed is one transaction: a start that dies half-way leaves
    // empty tables, and the next start runs this migration again cleanly.
    await q.startTransaction();
    try {
      await seedStatutoryCalendar(q);
      await q.commitTransaction();
    } catch (error) {
      // undo the partial seed, then fail the start with the original error
      await q.rollbackTransaction();
      throw error;
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['calendar_change', 'calendar_version', 'calendar_year', 'calendar_day']) await q.query(`DROP TABLE ${t}`);
  }
}
