import { evaluate as evaluateFeel } from 'feelin';
import { FEEL_BUDGET } from './feel-budget';
import { createExpressionEvaluator, parseExpression, type EvalResult } from './index';

const evaluator = createExpressionEvaluator();

function run(source: string, variables: Record<string, unknown> = {}): EvalResult {
  const parsed = parseExpression(source);
  return parsed.ok ? evaluator.evaluate(parsed.expression, variables) : parsed;
}

// a runaway evaluation fails the test here (as its timeout) instead of hanging the suite
jest.setTimeout(5_000);

describe('FEEL regular expressions on RE2', () => {
  it.each([
    ['matches(s, "^ZF-[0-9]+")', { s: 'ZF-2026' }],
    ['matches(s, "[0-9]{4}")', { s: 'no digits' }],
    ['matches(s, "^a.c$", "s")', { s: 'a\nc' }],
    ['matches(s, "^a.c$")', { s: 'a\nc' }],
    ['matches(s, "^B$", "mi")', { s: 'a\nb' }],
    ['matches(s, "\\\\d+\\\\s\\\\w")', { s: 'x 12 y' }],
    ['matches(s, "\\\\u5E74")', { s: '年度' }],
    ['matches(s, "(?<year>[0-9]{4})")', { s: '2026' }],
    ['replace(s, "a", "b")', { s: 'banana' }],
    ['replace(s, "(an)", "[$1]")', { s: 'banana' }],
    ['replace(s, "n(a)", "$0|$1")', { s: 'banana' }],
    ['replace(s, "A", "x", "i")', { s: 'banana' }],
    ['replace(s, "x*", "-")', { s: 'abc' }],
    ['replace(s, "[0-9]", "$$")', { s: 'a1b2' }],
    ['split(s, ",")', { s: 'a,b,,c,' }],
    ['split(s, "\\\\s*[,;]\\\\s*")', { s: 'a , b;c' }],
    ['split(s, "(,)")', { s: 'a,b' }],
    ['split(s, "")', { s: 'abc' }],
    ['split(s, "x*")', { s: 'axbc' }],
    ['split(s, ",")', { s: '' }],
    ['split(s, "")', { s: '' }],
    ['matches(n, "1")', { n: 1 }],
    ['split(s, 5)', { s: 'a5b' }],
  ])('should give the answer feelin gives when evaluating %s', (source, variables) => {
    // given
    const expected: unknown = evaluateFeel(source, variables).value;
    // when
    const result = run(source, variables);
    // then
    expect(result).toEqual({ ok: true, value: expected });
  });

  it('should answer the ReDoS probe when the pattern backtracks polynomially in a backtracking engine', () => {
    // given: froze the server for 289 s on JavaScript's RegExp
    const s = 'a'.repeat(30) + 'c';
    // when
    const result = run('matches(s, "^a*a*a*a*a*a*a*a*b$")', { s });
    // then
    expect(result).toEqual({ ok: true, value: false });
  });

  it.each([
    ['^(a+)+$', 'a'.repeat(5_000) + 'b', false],
    ['(a+)+b', 'a'.repeat(5_000) + 'b', true],
    ['(a|aa)*c', 'a'.repeat(5_000), false],
    ['^(\\w+\\s?)*$', 'word '.repeat(2_000) + '!', false],
  ])('should run %s in linear time when the pattern comes from a variable', (pattern, s, expected) => {
    // given / when
    const result = run('matches(s, p)', { s, p: pattern });
    // then
    expect(result).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['(a)\\1', 'back-references'],
    ['(?<n>a)\\k<n>', 'back-references'],
    ['a(?!b)', 'lookahead and lookbehind'],
    ['(?<=a)b', 'lookahead and lookbehind'],
    ['[', 'missing closing ]'],
  ])('should fail the evaluation when a pattern from a variable is %s', (pattern, reason) => {
    // given / when
    const result = run('matches(s, p)', { s: 'ab', p: pattern });
    // then
    expect(result).toEqual({ ok: false, error: expect.stringContaining(`matches(): regular expression not supported: ${reason}`) });
  });

  it.each([
    ['matches(s, "^\\\\p{Han}+$")', { s: '关于年度预算' }, true],
    ['matches(s, "a b", "x")', { s: 'ab' }, true],
    ['matches(s, "[ ]", "x")', { s: 'a b' }, true],
    ['matches(s, "a.b", "q")', { s: 'axb' }, false],
    ['matches(s, "a.b", "q")', { s: 'a.b' }, true],
  ])('should follow RE2 and the XPath flags when evaluating %s', (source, variables, expected) => {
    // given / when / then
    expect(run(source, variables)).toEqual({ ok: true, value: expected });
  });

  it('should refuse an unknown flag when it is a literal', () => {
    // given / when
    const result = parseExpression('matches(s, "a", "g")');
    // then
    expect(result).toEqual({ ok: false, error: expect.stringContaining("regular expression not supported: unknown flags 'g'") });
  });
});

describe('FEEL step budget', () => {
  it('should stop an evaluation when it iterates more than the budget allows', () => {
    // given
    const s = ','.repeat(FEEL_BUDGET.maxIterations + 1);
    // when
    const result = run('count(for x in split(s, ",") return x)', { s });
    // then
    expect(result).toEqual({ ok: false, error: `FEEL evaluation stopped: more than ${FEEL_BUDGET.maxIterations} iteration steps` });
  });

  it('should count filter elements as iteration steps when a list is filtered', () => {
    // given
    const s = ','.repeat(FEEL_BUDGET.maxIterations + 1);
    // when
    const result = run('count(split(s, ",")[item = ""])', { s });
    // then
    expect(result).toEqual({ ok: false, error: expect.stringContaining('iteration steps') });
  });

  it('should stop a built-in when its argument is larger than a value may be', () => {
    // given: 1000 references to one 100 000-character string
    const s = 'x'.repeat(99_000);
    // when
    const result = run('string length(string join(for i in 1..1000 return s))', { s });
    // then
    expect(result).toEqual({ ok: false, error: expect.stringContaining('larger than') });
  });

  it('should stop an evaluation when its built-ins together read more than the work budget', () => {
    // given: each call reads a 50 000-unit list, well under one value's limit
    const l = Array.from({ length: 9_000 }, (_, i) => i);
    const calls = Array.from({ length: 300 }, () => 'count(l)').join(', ');
    // when
    const result = run(`sum([${calls}])`, { l });
    // then
    expect(result).toEqual({ ok: false, error: expect.stringContaining('built-ins read and wrote more than') });
  });

  it('should stop walking the result when it shares one list many times over', () => {
    // given
    const l = Array.from({ length: 5_000 }, (_, i) => i);
    // when
    const result = run('for i in 1..1000 return l', { l });
    // then
    expect(result).toEqual({ ok: false, error: expect.stringContaining('data too large to evaluate') });
  });

  it('should allow a context entry to be read more than once when its value is a literal', () => {
    // given / when
    const result = run('{limit: 2, over: l[item > limit], under: l[item < limit]}', { l: [1, 2, 3] });
    // then
    expect(result).toEqual({ ok: true, value: { limit: 2, over: [3], under: [1] } });
  });

  it('should evaluate within budget when the work is ordinary', () => {
    // given
    const votes = Array.from({ length: 500 }, (_, i) => (i % 7 === 0 ? 'reject' : 'agree'));
    // when
    const result = run('count(votes[item = "reject"]) > 0 and every v in votes satisfies matches(v, "^(agree|reject)$")', { votes });
    // then
    expect(result).toEqual({ ok: true, value: true });
  });
});
