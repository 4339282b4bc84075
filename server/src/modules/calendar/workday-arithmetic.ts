import type { CalendarDayKind } from '@liuzhuan/contracts';

/**
 * Working-day arithmetic over an in-memory calendar, with no I/O so the engine's timers and the
 * document deadlines can call it synchronously.
 *
 * Calendar dates are dates in Asia/Shanghai. China has kept UTC+8 without daylight saving since
 * 1991, so a fixed offset is exact for every date this system handles.
 */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The lowest and highest calendar years the system accepts anywhere (inputs, imports, overrides). */
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** What the arithmetic needs to know; the service rebuilds it whenever the calendar version changes. */
export interface CalendarSnapshot {
  readonly version: number;
  /** effective kind per `YYYY-MM-DD` (a local override already applied over the statutory entry) */
  readonly days: ReadonlyMap<string, CalendarDayKind>;
  /** years whose statutory holidays are loaded; counting through any other year is provisional */
  readonly loadedYears: ReadonlySet<number>;
  /** end of a working day, minutes after midnight Beijing time (17:30 → 1050) */
  readonly endOfDayMinutes: number;
}

export interface WorkdayResult {
  /** the Beijing-time calendar date of the deadline */
  day: string;
  /** the deadline instant, UTC ISO 8601 */
  dueAt: string;
  provisional: boolean;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

function validYmd(y: number, m: number, d: number): boolean {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** `YYYY-MM-DD` when it is a real date in the supported years, otherwise null (2025-02-30 is not). */
export function parseDay(text: string): string | null {
  const m = DAY_PATTERN.exec(text);
  return m && validYmd(+m[1], +m[2], +m[3]) ? text : null;
}

/**
 * An instant from an ISO 8601 date-time with an explicit offset (`Z` or `±hh:mm`), or a bare date
 * meaning the start of that day in Beijing (a 收文日期 has no time). Null when invalid: a local
 * time without an offset is ambiguous on a server that may run in UTC, so it is refused.
 */
export function parseInstant(text: string): Date | null {
  const day = parseDay(text);
  if (day) return new Date(dayStartUtc(day));
  const m = DATETIME_PATTERN.exec(text);
  if (!m || !validYmd(+m[1], +m[2], +m[3])) return null;
  if (+m[4] > 23 || +m[5] > 59 || (m[6] !== undefined && +m[6] > 59)) return null;
  if (m[8] !== 'Z' && (+m[8].slice(1, 3) > 14 || +m[8].slice(4) > 59)) return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
}

/** `17:30` → 1050; null unless a valid 24-hour `HH:MM`. */
export function parseWallTime(text: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? +m[1] * 60 + +m[2] : null;
}

/** The Beijing calendar date of an instant. */
export function shanghaiDay(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

function dayStartUtc(day: string): number {
  return Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) - SHANGHAI_OFFSET_MS;
}

function nextDay(day: string): string {
  return new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) + DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(day: string): number {
  return +day.slice(0, 4);
}

/**
 * 国务院办公厅 publishes each year's holiday arrangement (《关于…部分节假日安排的通知》) under
 * 《全国年节及纪念日放假办法》: a listed holiday is a rest day even on a weekday, and a listed
 * 调休 make-up day is a working day even on a Saturday or Sunday. Every other Monday–Friday works.
 */
export function isWorkingDay(calendar: Pick<CalendarSnapshot, 'days'>, day: string): boolean {
  const listed = calendar.days.get(day);
  if (listed) return listed === 'workday';
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

/**
 * The deadline `workdays` working days after `from`: the day of `from` is not counted (办理时限
 * run from the day after receipt), and the deadline is the end of the n-th working day. With 0
 * the deadline is the end of the day of `from`, or `from` itself when that is later.
 * `provisional` when a day of the count lies in a year whose holidays are not loaded, because the
 * State Council may still declare holidays or make-up days there.
 */
export function addWorkdays(calendar: CalendarSnapshot, from: Date, workdays: number): WorkdayResult {
  if (!Number.isInteger(workdays) || workdays < 0) throw new RangeError(`workdays must be a non-negative integer, got ${workdays}`);
  let day = shanghaiDay(from);
  let provisional = false;
  for (let counted = 0; counted < workdays; ) {
    day = nextDay(day);
    if (!calendar.loadedYears.has(yearOf(day))) provisional = true;
    if (isWorkingDay(calendar, day)) counted++;
  }
  if (workdays === 0 && !calendar.loadedYears.has(yearOf(day))) provisional = true;
  const end = dayStartUtc(day) + calendar.endOfDayMinutes * 60_000;
  const dueAt = new Date(workdays === 0 ? Math.max(end, from.getTime()) : end);
  return { day, dueAt: dueAt.toISOString(), provisional };
}

/** The time of day the automatic 催办 go out: 09:00 Beijing time, when the working day begins. */
export const REMINDER_MINUTES = 9 * 60;

/** How far the search for a working day goes: the longest holiday period (春节 with its weekends) is 9 days. */
const WORKING_DAY_SEARCH_DAYS = 60;

function previousDay(day: string): string {
  return new Date(Date.UTC(+day.slice(0, 4), +day.slice(5, 7) - 1, +day.slice(8, 10)) - DAY_MS).toISOString().slice(0, 10);
}

function nearestWorkingDay(calendar: Pick<CalendarSnapshot, 'days'>, day: string, step: (d: string) => string): string {
  let at = step(day);
  for (let i = 0; i < WORKING_DAY_SEARCH_DAYS && !isWorkingDay(calendar, at); i++) at = step(at);
  return at;
}

export interface ReminderTimes {
  /** 09:00 of the working day before the deadline's day (到期前催办), UTC ISO 8601 */
  before: string;
  /** 09:00 of the first working day after the deadline's day (超期催办) — a 调休 Saturday when that is the next working day */
  overdue: string;
}

/**
 * When the two automatic 催办 of a deadline go out. Both at the start of a working day, so a
 * handler reads them at the desk: the day before to finish in time, the day after to account
 * for the delay. A deadline after a holiday is announced on the last working day before it.
 */
export function reminderTimes(calendar: Pick<CalendarSnapshot, 'days'>, dueAt: Date): ReminderTimes {
  const day = shanghaiDay(dueAt);
  const at = (d: string) => new Date(dayStartUtc(d) + REMINDER_MINUTES * 60_000).toISOString();
  return { before: at(nearestWorkingDay(calendar, day, previousDay)), overdue: at(nearestWorkingDay(calendar, day, nextDay)) };
}
