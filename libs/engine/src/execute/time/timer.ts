import { looksLikeCron, nextCronFire, parseCron } from './cron';
import { isValidMs, parseIsoDateTime, requireIsoDateTime, toIso } from './iso-date';
import { addDurationMs, fixedPartMs, type IsoDuration, parseIsoDuration, scaleDuration, ZERO_DURATION } from './iso-duration';

/**
 * A timer from a model (BPMN 2.0 §10.5.4 timerEventDefinition, or `oa:dueWorkdays`), already
 * free of expressions. A `cycle` with `cron` set fires on that schedule (UTC); its `duration`
 * is then zero and `repetitions` null.
 */
export type TimerDefinition =
  | { kind: 'date'; at: string }
  | { kind: 'duration'; duration: IsoDuration }
  | { kind: 'cycle'; repetitions: number | null; duration: IsoDuration; start?: string; end?: string; cron?: string }
  | { kind: 'workdays'; workdays: number };

export type CycleTimer = Extract<TimerDefinition, { kind: 'cycle' }>;

/** The working-day calendar (工作日历) that the server supplies; `provisional` when a year's holidays are not yet published. */
export interface WorkdayCalendar {
  addWorkdays(fromIso: string, workdays: number): { dueAt: string; provisional: boolean };
}

export type TimerParse = { ok: true; timer: TimerDefinition } | { ok: false; error: string };

const REPEAT = /^R(\d*)$/i;

/** True when a timer's text is an expression the caller must evaluate first (`${dueDate}`, `#{…}`, `=dueDate`). */
export function isExpressionText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.startsWith('${') || trimmed.startsWith('#{') || trimmed.startsWith('=');
}

/** Parses the text of a timeDate, timeDuration or timeCycle element. Never throws. */
export function parseTimer(kind: 'timeDate' | 'timeDuration' | 'timeCycle', text: string): TimerParse {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') return { ok: false, error: `empty ${kind}` };
  if (trimmed.length > 200) return { ok: false, error: `${kind} is too long` };
  switch (kind) {
    case 'timeDate': {
      const at = parseIsoDateTime(trimmed);
      return at === null
        ? { ok: false, error: `invalid ISO 8601 date-time "${trimmed}"` }
        : { ok: true, timer: { kind: 'date', at: toIso(at) } };
    }
    case 'timeDuration': {
      const duration = parseIsoDuration(trimmed);
      return duration
        ? { ok: true, timer: { kind: 'duration', duration } }
        : { ok: false, error: `invalid ISO 8601 duration "${trimmed}"` };
    }
    case 'timeCycle':
      return parseCycle(trimmed);
    default:
      return { ok: false, error: `unknown timer kind ${String(kind)}` };
  }
}

function parseCycle(text: string): TimerParse {
  if (looksLikeCron(text)) {
    const cron = parseCron(text);
    if (!cron.ok) return cron;
    return { ok: true, timer: { kind: 'cycle', repetitions: null, duration: { ...ZERO_DURATION }, cron: text.replace(/\s+/g, ' ') } };
  }
  const parts = text.split('/');
  const repeat = REPEAT.exec(parts[0]);
  if (!repeat || parts.length < 2 || parts.length > 3) {
    return { ok: false, error: `invalid ISO 8601 cycle "${text}": expected R[n]/[start/]duration[/end] or a 6-field cron` };
  }
  const repetitions = repeat[1] === '' ? null : Number(repeat[1]);
  if (repetitions !== null && (repetitions < 1 || !Number.isSafeInteger(repetitions))) {
    return { ok: false, error: `invalid cycle "${text}": the repetition count must be at least 1` };
  }
  const rest = parts.slice(1);
  const durationIndex = rest.findIndex((part) => part.toUpperCase().startsWith('P'));
  const duration = durationIndex >= 0 ? parseIsoDuration(rest[durationIndex]) : null;
  if (!duration) return { ok: false, error: `invalid cycle "${text}": missing or invalid ISO 8601 duration` };
  if (!advances(duration)) return { ok: false, error: `invalid cycle "${text}": the interval must be longer than zero` };
  const timer: CycleTimer = { kind: 'cycle', repetitions, duration };
  if (rest.length === 2) {
    const other = parseIsoDateTime(rest[1 - durationIndex]);
    if (other === null) return { ok: false, error: `invalid cycle "${text}": "${rest[1 - durationIndex]}" is not an ISO 8601 date-time` };
    if (durationIndex === 1) timer.start = toIso(other);
    else timer.end = toIso(other);
  }
  return { ok: true, timer };
}

/**
 * When the timer first fires, counted from `fromIso` (the moment it was armed). A date in the
 * past is returned as is: it fires at once. A cycle with a start fires at the first occurrence
 * `start + i·duration` not before `fromIso` (missed occurrences are skipped and do not count);
 * without a start, one interval after `fromIso`. `{ error }` when it can never fire.
 */
export function firstFireAt(
  timer: TimerDefinition,
  fromIso: string,
  calendar?: WorkdayCalendar,
): { at: string; provisional?: boolean } | { error: string } {
  const from = parseIsoDateTime(fromIso);
  if (from === null) return { error: `not an ISO 8601 date-time: ${fromIso}` };
  switch (timer.kind) {
    case 'date': {
      const at = parseIsoDateTime(timer.at);
      return at === null ? { error: `not an ISO 8601 date-time: ${timer.at}` } : { at: toIso(at) };
    }
    case 'duration':
      return checked(addDurationMs(from, timer.duration));
    case 'workdays':
      if (!calendar) return { error: 'a working-day timer needs a workday calendar' };
      if (!Number.isInteger(timer.workdays) || timer.workdays < 0) return { error: `invalid number of workdays: ${timer.workdays}` };
      return toFire(calendar.addWorkdays(toIso(from), timer.workdays));
    case 'cycle':
      return firstCycleFire(timer, from);
  }
}

function toFire(result: { dueAt: string; provisional: boolean }): { at: string; provisional: boolean } {
  return { at: result.dueAt, provisional: result.provisional };
}

function firstCycleFire(timer: CycleTimer, from: number): { at: string } | { error: string } {
  let at: number | null;
  if (!timer.cron && !advances(timer.duration)) return { error: 'the cycle interval must be longer than zero' };
  if (timer.cron) {
    const cron = parseCron(timer.cron);
    if (!cron.ok) return { error: cron.error };
    at = nextCronFire(cron.schedule, from - 1); // a schedule due exactly now fires now
  } else if (timer.start) {
    const start = requireIsoDateTime(timer.start);
    at = start >= from ? start : occurrenceAfter(start, timer.duration, from - 1);
  } else {
    at = addDurationMs(from, timer.duration);
  }
  if (at === null) return { error: 'the cron schedule never fires' };
  if (timer.end && at > requireIsoDateTime(timer.end)) return { error: 'the cycle ends before it first fires' };
  return checked(at);
}

/**
 * For cycles: the fire time after `previousIso`, given how many have fired (including that one);
 * null when the repetitions are used up or the next time is past `end`.
 */
export function nextCycleFireAt(timer: CycleTimer, previousIso: string, firedCount: number): string | null {
  if (timer.repetitions !== null && firedCount >= timer.repetitions) return null;
  const previous = requireIsoDateTime(previousIso);
  let next: number | null;
  if (timer.cron) {
    const cron = parseCron(timer.cron);
    next = cron.ok ? nextCronFire(cron.schedule, previous) : null;
  } else if (!advances(timer.duration)) {
    next = null;
  } else if (timer.start) {
    next = occurrenceAfter(requireIsoDateTime(timer.start), timer.duration, previous);
  } else {
    next = addDurationMs(previous, timer.duration);
  }
  if (next === null || !isValidMs(next)) return null;
  if (timer.end && next > requireIsoDateTime(timer.end)) return null;
  return toIso(next);
}

/** Adds an ISO 8601 duration in UTC; months and years are calendar-correct (31 Jan + P1M = 28/29 Feb). */
export function addDuration(fromIso: string, d: IsoDuration): string {
  const ms = addDurationMs(requireIsoDateTime(fromIso), d);
  if (!isValidMs(ms)) throw new Error(`date out of range: ${fromIso} + duration`);
  return toIso(ms);
}

// The first `anchor + i·d` (i ≥ 0) strictly after `after`. Multiplying instead of adding
// repeatedly keeps month-end anchors stable (31 Jan, 31 Mar, not 31 Jan, 28 Feb, 28 Mar).
function occurrenceAfter(anchor: number, d: IsoDuration, after: number): number {
  const averageMs = (d.years * 12 + d.months) * 2_629_746_000 + fixedPartMs(d);
  let i = Math.max(0, Math.floor((after - anchor) / averageMs) - 2);
  while (i > 0 && addDurationMs(anchor, scaleDuration(d, i)) > after) i--;
  let at = addDurationMs(anchor, scaleDuration(d, i));
  while (at <= after) at = addDurationMs(anchor, scaleDuration(d, ++i));
  return at;
}

// A zero interval, or one that rounds to zero milliseconds (PT0.0001S), would fire forever at one instant.
function advances(d: IsoDuration): boolean {
  return d.years * 12 + d.months > 0 || fixedPartMs(d) > 0;
}

function checked(ms: number): { at: string } | { error: string } {
  return isValidMs(ms) ? { at: toIso(ms) } : { error: 'the fire time is out of range' };
}
