import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CalendarDayKind, CalendarDaySource } from '@liuzhuan/contracts';

/**
 * A listed day. A date may have a statutory and a local row; the local one wins, and deleting it
 * lets the statutory entry apply again.
 */
@Entity('calendar_day')
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  day: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  source: CalendarDaySource;

  @Column({ type: 'varchar', length: 8 })
  kind: CalendarDayKind;

  @Column({ type: 'varchar', length: 60 })
  name: string;

  /** the calendar version that wrote this row */
  @Column({ name: 'calendar_version', type: 'int' })
  calendarVersion: number;
}

/** A year whose statutory holidays are loaded; deadlines counted through other years are provisional. */
@Entity('calendar_year')
export class CalendarYearEntity {
  @PrimaryColumn({ type: 'int' })
  year: number;

  /** `chinese-days` (bundled data) or `manual` (typed in from the State Council's notice) */
  @Column({ type: 'varchar', length: 16 })
  source: string;

  @Column({ name: 'loaded_at', type: 'datetime' })
  loadedAt: Date;

  @Column({ name: 'calendar_version', type: 'int' })
  calendarVersion: number;
}

/** The single-row counter of calendar versions; every change increments it under a row lock. */
@Entity('calendar_version')
export class CalendarVersionEntity {
  @PrimaryColumn({ type: 'int' })
  id: number;

  @Column({ type: 'int' })
  version: number;
}

export type CalendarChangeAction = 'seed' | 'import' | 'set-day' | 'remove-day';

/** The change log: one row per calendar version, who changed what. */
@Entity('calendar_change')
export class CalendarChangeEntity {
  @PrimaryColumn({ type: 'int' })
  version: number;

  @Column({ type: 'datetime' })
  at: Date;

  /** null for the migration's seed */
  @Column({ name: 'actor_id', type: 'varchar', length: 26, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 16 })
  action: CalendarChangeAction;

  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  day: string | null;

  /** JSON: before/after of a day, counts and data version of an import */
  @Column({ type: 'text' })
  details: string;
}
