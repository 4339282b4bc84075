import {
  firstFireAt,
  isExpressionText,
  nextCycleFireAt,
  parseTimer,
  type CycleTimer,
  type TimerDefinition,
  type WorkdayCalendar,
} from './index';

const zero = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

function timer(kind: 'timeDate' | 'timeDuration' | 'timeCycle', text: string): TimerDefinition {
  const parsed = parseTimer(kind, text);
  if (!parsed.ok) throw new Error(`expected ${text} to parse: ${parsed.error}`);
  return parsed.timer;
}

function cycle(text: string): CycleTimer {
  const parsed = timer('timeCycle', text);
  if (parsed.kind !== 'cycle') throw new Error('not a cycle');
  return parsed;
}

function fire(definition: TimerDefinition, from: string, calendar?: WorkdayCalendar): string {
  const result = firstFireAt(definition, from, calendar);
  if ('error' in result) throw new Error(result.error);
  return result.at;
}

describe('timers', () => {
  describe('timeDate', () => {
    it.each([
      ['2026-05-01T09:00:00Z', '2026-05-01T09:00:00.000Z'],
      ['2026-05-01T09:00:00+08:00', '2026-05-01T01:00:00.000Z'],
      ['2026-05-01T09:00:00.250-0130', '2026-05-01T10:30:00.250Z'],
      ['2026-05-01T09:00:00', '2026-05-01T09:00:00.000Z'],
      ['2026-05-01T09:00', '2026-05-01T09:00:00.000Z'],
      ['2026-05-01', '2026-05-01T00:00:00.000Z'],
    ])('should normalise %s to UTC when parsing', (text, expected) => {
      // given / when / then
      expect(parseTimer('timeDate', text)).toEqual({ ok: true, timer: { kind: 'date', at: expected } });
    });

    it('should fire at the date when the date is in the past', () => {
      // given
      const definition = timer('timeDate', '2020-01-01T00:00:00Z');
      // when
      const at = fire(definition, '2026-01-01T00:00:00Z');
      // then
      expect(at).toBe('2020-01-01T00:00:00.000Z');
    });

    it.each(['', '   ', 'tomorrow', '2026-02-30T00:00:00Z', '2026-13-01T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T00:00:00+25:00'])(
      'should reject %p when it is not a date-time',
      (text) => {
        // given / when / then
        expect(parseTimer('timeDate', text).ok).toBe(false);
      },
    );
  });

  describe('timeDuration', () => {
    it('should fire one duration after arming when the timer is a duration', () => {
      // given
      const definition = timer('timeDuration', 'PT1H30M');
      // when
      const at = fire(definition, '2026-01-01T08:00:00Z');
      // then
      expect(at).toBe('2026-01-01T09:30:00.000Z');
    });

    it('should clamp to the month end when a month is added to the 31st', () => {
      // given
      const definition = timer('timeDuration', 'P1M');
      // when / then
      expect(fire(definition, '2026-01-31T12:00:00Z')).toBe('2026-02-28T12:00:00.000Z');
      expect(fire(definition, '2028-01-31T12:00:00Z')).toBe('2028-02-29T12:00:00.000Z');
    });

    it.each(['PT', 'P1X', 'P', '', 'PT1H/2026'])('should reject %p when parsing', (text) => {
      // given / when
      const result = parseTimer('timeDuration', text);
      // then
      expect(result.ok).toBe(false);
    });
  });

  describe('timeCycle', () => {
    it('should parse repetitions and an interval when the cycle is R3/PT1H', () => {
      // given / when / then
      expect(parseTimer('timeCycle', 'R3/PT1H')).toEqual({
        ok: true,
        timer: { kind: 'cycle', repetitions: 3, duration: { ...zero, hours: 1 } },
      });
    });

    it('should parse an unbounded cycle when the count is omitted', () => {
      // given / when
      const definition = cycle('R/PT10M');
      // then
      expect(definition.repetitions).toBeNull();
      expect(nextCycleFireAt(definition, '2026-01-01T00:10:00Z', 1000)).toBe('2026-01-01T00:20:00.000Z');
    });

    it('should fire every interval until the repetitions are used up when the cycle has no start', () => {
      // given
      const definition = cycle('R3/PT1H');
      // when
      const first = fire(definition, '2026-01-01T00:00:00Z');
      const second = nextCycleFireAt(definition, first, 1);
      const third = nextCycleFireAt(definition, second as string, 2);
      const fourth = nextCycleFireAt(definition, third as string, 3);
      // then
      expect([first, second, third, fourth]).toEqual([
        '2026-01-01T01:00:00.000Z',
        '2026-01-01T02:00:00.000Z',
        '2026-01-01T03:00:00.000Z',
        null,
      ]);
    });

    it('should fire at the start when the cycle starts in the future', () => {
      // given
      const definition = cycle('R3/2026-01-01T00:00:00Z/PT1H');
      // when
      const first = fire(definition, '2025-12-31T00:00:00Z');
      // then
      expect(definition.start).toBe('2026-01-01T00:00:00.000Z');
      expect(first).toBe('2026-01-01T00:00:00.000Z');
      expect(nextCycleFireAt(definition, first, 1)).toBe('2026-01-01T01:00:00.000Z');
    });

    it('should skip missed occurrences when the start is in the past', () => {
      // given
      const definition = cycle('R/2026-01-01T00:00:00Z/PT1H');
      // when
      const first = fire(definition, '2026-01-01T05:30:00Z');
      // then
      expect(first).toBe('2026-01-01T06:00:00.000Z');
    });

    it('should keep the month-end anchor when a monthly cycle starts on the 31st', () => {
      // given
      const definition = cycle('R/2026-01-31T00:00:00Z/P1M');
      // when
      const feb = nextCycleFireAt(definition, '2026-01-31T00:00:00Z', 1) as string;
      const mar = nextCycleFireAt(definition, feb, 2);
      // then
      expect(feb).toBe('2026-02-28T00:00:00.000Z');
      expect(mar).toBe('2026-03-31T00:00:00.000Z');
    });

    it('should stop when the next fire is past the end', () => {
      // given
      const definition = cycle('R/PT1H/2026-01-01T02:00:00Z');
      // when
      const first = fire(definition, '2026-01-01T00:30:00Z');
      const second = nextCycleFireAt(definition, first, 1);
      // then
      expect(definition.end).toBe('2026-01-01T02:00:00.000Z');
      expect(first).toBe('2026-01-01T01:30:00.000Z');
      expect(second).toBeNull();
    });

    it('should report an error when the cycle ended before it was armed', () => {
      // given
      const definition = cycle('R/PT1H/2026-01-01T00:00:00Z');
      // when
      const result = firstFireAt(definition, '2026-06-01T00:00:00Z');
      // then
      expect(result).toEqual({ error: 'the cycle ends before it first fires' });
    });

    it.each([
      ['R-1/PT1H', 'expected R[n]'],
      ['R0/PT1H', 'at least 1'],
      ['R3/PT0S', 'longer than zero'],
      ['R3/PT0.0001S', 'longer than zero'],
      ['R3', 'expected R[n]'],
      ['R3/P1X', 'invalid ISO 8601 duration'],
      ['R3/yesterday/PT1H', 'not an ISO 8601 date-time'],
      ['PT1H', 'expected R[n]'],
      ['', 'empty timeCycle'],
      ['R3/PT1H/PT1H/PT1H', 'expected R[n]'],
    ])('should reject %p when parsing a cycle', (text, message) => {
      // given / when
      const result = parseTimer('timeCycle', text);
      // then
      expect(result).toEqual({ ok: false, error: expect.stringContaining(message) });
    });
  });

  describe('hand-built cycles', () => {
    it('should refuse to fire when the interval is zero', () => {
      // given
      const definition: CycleTimer = { kind: 'cycle', repetitions: null, duration: { ...zero } };
      // when / then
      expect(firstFireAt(definition, '2026-01-01T00:00:00Z')).toEqual({ error: 'the cycle interval must be longer than zero' });
      expect(nextCycleFireAt(definition, '2026-01-01T00:00:00Z', 1)).toBeNull();
    });

    it('should anchor a leap-day cycle when it repeats yearly', () => {
      // given
      const definition = cycle('R/2024-02-29T00:00:00Z/P1Y');
      // when
      const next = nextCycleFireAt(definition, '2024-02-29T00:00:00Z', 1) as string;
      const leap = nextCycleFireAt(definition, '2027-02-28T00:00:00Z', 4);
      // then
      expect(next).toBe('2025-02-28T00:00:00.000Z');
      expect(leap).toBe('2028-02-29T00:00:00.000Z');
    });

    it('should skip ahead cheaply when the start is decades in the past', () => {
      // given
      const definition = cycle('R/2000-01-01T00:00:00Z/PT0.5S');
      // when
      const at = fire(definition, '2026-06-15T12:00:00.200Z');
      // then
      expect(at).toBe('2026-06-15T12:00:00.500Z');
    });
  });

  describe('workdays', () => {
    it('should ask the calendar when the timer counts working days', () => {
      // given
      const calendar: WorkdayCalendar = {
        addWorkdays: (from, n) => ({ dueAt: `${from}+${n}`, provisional: true }),
      };
      // when
      const result = firstFireAt({ kind: 'workdays', workdays: 3 }, '2026-01-01T00:00:00Z', calendar);
      // then
      expect(result).toEqual({ at: '2026-01-01T00:00:00.000Z+3', provisional: true });
    });

    it('should report an error when no calendar is given', () => {
      // given / when
      const result = firstFireAt({ kind: 'workdays', workdays: 3 }, '2026-01-01T00:00:00Z');
      // then
      expect(result).toEqual({ error: 'a working-day timer needs a workday calendar' });
    });
  });

  it.each([
    ['${dueDate}', true],
    ['#{dueDate}', true],
    ['=dueDate', true],
    [' =date and time(x)', true],
    ['PT1H', false],
    ['2026-01-01T00:00:00Z', false],
  ])('should tell whether %p is an expression', (text, expected) => {
    // given / when / then
    expect(isExpressionText(text)).toBe(expected);
  });

  it('should report an error when the arming moment is not a date-time', () => {
    // given / when / then
    expect(firstFireAt({ kind: 'duration', duration: { ...zero, days: 1 } }, 'now')).toEqual({ error: 'not an ISO 8601 date-time: now' });
  });
});
