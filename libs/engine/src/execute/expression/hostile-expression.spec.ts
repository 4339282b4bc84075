import { createExpressionEvaluator, parseExpression, type EvalResult } from './index';

const evaluator = createExpressionEvaluator();

/**
 * Parse and evaluate; a parse error is reported like an evaluation error. How long a hostile
 * expression takes is a benchmark's business, not a test's (TESTING.md): a payload that ran away
 * would show here as the test's timeout, below.
 */
function attempt(source: string, variables: Record<string, unknown> = {}): { result: EvalResult } {
  const parsed = parseExpression(source);
  const result: EvalResult = parsed.ok ? evaluator.evaluate(parsed.expression, variables) : parsed;
  return { result };
}

// a runaway evaluation fails the test here instead of hanging the suite
jest.setTimeout(5_000);

function isHarmless(result: EvalResult): boolean {
  return !result.ok || result.value === null;
}

describe('hostile expressions', () => {
  afterEach(() => {
    // then (for every test): nothing leaked onto the shared prototypes
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it.each([
    "${a.constructor.constructor('return process')()}",
    "${''.getClass()}",
    "${''.getClass().forName('java.lang.Runtime')}",
    '${a.constructor}',
    "${a['constructor']}",
    '${a.__proto__}',
    '${a.prototype}',
    '#{request.getSession().invalidate()}',
    "${Runtime.getRuntime().exec('rm -rf /')}",
    '${process.exit()}',
    "${require('fs')}",
    '${this.constructor}',
    '${globalThis}',
    "${Function('return 1')}",
  ])('should refuse %s when it reaches for the host in JUEL', (source) => {
    // given / when
    const { result } = attempt(source, { a: {}, process: 'p', globalThis: 1 });
    // then
    expect(result.ok).toBe(source === '${globalThis}');
  });

  it.each([
    'a.constructor',
    'a.constructor.constructor',
    'constructor',
    '__proto__',
    'x.__proto__',
    '"".constructor',
    '{}.constructor',
    'process',
    'require("child_process")',
    'this',
    'globalThis',
    'Function("return process")',
    'get value(a, "constructor")',
    'get value(a, "__proto__")',
    'a.prototype',
  ])('should yield an error or null when FEEL %s reaches for the host', (source) => {
    // given / when
    const { result } = attempt(source, { a: { b: 1 }, x: {} });
    // then
    expect(isHarmless(result)).toBe(true);
  });

  it('should not pollute prototypes when FEEL puts a __proto__ entry into a context', () => {
    // given / when
    const { result } = attempt('context put({}, "__proto__", {polluted: true})');
    // then
    expect(result.ok && JSON.stringify(result.value)).not.toContain('polluted":true}}');
  });

  it.each([
    ['for i in 1..100000000 return i', 'at most 1000 elements'],
    ['for i in 1..1.5 return i', 'integer literal bounds'],
    ['for i in 1..n return i', 'integer literal bounds'],
    ['for i in [1..n] return i', 'integer literal bounds'],
    ['count(for a in l, b in l, c in l return 1)', 'nested more than 1 deep'],
    ['for a in l return for b in l return 1', 'nested more than 1 deep'],
    ['some a in l satisfies l[item = a] = []', 'nested more than 1 deep'],
    ['{f: function(n) f(n - 1) + f(n - 1), r: f(40)}.r', 'function definitions are not supported'],
    ['matches(s, "(a)\\\\1")', 'regular expression not supported: back-references'],
    ['matches(s, "a(?=b)")', 'regular expression not supported: lookahead and lookbehind'],
    ['split(s, "(?<!a)b")', 'regular expression not supported: lookahead and lookbehind'],
    ['replace(s, "(", "")', 'regular expression not supported'],
    ['{a: l, b: [a, a]}.b', "context entry 'a' is read more than once"],
    ['{a: l, b: count(for i in 1..10 return a)}.b', "context entry 'a' is read more than once"],
    ['today() + duration("P1D")', 'wall clock'],
    ['count(for i in 1..1000 return substring(s, 2))', "may only read the iteration variables, not 's'"],
    ['some i in 1..1000 satisfies upper case(s) = "A"', "may only read the iteration variables, not 's'"],
    ['for x in l return distinct values(l)', "may only read the iteration variables, not 'l'"],
  ])('should reject unbounded work in %s when parsing', (source, message) => {
    // given / when
    const { result } = attempt(source, { l: [1, 2], n: 100000000, s: 'a'.repeat(40), pattern: '(a+)+$' });
    // then
    expect(result).toEqual({ ok: false, error: expect.stringContaining(message) });
  });

  it('should allow a linear function inside an iteration when it reads only the iteration variable', () => {
    // given
    const names = ['zhang', 'li'];
    // when
    const { result } = attempt('for n in names return upper case(n) + string(count(names))', { names });
    // then
    expect(result).toEqual({ ok: true, value: ['ZHANG2', 'LI2'] });
  });

  it('should not count an index as an iteration when a list is indexed inside a loop', () => {
    // given
    const items = [{ tags: ['a', 'b'] }, { tags: ['c'] }];
    // when
    const { result } = attempt('for it in items return it.tags[1]', { items });
    // then
    expect(result).toEqual({ ok: true, value: ['a', 'c'] });
  });

  it('should allow one level of iteration when it is bounded', () => {
    // given / when
    const { result } = attempt('count(for i in 1..1000 return i) + count(l[item > 1])', { l: [1, 2, 3] });
    // then
    expect(result).toEqual({ ok: true, value: 1002 });
  });

  it.each([
    ['FEEL', `${'('.repeat(65)}1${')'.repeat(65)}`],
    ['JUEL', `\${${'('.repeat(65)}1${')'.repeat(65)}}`],
    ['FEEL deep', `${'('.repeat(1900)}1${')'.repeat(1900)}`],
    ['JUEL deep', `\${${'('.repeat(1900)}1${')'.repeat(1900)}}`],
    ['JUEL unary', `\${${'!'.repeat(3000)}a}`],
    ['FEEL not', `${'not('.repeat(700)}true${')'.repeat(700)}`],
    ['FEEL chain', Array.from({ length: 300 }, () => 'a').join('+')],
  ])('should report a parse error when %s nesting is too deep', (_, source) => {
    // given / when
    const { result } = attempt(source, { a: 1 });
    // then
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/nested|deep/) });
  });

  it('should accept nesting when it stays within 64 parentheses', () => {
    // given / when
    const { result } = attempt(`\${${'('.repeat(60)}1${')'.repeat(60)}}`);
    // then
    expect(result).toEqual({ ok: true, value: 1 });
  });

  it.each([
    ['FEEL', 'x'.repeat(4001)],
    ['JUEL', `\${${'a+'.repeat(2000)}a}`],
  ])('should reject %s when the text is longer than 4000 characters', (_, source) => {
    // given / when
    const { result } = attempt(source);
    // then
    expect(result).toEqual({ ok: false, error: 'expression longer than 4000 characters' });
  });

  it('should honour a smaller maxLength when the evaluator is configured with one', () => {
    // given
    const short = createExpressionEvaluator({ maxLength: 5 });
    const parsed = parseExpression('a + b + c');
    // when
    const result = parsed.ok ? short.evaluate(parsed.expression, { a: 1, b: 2, c: 3 }) : parsed;
    // then
    expect(result).toEqual({ ok: false, error: 'expression longer than 5 characters' });
  });

  it('should drop a __proto__ key when the variables come from JSON', () => {
    // given
    const variables = JSON.parse('{"form": {"__proto__": {"polluted": true}, "amount": 5}}') as Record<string, unknown>;
    // when / then
    expect(attempt('${form.polluted}', variables).result).toEqual({ ok: true, value: null });
    expect(attempt('form.polluted', variables).result).toEqual({ ok: true, value: null });
    expect(attempt('${form.amount}', variables).result).toEqual({ ok: true, value: 5 });
  });

  it('should see only plain data when variables hold functions, class instances and getters', () => {
    // given
    let getterCalls = 0;
    class Secret {
      readonly token = 's3cret';
    }
    const form = {
      amount: 5,
      run: () => 'ran',
      secret: new Secret(),
      get lazy(): string {
        getterCalls++;
        return 'computed';
      },
      [Symbol('hidden')]: 1,
    };
    // when
    const juel = attempt('${form}', { form }).result;
    const feel = attempt('form', { form }).result;
    // then
    expect(juel).toEqual({ ok: true, value: { amount: 5 } });
    expect(feel).toEqual({ ok: true, value: { amount: 5 } });
    expect(getterCalls).toBe(0);
  });

  it('should not expose a variable to JUEL when a key is looked up dynamically', () => {
    // given
    const variables = { form: { a: 1 }, key: 'constructor' };
    // when
    const { result } = attempt('${form[key]}', variables);
    // then
    expect(result).toEqual({ ok: true, value: null });
  });

  it.each(['FEEL', 'JUEL'])('should report an error when %s variables are cyclic', (dialect) => {
    // given
    const node: Record<string, unknown> = { name: 'n' };
    node['self'] = node;
    // when
    const { result } = attempt(dialect === 'FEEL' ? 'node.name' : '${node.name}', { node });
    // then
    expect(result).toEqual({ ok: false, error: expect.stringContaining('data too large to evaluate') });
  });

  it('should report an error when a referenced variable is huge', () => {
    // given
    const list = Array.from({ length: 200_000 }, (_, i) => i);
    // when
    const { result } = attempt('count(list)', { list });
    // then
    expect(result).toEqual({ ok: false, error: expect.stringContaining('data too large to evaluate') });
  });

  it('should ignore a huge variable when the expression does not reference it', () => {
    // given
    const list = Array.from({ length: 200_000 }, (_, i) => i);
    // when
    const { result } = attempt('amount > 1', { list, amount: 2 });
    // then
    expect(result).toEqual({ ok: true, value: true });
  });

  it('should report an over-budget evaluation when the injected clock says it took too long', () => {
    // given
    let clock = 0;
    const slow = createExpressionEvaluator({ budgetMs: 50, now: () => (clock += 60) });
    const parsed = parseExpression('1 + 1');
    // when
    const result = parsed.ok ? slow.evaluate(parsed.expression, {}) : parsed;
    // then
    expect(result).toEqual({ ok: false, error: 'expression took 60 ms, over the budget of 50 ms' });
  });

  it.each([
    ['javascript', 'unsupported expression language javascript'],
    ['js', 'unsupported expression language js'],
    ['JavaScript', 'unsupported expression language JavaScript'],
    ['groovy', 'unsupported expression language groovy'],
    ['http://www.w3.org/1999/XPath', 'unsupported expression language http://www.w3.org/1999/XPath'],
    ['python', 'unsupported expression language python'],
  ])('should refuse the %s language when parsing', (language, error) => {
    // given / when
    const result = parseExpression('${a}', { language });
    // then
    expect(result).toEqual({ ok: false, error });
  });

  it('should report an error instead of throwing when the parsed expression is forged', () => {
    // given
    const forged = { source: 'x', dialect: 'js', body: 'process.exit()' } as unknown as Parameters<typeof evaluator.evaluate>[0];
    // when
    const result = evaluator.evaluate(forged, {});
    // then
    expect(result).toEqual({ ok: false, error: 'not a parsed expression' });
  });
});
