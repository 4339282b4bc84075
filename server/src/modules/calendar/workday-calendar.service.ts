import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { CalendarDayKind } from '@liuzhuan/contracts';
import type { WorkdayCalendar } from '@liuzhuan/engine';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { CalendarErrors, MAX_WORKDAYS } from './calendar.errors';
import { CalendarRepository } from './calendar.repository';
import { statutoryYears } from './statutory-calendar';
import {
  addWorkdays,
  type CalendarSnapshot,
  isWorkingDay,
  parseInstant,
  parseWallTime,
  reminderTimes,
  type ReminderTimes,
  type WorkdayResult,
} from './workday-arithmetic';

/** The engine's port, re-exported for modules that inject {@link WORKDAY_CALENDAR}. */
export type { WorkdayCalendar };

/** Injection token for the engine's `WorkdayCalendar` port; resolves to {@link WorkdayCalendarService}. */
export const WORKDAY_CALENDAR = Symbol('WORKDAY_CALENDAR');

/**
 * How often each process checks the calendar version. API processes and workers each hold the
 * calendar in memory; a change made through another process reaches this one within this time
 * (and at once for the due endpoint, which checks before answering).
 */
const POLL_MS = 10_000;

/**
 * The working-day calendar held in memory, so the engine can count deadlines synchronously
 * inside a command. Reloaded from the database when the calendar version changes.
 */
@Injectable()
export class WorkdayCalendarService implements WorkdayCalendar, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('WorkdayCalendar');
  private readonly endOfDayMinutes: number;
  private snapshot: CalendarSnapshot | null = null;
  private poll: NodeJS.Timeout | null = null;

  constructor(
    private readonly calendar: CalendarRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const minutes = parseWallTime(config.calendar.workdayEnd);
    // the config schema validated the format; a bad value here is a wiring bug
    if (minutes === null) throw new Error(`invalid workday end ${config.calendar.workdayEnd}`);
    this.endOfDayMinutes = minutes;
  }

  async onModuleInit(): Promise<void> {
    await this.reload();
    this.warnAboutMissingYears();
    this.poll = setInterval(() => {
      // a failed poll (database briefly away) keeps the last calendar; the next poll tries again
      this.refreshIfChanged().catch((e: unknown) => this.logger.warn(`calendar refresh failed: ${String(e)}`));
    }, POLL_MS);
    this.poll.unref();
  }

  onModuleDestroy(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }

  /** The version of the calendar currently in memory. */
  get version(): number {
    return this.current().version;
  }

  /** `WorkdayCalendar` for the engine: `fromIso` an ISO date-time, `dueAt` a UTC ISO string. */
  addWorkdays(fromIso: string, workdays: number): { dueAt: string; provisional: boolean } {
    const { dueAt, provisional } = this.due(fromIso, workdays);
    return { dueAt, provisional };
  }

  /** The deadline with its Beijing date and the calendar version it was counted on. */
  due(fromIso: string, workdays: number): WorkdayResult & { calendarVersion: number } {
    const from = parseInstant(fromIso);
    if (!from) throw CalendarErrors.invalidDate(fromIso);
    if (!Number.isInteger(workdays) || workdays < 0 || workdays > MAX_WORKDAYS) {
      throw CalendarErrors.invalidWorkdays(workdays);
    }
    const snapshot = this.current();
    return { ...addWorkdays(snapshot, from, workdays), calendarVersion: snapshot.version };
  }

  /** When the automatic 催办 of a deadline go out (see {@link reminderTimes}). */
  reminders(dueAt: Date): ReminderTimes {
    return reminderTimes(this.current(), dueAt);
  }

  isWorkingDay(day: string): boolean {
    return isWorkingDay(this.current(), day);
  }

  isYearLoaded(year: number): boolean {
    return this.current().loadedYears.has(year);
  }

  /** Reloads when another process (or this one) changed the calendar since the last load. */
  async refreshIfChanged(): Promise<void> {
    if ((await this.calendar.currentVersion()) !== this.snapshot?.version) await this.reload();
  }

  /**
   * Reads the whole calendar (about 800 rows for 2004–2026). The version is read first: a change
   * committed during the reads makes the data newer than its label, never older, and the next
   * check sees the new version and reloads.
   */
  async reload(): Promise<void> {
    const version = await this.calendar.currentVersion();
    const [rows, years] = await Promise.all([this.calendar.allDays(), this.calendar.loadedYears()]);
    const days = new Map<string, CalendarDayKind>();
    for (const row of rows) if (row.source === 'statutory') days.set(row.day, row.kind);
    // a local day overrides the statutory entry of the same date
    for (const row of rows) if (row.source === 'local') days.set(row.day, row.kind);
    const next: CalendarSnapshot = { version, days, loadedYears: new Set(years.map((y) => y.year)), endOfDayMinutes: this.endOfDayMinutes };
    // two reloads may finish out of order; keep the newer calendar
    if (!this.snapshot || next.version >= this.snapshot.version) this.snapshot = next;
  }

  /**
   * The migration loads the bundled years once; a newer `chinese-days` (a later year published)
   * or the turn of the year leaves years the admin still has to import. Say so at start.
   */
  private warnAboutMissingYears(): void {
    const loaded = this.current().loadedYears;
    const bundled = statutoryYears().filter((y) => !loaded.has(y));
    if (bundled.length)
      this.logger.warn(`bundled holiday data has ${bundled.join(', ')} not loaded: import with POST /api/calendar/years/:year/import`);
    const next = new Date().getUTCFullYear() + 1;
    if (!loaded.has(next)) this.logger.log(`holidays of ${next} are not loaded yet: deadlines running into ${next} are provisional`);
  }

  private current(): CalendarSnapshot {
    // onModuleInit loads the calendar before the application serves anything
    if (!this.snapshot) throw new Error('the working-day calendar is used before it was loaded');
    return this.snapshot;
  }
}
