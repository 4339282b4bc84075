/** An ISO 8601 duration; each component as written (fractions only on time components). */
export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export const ZERO_DURATION: IsoDuration = Object.freeze({ years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 });

const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const DURATION = new RegExp(
  `^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);
const FIELDS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
// Keeps every addition inside the range of an ECMAScript Date (±275 760 years).
const MAX_COMPONENT = 10_000_000;
const DAY_MS = 86_400_000;

/**
 * Parses `P2Y3M`, `P1W`, `P1D`, `PT1H30M`, `PT0.05S` … (ISO 8601 §4.4.3.2). Returns null for
 * anything else, including `P`, `PT`, negative durations, and fractions on years or months
 * (a fraction of a calendar month has no fixed length).
 */
export function parseIsoDuration(text: string): IsoDuration | null {
  const match = DURATION.exec(text.trim().toUpperCase());
  if (!match || /T$/.test(text.trim().toUpperCase())) return null;
  const groups = match.slice(1);
  if (groups.every((group) => group === undefined)) return null;
  const present = groups.map((group, index) => (group === undefined ? -1 : index)).filter((index) => index >= 0);
  const duration: IsoDuration = { ...ZERO_DURATION };
  for (const index of present) {
    const raw = groups[index] as string;
    const value = Number(raw.replace(',', '.'));
    const fractional = !Number.isInteger(value);
    // ISO 8601 allows a decimal fraction on the lowest-order component only
    if (fractional && (index < 2 || index !== present[present.length - 1])) return null;
    if (!Number.isFinite(value) || value > MAX_COMPONENT) return null;
    duration[FIELDS[index]] = value;
  }
  return duration;
}

/** Formats a duration back to ISO 8601 (`PT0S` for zero). */
export function formatIsoDuration(d: IsoDuration): string {
  const date = `${d.years ? `${d.years}Y` : ''}${d.months ? `${d.months}M` : ''}${d.weeks ? `${d.weeks}W` : ''}${d.days ? `${d.days}D` : ''}`;
  const time = `${d.hours ? `${d.hours}H` : ''}${d.minutes ? `${d.minutes}M` : ''}${d.seconds ? `${d.seconds}S` : ''}`;
  if (!date && !time) return 'PT0S';
  return `P${date}${time ? `T${time}` : ''}`;
}

/** The length of the non-calendar part (weeks, days, time), in milliseconds; days are 24 h in UTC. */
export function fixedPartMs(d: IsoDuration): number {
  return Math.round((d.weeks * 7 + d.days) * DAY_MS + d.hours * 3_600_000 + d.minutes * 60_000 + d.seconds * 1000);
}

/** Multiplies every component, for anchored cycles (start + n·d does not drift at month ends). */
export function scaleDuration(d: IsoDuration, factor: number): IsoDuration {
  const out = { ...d };
  for (const field of FIELDS) out[field] = d[field] * factor;
  return out;
}

/** Adds to an epoch millisecond value; months and years first, clamped to the month's end, in UTC. */
export function addDurationMs(fromMs: number, d: IsoDuration): number {
  let ms = fromMs;
  const months = d.years * 12 + d.months;
  if (months !== 0) {
    const from = new Date(fromMs);
    const year = from.getUTCFullYear();
    const month = from.getUTCMonth() + months;
    const targetYear = year + Math.floor(month / 12);
    const targetMonth = ((month % 12) + 12) % 12;
    const day = Math.min(from.getUTCDate(), daysInMonth(targetYear, targetMonth));
    ms = Date.UTC(targetYear, targetMonth, day, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds());
  }
  return ms + fixedPartMs(d);
}

export function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}
