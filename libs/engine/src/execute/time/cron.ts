/**
 * Six-field cron in Quartz's form (`sec min hour day-of-month month day-of-week`, optionally a
 * seventh year field of `*`), as Camunda 7 accepts in timeCycle. Evaluated in UTC.
 * Day-of-week numbers follow Quartz: 1 = SUN … 7 = SAT. `L`, `W` and `#` are not supported.
 */
export interface CronSchedule {
  readonly seconds: readonly number[];
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  readonly daysOfMonth: readonly number[] | null; // null: not restricted (`*` or `?`)
  readonly months: readonly number[]; // 1–12
  readonly daysOfWeek: readonly number[] | null; // 0 = SUN … 6 = SAT (JavaScript's getUTCDay)
}

export type CronParse = { ok: true; schedule: CronSchedule } | { ok: false; error: string };

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
// A schedule that finds nothing within this many years never fires (e.g. 30 February).
const SEARCH_YEARS = 30;

class CronError extends Error {}

/** True when the text has the shape of a cron expression rather than an ISO 8601 cycle. */
export function looksLikeCron(text: string): boolean {
  const fields = text.trim().split(/\s+/);
  return fields.length >= 5 && fields.length <= 7 && !text.trim().toUpperCase().startsWith('R');
}

export function parseCron(text: string): CronParse {
  const fields = text.trim().split(/\s+/);
  if (fields.length !== 6 && fields.length !== 7) {
    return { ok: false, error: `cron needs 6 fields (second minute hour day-of-month month day-of-week), got ${fields.length}` };
  }
  try {
    if (fields.length === 7 && fields[6] !== '*' && fields[6] !== '?') throw new CronError('the cron year field is not supported');
    const [sec, min, hour, dom, month, dow] = fields;
    const daysOfMonth = unrestricted(dom) ? null : parseField(dom, 1, 31, 'day-of-month');
    const daysOfWeek = unrestricted(dow) ? null : parseField(dow, 1, 7, 'day-of-week', DAY_NAMES, 1).map((d) => d - 1);
    if (dom !== '?' && dow !== '?' && daysOfMonth && daysOfWeek) {
      throw new CronError('restrict either day-of-month or day-of-week and put ? in the other');
    }
    const schedule: CronSchedule = {
      seconds: parseField(sec, 0, 59, 'second'),
      minutes: parseField(min, 0, 59, 'minute'),
      hours: parseField(hour, 0, 23, 'hour'),
      daysOfMonth,
      months: parseField(month, 1, 12, 'month', MONTH_NAMES, 1),
      daysOfWeek,
    };
    if (nextCronFire(schedule, Date.UTC(2000, 0, 1)) === null) throw new CronError('the cron expression never fires');
    return { ok: true, schedule };
  } catch (error) {
    // CronError carries the user-facing reason; anything else is a bug
    if (error instanceof CronError) return { ok: false, error: `invalid cron "${text.trim()}": ${error.message}` };
    throw error;
  }
}

function unrestricted(field: string): boolean {
  return field === '*' || field === '?';
}

function parseField(field: string, min: number, max: number, name: string, names?: string[], nameBase = 0): number[] {
  if (field === '?' && name !== 'day-of-month' && name !== 'day-of-week') throw new CronError(`? is only allowed in the day fields`);
  if (/[LW#]/i.test(field.replace(/[A-Z]{3}/gi, (word) => (names?.includes(word.toUpperCase()) ? '0' : word)))) {
    throw new CronError(`${name}: L, W and # are not supported`);
  }
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const [rangeText, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || part.split('/').length > 2) throw new CronError(`${name}: bad step in '${part}'`);
    let from: number;
    let to: number;
    if (rangeText === '*' || rangeText === '?') {
      [from, to] = [min, max];
    } else {
      const bounds = rangeText.split('-');
      if (bounds.length > 2) throw new CronError(`${name}: bad range '${rangeText}'`);
      from = value(bounds[0], min, max, name, names, nameBase);
      to = bounds.length === 2 ? value(bounds[1], min, max, name, names, nameBase) : stepText === undefined ? from : max;
    }
    if (from > to) throw new CronError(`${name}: range '${rangeText}' runs backwards`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

function value(text: string, min: number, max: number, name: string, names: string[] | undefined, nameBase: number): number {
  const named = names?.indexOf(text.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + nameBase : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new CronError(`${name}: '${text}' is not between ${min} and ${max}`);
  return n;
}

/** The first matching second strictly after `afterMs`, or null if none within 30 years. */
export function nextCronFire(schedule: CronSchedule, afterMs: number): number | null {
  let t = Math.floor(afterMs / 1000) * 1000 + 1000;
  const limit = t + SEARCH_YEARS * 366 * 86_400_000;
  while (t <= limit) {
    const d = new Date(t);
    if (!schedule.months.includes(d.getUTCMonth() + 1)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      continue;
    }
    if (!dayMatches(schedule, d)) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    const hour = nextIn(schedule.hours, d.getUTCHours());
    if (hour === null) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1);
      continue;
    }
    if (hour !== d.getUTCHours()) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour);
      continue;
    }
    const minute = nextIn(schedule.minutes, d.getUTCMinutes());
    if (minute === null) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour + 1);
      continue;
    }
    if (minute !== d.getUTCMinutes()) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute);
      continue;
    }
    const second = nextIn(schedule.seconds, d.getUTCSeconds());
    if (second === null) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute + 1);
      continue;
    }
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), hour, minute, second);
  }
  return null;
}

function dayMatches(schedule: CronSchedule, d: Date): boolean {
  if (schedule.daysOfMonth && !schedule.daysOfMonth.includes(d.getUTCDate())) return false;
  if (schedule.daysOfWeek && !schedule.daysOfWeek.includes(d.getUTCDay())) return false;
  return true;
}

function nextIn(sorted: readonly number[], current: number): number | null {
  for (const v of sorted) if (v >= current) return v;
  return null;
}
