import { firstFireAt, nextCycleFireAt, parseTimer, type CycleTimer } from './index';

function cron(text: string): CycleTimer {
  const parsed = parseTimer('timeCycle', text);
  if (!parsed.ok || parsed.timer.kind !== 'cycle') throw new Error(`expected ${text} to parse`);
  return parsed.timer;
}

function first(text: string, from: string): string {
  const result = firstFireAt(cron(text), from);
  if ('error' in result) throw new Error(result.error);
  return result.at;
}

describe('cron cycles', () => {
  it('should parse a cron cycle when the text has six fields', () => {
    // given / when
    const result = parseTimer('timeCycle', '0 0 9-17 * * MON-FRI');
    // then
    expect(result).toEqual({
      ok: true,
      timer: expect.objectContaining({ kind: 'cycle', repetitions: null, cron: '0 0 9-17 * * MON-FRI' }),
    });
  });

  it.each([
    // 2026-11-27 is a Friday
    ['0 0 9-17 * * MON-FRI', '2026-11-27T17:30:00Z', '2026-11-30T09:00:00.000Z'],
    ['0 0 9-17 * * MON-FRI', '2026-11-27T10:00:00Z', '2026-11-27T10:00:00.000Z'],
    ['0 */15 * * * ?', '2026-01-01T00:07:10Z', '2026-01-01T00:15:00.000Z'],
    ['30 5 8 1,15 * ?', '2026-01-02T00:00:00Z', '2026-01-15T08:05:30.000Z'],
    ['0 0 0 29 2 ?', '2026-03-01T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['0 0 12 ? JAN,JUL MON', '2026-02-01T00:00:00Z', '2026-07-06T12:00:00.000Z'],
    ['0 0 8 ? * 2', '2026-11-28T00:00:00Z', '2026-11-30T08:00:00.000Z'],
    ['0 0 0 31 * ?', '2026-04-01T00:00:00Z', '2026-05-31T00:00:00.000Z'],
    ['0 0 0 1 1 ? *', '2026-06-01T00:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['5/20 0 0 * * ?', '2026-01-01T00:00:06Z', '2026-01-01T00:00:25.000Z'],
  ])('should fire %s after %s at %s', (text, from, expected) => {
    // given / when / then
    expect(first(text, from)).toBe(expected);
  });

  it('should keep firing on schedule when the previous fire is given', () => {
    // given
    const definition = cron('0 0 9 ? * MON-FRI');
    // when
    const next = nextCycleFireAt(definition, '2026-11-27T09:00:00.000Z', 50);
    // then
    expect(next).toBe('2026-11-30T09:00:00.000Z');
  });

  it.each([
    ['0 0 9 * *', '6 fields'],
    ['0 0 25 * * ?', "'25' is not between 0 and 23"],
    ['0 0 0 L * ?', 'L, W and # are not supported'],
    ['0 0 0 ? * MON#2', 'L, W and # are not supported'],
    ['0 0 0 1 * MON', 'put ? in the other'],
    ['0 0 0 30 2 ?', 'never fires'],
    ['0 0 0 * * * 2027', 'year field'],
    ['0 0 17-9 * * ?', 'runs backwards'],
    ['0 0 */0 * * ?', 'bad step'],
    ['? 0 0 * * *', 'only allowed in the day fields'],
    ['0 0 0 * FOO ?', "'FOO' is not between"],
  ])('should reject %p when parsing', (text, message) => {
    // given / when
    const result = parseTimer('timeCycle', text);
    // then
    expect(result).toEqual({ ok: false, error: expect.stringContaining(message) });
  });
});
