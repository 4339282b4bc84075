import type { MigrationInterface, QueryRunner } from 'typeorm';
import { seedStatutoryCalendar } from '../../../../modules/calendar/calendar-seed';

export class WorkingDayCalendar1796000000002 implements MigrationInterface {
  name = 'WorkingDayCalendar1796000000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE calendar_day (
      day VARCHAR(10) NOT NULL,
      source VARCHAR(10) NOT NULL,
      kind VARCHAR(8) NOT NULL,
      name VARCHAR(60) NOT NULL,
      calendar_version INTEGER NOT NULL,
      PRIMARY KEY (day, source)
    )`);
    await q.query(`CREATE TABLE calendar_year (
      year INTEGER NOT NULL PRIMARY KEY,
      source VARCHAR(16) NOT NULL,
      loaded_at DATETIME NOT NULL,
      calendar_version INTEGER NOT NULL
    )`);
    await q.query(`CREATE TABLE calendar_version (
      id INTEGER NOT NULL PRIMARY KEY,
      version INTEGER NOT NULL
    )`);
    await q.query(`CREATE TABLE calendar_change (
      version INTEGER NOT NULL PRIMARY KEY,
      at DATETIME NOT NULL,
      actor_id VARCHAR(26) NULL,
      action VARCHAR(16) NOT NULL,
      year INTEGER NULL,
      day VARCHAR(10) NULL,
      details TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX ix_calendar_change_at ON calendar_change (at)`);
    await seedStatutoryCalendar(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['calendar_change', 'calendar_version', 'calendar_year', 'calendar_day']) await q.query(`DROP TABLE ${t}`);
  }
}
