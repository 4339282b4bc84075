import { formatDocNumber, parseDocNumber } from '@liuzhuan/contracts';

describe('发文字号 text form (GB/T 9704 §7.2.4)', () => {
  it('should parse 机关代字〔年份〕序号号 into its parts', () => {
    expect(parseDocNumber('安政发〔2026〕12号')).toEqual({ orgCode: '安政发', year: 2026, seq: 12 });
    expect(parseDocNumber('国办函〔2025〕1号')).toEqual({ orgCode: '国办函', year: 2025, seq: 1 });
  });

  it.each([
    ['安政发[2026]12号', 'square brackets'],
    ['安政发(2026)12号', 'round brackets'],
    ['安政发（2026）12号', 'full-width round brackets'],
    ['安政发【2026】12号', 'lenticular brackets'],
    ['安政发〔2026〕012号', 'a leading zero'],
    ['安政发〔2026〕0号', 'number zero'],
    ['安政发〔2026〕第12号', '第'],
    ['安政发〔26〕12号', 'a two-digit year'],
    ['安政发〔2026〕12', 'no 号'],
    ['〔2026〕12号', 'no 机关代字'],
    ['安政发 〔2026〕12号', 'a space'],
  ])('should refuse %s (%s)', (text) => {
    expect(parseDocNumber(text)).toBeNull();
  });

  it('should format without padding and round-trip through the parser', () => {
    expect(formatDocNumber({ orgCode: '安政发', year: 2026, seq: 7 })).toBe('安政发〔2026〕7号');
    for (const seq of [1, 9, 10, 99, 100, 12345]) {
      const n = { orgCode: '安政办发', year: 2027, seq };
      expect(parseDocNumber(formatDocNumber(n))).toEqual(n);
    }
  });

  it('should throw on parts that cannot form a number', () => {
    expect(() => formatDocNumber({ orgCode: '安政发', year: 2026, seq: 0 })).toThrow();
    expect(() => formatDocNumber({ orgCode: '安政 发', year: 2026, seq: 1 })).toThrow();
    expect(() => formatDocNumber({ orgCode: '安政发', year: 26, seq: 1 })).toThrow();
  });
});
