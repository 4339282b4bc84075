import { ID_PATTERN, newId } from './ids';

describe('newId', () => {
  it('gives unique, well-formed ids across many refills of the random pool', () => {
    const ids = Array.from({ length: 10_000 }, () => newId(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => ID_PATTERN.test(id))).toBe(true);
  });

  it('sorts by time: a later millisecond gives a greater id', () => {
    expect(newId(1_700_000_000_001) > newId(1_700_000_000_000)).toBe(true);
    expect(newId(1_700_000_000_000).slice(0, 10)).toBe(newId(1_700_000_000_000).slice(0, 10));
  });
});
