import type { CalendarDayKind } from '@liuzhuan/contracts';
import { statutoryDays, statutoryYears } from './statutory-calendar';
import { addWorkdays, type CalendarSnapshot, isWorkingDay, parseDay, parseInstant, reminderTimes, shanghaiDay } from './workday-arithmetic';

/** The calendar as the migration seeds it: every year of the bundled statutory data, 17:30 end of day. */
function statutorySnapshot(overrides: Record<string, CalendarDayKind> = {}): CalendarSnapshot {
  const days = new Map<string, CalendarDayKind>();
  for (const year of statutoryYears()) for (const d of statutoryDays(year) ?? []) days.set(d.day, d.kind);
  for (const [day, kind] of Object.entries(overrides)) days.set(day, kind);
  return { version: 1, days, loadedYears: new Set(statutoryYears()), endOfDayMinutes: 17 * 60 + 30 };
}

const calendar = statutorySnapshot();
const due = (from: string, n: number, on: CalendarSnapshot = calendar) => addWorkdays(on, parseInstant(from) as Date, n);
const listed = (year: number, kind: CalendarDayKind) => (statutoryDays(year) ?? []).filter((d) => d.kind === kind).map((d) => d.day);
/** 10:00 Beijing time on the calendar day before `day`. */
const morningBefore = (day: string) => `${new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)}T10:00:00+08:00`;
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();

describe('working-day arithmetic', () => {
  it('should list the 调休 make-up workdays of the State Council notices for 2025 and 2026 when reading the bundled data', () => {
    // given the bundled statutory data; when reading its make-up days; then they are the notices' days
    expect(listed(2025, 'workday')).toEqual(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);
    expect(listed(2026, 'workday')).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
  });

  describe.each([2025, 2026])('in %i', (year) => {
    it.each(listed(year, 'workday'))('should count the make-up weekend workday %s when the count passes it', (day) => {
      // given a make-up workday, which always falls on a weekend
      expect([0, 6]).toContain(weekday(day));
      // when counting one working day from the day before it
      const result = due(morningBefore(day), 1);
      // then the make-up day is that working day, ending 17:30 Beijing time
      expect(isWorkingDay(calendar, day)).toBe(true);
      expect(result.day).toBe(day);
      expect(result.dueAt).toBe(`${day}T09:30:00.000Z`);
      expect(result.provisional).toBe(false);
    });

    it.each(listed(year, 'holiday'))('should skip the statutory holiday %s when counting', (day) => {
      // given a statutory rest day
      // when counting one working day from the day before it
      const result = due(morningBefore(day), 1);
      // then the deadline lies after the holiday
      expect(isWorkingDay(calendar, day)).toBe(false);
      expect(result.day > day).toBe(true);
    });
  });

  it('should not count the day of receipt when it is itself a working day', () => {
    // given a Monday morning receipt (2025-03-03)
    // when one working day is allowed
    const result = due('2025-03-03T09:00:00+08:00', 1);
    // then the deadline is Tuesday 17:30 Beijing time
    expect(result).toEqual({ day: '2025-03-04', dueAt: '2025-03-04T09:30:00.000Z', provisional: false });
  });

  it('should count across 国庆 and 中秋 2025 including the make-up Saturday when received on 30 September', () => {
    // given receipt on Tuesday 2025-09-30; 1–8 October are holidays, Saturday 11 October is a make-up day
    const from = '2025-09-30T15:00:00+08:00';
    // when counting 1 to 4 working days; then
    expect([1, 2, 3, 4].map((n) => due(from, n).day)).toEqual(['2025-10-09', '2025-10-10', '2025-10-11', '2025-10-13']);
  });

  it('should count the make-up Sunday 28 September 2025 when received on the Friday before', () => {
    expect(due('2025-09-26T11:00:00+08:00', 1).day).toBe('2025-09-28');
  });

  it('should use the Beijing date when the UTC date is still the previous day', () => {
    // given 00:30 on Tuesday 2025-03-04 in Beijing, which is Monday 16:30 UTC
    const lateUtc = '2025-03-03T16:30:00Z';
    // when counting one working day
    const result = due(lateUtc, 1);
    // then Tuesday is the day of receipt and Wednesday the deadline
    expect(shanghaiDay(parseInstant(lateUtc) as Date)).toBe('2025-03-04');
    expect(result.day).toBe('2025-03-05');
  });

  it('should not count the day when received late in the evening Beijing time', () => {
    // given 23:30 on Monday 2025-03-03 in Beijing (15:30 UTC the same date)
    // when; then Tuesday is the first working day counted
    expect(due('2025-03-03T23:30:00+08:00', 1).day).toBe('2025-03-04');
  });

  it('should end at the end of the day of receipt when zero working days are allowed', () => {
    // given receipt in the morning and after hours
    // when no working day is added
    const morning = due('2025-03-03T09:00:00+08:00', 0);
    const evening = due('2025-03-03T20:00:00+08:00', 0);
    // then the deadline is 17:30 that day, or the receipt itself when already past 17:30
    expect(morning.dueAt).toBe('2025-03-03T09:30:00.000Z');
    expect(evening.dueAt).toBe('2025-03-03T12:00:00.000Z');
  });

  it('should flag the deadline as provisional when the count runs into 2027, whose holidays are not loaded', () => {
    // given the bundled data ends with 2026
    expect(calendar.loadedYears.has(2027)).toBe(false);
    // when counting three working days from Wednesday 2026-12-30
    const result = due('2026-12-30T10:00:00+08:00', 3);
    // then 1 January 2027 counts as an ordinary Friday for now, and the result is flagged
    expect(result).toEqual({ day: '2027-01-04', dueAt: '2027-01-04T09:30:00.000Z', provisional: true });
    expect(due('2026-12-28T10:00:00+08:00', 3).provisional).toBe(false);
  });

  it('should apply a local holiday when one overrides an ordinary working day', () => {
    // given 9 October 2025 declared a local holiday
    const local = statutorySnapshot({ '2025-10-09': 'holiday' });
    // when; then the first working day after 国庆 moves to the 10th
    expect(due('2025-09-30T15:00:00+08:00', 1, local).day).toBe('2025-10-10');
  });

  it.each(['2025-02-30T10:00:00Z', '2025-09-30T10:00:00', '2025-09-30T24:00:00Z', 'soon', '1999-12-31', '2025-9-30'])(
    'should refuse %s when it is not a date-time with offset or a real date',
    (text) => {
      expect(parseInstant(text)).toBeNull();
    },
  );

  it('should read a bare date as the start of that day in Beijing when no time is given', () => {
    expect(parseInstant('2025-09-30')?.toISOString()).toBe('2025-09-29T16:00:00.000Z');
    expect(parseDay('2024-02-29')).toBe('2024-02-29');
    expect(parseDay('2025-02-29')).toBeNull();
  });

  describe('reminder times', () => {
    it('should remind at 09:00 the working day before and urge at 09:00 on the make-up Saturday after a deadline of 2025-10-10', () => {
      // given the deadline of a 特急 请示 signed for on Monday 2025-09-29 with 3 working days (国庆 and 中秋 in between)
      const deadline = due('2025-09-29T10:00:00+08:00', 3);
      expect(deadline.dueAt).toBe('2025-10-10T09:30:00.000Z');
      // when
      const times = reminderTimes(calendar, new Date(deadline.dueAt));
      // then Thursday 9 October, and Saturday 11 October, a 调休 working day
      expect(times).toEqual({ before: '2025-10-09T01:00:00.000Z', overdue: '2025-10-11T01:00:00.000Z' });
    });

    it('should remind on the last working day before a holiday and urge after it when the deadline precedes one', () => {
      // given a deadline on Tuesday 2025-09-30, the eve of 国庆, and on Monday 2025-09-29 after a make-up Sunday
      // when / then
      expect(reminderTimes(calendar, new Date('2025-09-30T09:30:00.000Z'))).toEqual({
        before: '2025-09-29T01:00:00.000Z',
        overdue: '2025-10-09T01:00:00.000Z',
      });
      expect(reminderTimes(calendar, new Date('2025-09-29T09:30:00.000Z')).before).toBe('2025-09-28T01:00:00.000Z');
    });
  });
});
