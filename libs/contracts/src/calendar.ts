import * as z from 'zod';

/**
 * The working-day calendar (工作日历): statutory holidays and 调休 make-up workdays from the State
 * Council's yearly notice, plus local days the system admin sets. Deadlines (办理时限) are counted
 * on it in working days.
 */

/** `holiday`: a rest day even on a weekday; `workday`: a working day even on a weekend (调休上班). */
export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export const CalendarDayKindSchema = z.enum(CALENDAR_DAY_KINDS);
export type CalendarDayKind = z.infer<typeof CalendarDayKindSchema>;

/** `statutory`: from the State Council's notice; `local`: set by this installation's system admin. */
export const CALENDAR_DAY_SOURCES = ['statutory', 'local'] as const;
export const CalendarDaySourceSchema = z.enum(CALENDAR_DAY_SOURCES);
export type CalendarDaySource = z.infer<typeof CalendarDaySourceSchema>;

const DAY = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const YEAR = z.coerce.number().int().min(2000).max(2100);

/** One listed day; a local day wins over the statutory entry for the same date. */
export const CalendarDaySchema = z
  .object({ day: DAY, kind: CalendarDayKindSchema, name: z.string(), source: CalendarDaySourceSchema })
  .meta({ id: 'CalendarDay' });
export type CalendarDay = z.infer<typeof CalendarDaySchema>;

export const CalendarYearQuerySchema = z.object({ year: YEAR }).strict();
export type CalendarYearQuery = z.infer<typeof CalendarYearQuerySchema>;

/** The listed days of one year; days not listed follow the week (Mon–Fri work). */
export const CalendarYearSchema = z
  .object({
    year: z.number().int(),
    /** false: the year's holidays are not loaded, deadlines running into it are provisional */
    loaded: z.boolean(),
    calendarVersion: z.number().int(),
    days: z.array(CalendarDaySchema),
  })
  .meta({ id: 'CalendarYear' });
export type CalendarYear = z.infer<typeof CalendarYearSchema>;

/**
 * `from`: ISO 8601 date-time with offset (`2025-09-30T10:00:00+08:00`) or a date (`2025-09-30`,
 * Beijing time); `workdays`: integer 0–365. Checked by the server with calendar error codes.
 */
export const DueDateQuerySchema = z.object({ from: z.string().max(64), workdays: z.string().max(16) }).strict();
export type DueDateQuery = z.infer<typeof DueDateQuerySchema>;

export const DueDateSchema = z
  .object({
    /** end of the n-th working day after the day of `from`, UTC ISO 8601 */
    dueAt: z.string(),
    /** the count ran into a year whose holidays are not loaded yet */
    provisional: z.boolean(),
    calendarVersion: z.number().int(),
  })
  .meta({ id: 'DueDate' });
export type DueDate = z.infer<typeof DueDateSchema>;

export const SetCalendarDaySchema = z
  .object({ kind: CalendarDayKindSchema, name: z.string().trim().min(1).max(60) })
  .strict()
  .meta({ id: 'SetCalendarDay' });
export type SetCalendarDay = z.infer<typeof SetCalendarDaySchema>;

/** A day after a change: its effective entry (null: follows the week) and the new calendar version. */
export const CalendarDayStatusSchema = z
  .object({ day: DAY, workingDay: z.boolean(), entry: CalendarDaySchema.nullable(), calendarVersion: z.number().int() })
  .meta({ id: 'CalendarDayStatus' });
export type CalendarDayStatus = z.infer<typeof CalendarDayStatusSchema>;

/**
 * Without `days`, the year is imported from the bundled statutory data; with `days`, from the
 * State Council's notice as typed in (a year the bundled data does not know yet).
 */
export const ImportCalendarYearSchema = z
  .object({
    days: z
      .array(z.object({ day: DAY, kind: CalendarDayKindSchema, name: z.string().trim().min(1).max(60) }).strict())
      .min(1)
      .max(366)
      .optional(),
  })
  .strict()
  .meta({ id: 'ImportCalendarYear' });
export type ImportCalendarYear = z.infer<typeof ImportCalendarYearSchema>;

export const CalendarYearParamSchema = YEAR;

/** One entry of the calendar's change log (every change takes the next calendar version). */
export const CalendarChangeSchema = z
  .object({
    version: z.number().int(),
    at: z.string(),
    /** username; null for the migration's seed */
    actor: z.string().nullable(),
    action: z.enum(['seed', 'import', 'set-day', 'remove-day']),
    year: z.number().int().nullable(),
    day: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CalendarChange' });
export type CalendarChange = z.infer<typeof CalendarChangeSchema>;

export const CalendarChangeListSchema = z.object({ items: z.array(CalendarChangeSchema) }).meta({ id: 'CalendarChangeList' });
export type CalendarChangeList = z.infer<typeof CalendarChangeListSchema>;

export const CalendarChangeQuerySchema = z
  .object({
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'a whole number up to 500')
      .optional(),
  })
  .strict();
export type CalendarChangeQuery = z.infer<typeof CalendarChangeQuerySchema>;
