import { addDuration, parseIsoDuration, type IsoDuration } from './index';

const zero: IsoDuration = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };

describe('ISO 8601 durations', () => {
  it.each([
    ['P1D', { days: 1 }],
    ['PT1H30M', { hours: 1, minutes: 30 }],
    ['P1W', { weeks: 1 }],
    ['P2Y3M', { years: 2, months: 3 }],
    ['PT0.05S', { seconds: 0.05 }],
    ['PT1,5S', { seconds: 1.5 }],
    ['P1Y2M3W4DT5H6M7S', { years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7 }],
    ['PT0S', {}],
    ['pt10m', { minutes: 10 }],
    ['PT1.5H', { hours: 1.5 }],
  ])('should parse %s when it is a valid duration', (text, expected) => {
    // given / when
    const duration = parseIsoDuration(text);
    // then
    expect(duration).toEqual({ ...zero, ...expected });
  });

  it.each(['', 'P', 'PT', 'P1X', 'P1DT', '-P1D', 'P1.5Y', 'P0.5M', 'PT1.5H30M', '1D', 'P1D x', 'PT1H1D', 'P99999999999D', 'R3/PT1H'])(
    'should reject %p when it is not a duration',
    (text) => {
      // given / when / then
      expect(parseIsoDuration(text)).toBeNull();
    },
  );

  it.each([
    ['2026-01-31T10:00:00Z', { ...zero, months: 1 }, '2026-02-28T10:00:00.000Z'],
    ['2024-01-31T10:00:00Z', { ...zero, months: 1 }, '2024-02-29T10:00:00.000Z'],
    ['2024-02-29T00:00:00Z', { ...zero, years: 1 }, '2025-02-28T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', { ...zero, years: 4 }, '2028-02-29T00:00:00.000Z'],
    ['2026-03-31T00:00:00Z', { ...zero, months: 1 }, '2026-04-30T00:00:00.000Z'],
    ['2026-11-30T00:00:00Z', { ...zero, months: 3 }, '2027-02-28T00:00:00.000Z'],
    ['2026-12-31T23:00:00Z', { ...zero, hours: 2 }, '2027-01-01T01:00:00.000Z'],
    ['2026-01-01T00:00:00Z', { ...zero, weeks: 1, days: 1 }, '2026-01-09T00:00:00.000Z'],
    ['2026-01-01T00:00:00Z', { ...zero, seconds: 0.05 }, '2026-01-01T00:00:00.050Z'],
    ['2026-01-31T00:00:00Z', { ...zero, months: 1, days: 1 }, '2026-03-01T00:00:00.000Z'],
    ['2026-01-01T08:00:00+08:00', { ...zero, days: 1 }, '2026-01-02T00:00:00.000Z'],
    ['2026-01-01T00:00:00', { ...zero, minutes: 90 }, '2026-01-01T01:30:00.000Z'],
  ])('should add calendar-correctly when adding to %s', (from, duration, expected) => {
    // given / when
    const result = addDuration(from, duration);
    // then
    expect(result).toBe(expected);
  });

  it('should throw when the start is not a date-time', () => {
    // given / when / then
    expect(() => addDuration('yesterday', { ...zero, days: 1 })).toThrow('not an ISO 8601 date-time');
  });
});
