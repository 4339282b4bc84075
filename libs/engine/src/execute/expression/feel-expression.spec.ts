import { evaluate as evaluateFeel } from 'feelin';
import { createExpressionEvaluator, parseExpression, type EvalResult, type ParsedExpression } from './index';

function parsed(source: string, language?: string): ParsedExpression {
  const result = parseExpression(source, language ? { language } : undefined);
  if (!result.ok) throw new Error(`expected ${source} to parse: ${result.error}`);
  return result.expression;
}

function run(source: string, variables: Record<string, unknown> = {}): EvalResult {
  return createExpressionEvaluator().evaluate(parsed(source), variables);
}

describe('FEEL expressions', () => {
  it('should detect FEEL when the text is bare', () => {
    // given / when
    const result = parseExpression('amount > 1000');
    // then
    expect(result).toEqual({ ok: true, expression: { source: 'amount > 1000', dialect: 'feel', body: 'amount > 1000' } });
  });

  it.each(['5', '2.50', '007', '0', '=3', 'true', 'false', 'null', '123456789012345678901234567890', '-5', '.5'])(
    'should give the value feelin gives when the expression is the literal %s',
    (source) => {
      // given
      const expected = evaluateFeel(source.replace(/^=/, ''), {}).value;
      // when
      const result = run(source, { true: false, null: 1 });
      // then
      expect(result).toEqual({ ok: true, value: expected });
    },
  );

  it('should strip the Zeebe prefix when the text starts with =', () => {
    // given / when
    const expression = parsed('=amount > 1000');
    // then
    expect(expression.dialect).toBe('feel');
    expect(createExpressionEvaluator().evaluate(expression, { amount: 1500 })).toEqual({ ok: true, value: true });
  });

  it('should use FEEL when the language attribute names the FEEL URI', () => {
    // given
    const language = 'https://www.omg.org/spec/DMN/20191111/FEEL/';
    // when
    const expression = parsed('=x = "a"', language);
    // then
    expect(expression.dialect).toBe('feel');
    expect(createExpressionEvaluator().evaluate(expression, { x: 'a' })).toEqual({ ok: true, value: true });
  });

  it.each([
    ['amount > 1000', { amount: 1001 }, true],
    ['amount >= 1000', { amount: 1000 }, true],
    ['amount < 1000', { amount: 1000 }, false],
    ['amount <= 1000', { amount: 1000 }, true],
    ['level = "urgent"', { level: 'urgent' }, true],
    ['level != "urgent"', { level: 'normal' }, true],
    ['amount in [100..200]', { amount: 150 }, true],
    ['amount between 1 and 10', { amount: 11 }, false],
  ])('should compare values when evaluating %s', (source, variables, expected) => {
    // given / when
    const result = run(source, variables);
    // then
    expect(result).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['a and b', { a: true, b: false }, false],
    ['a or b', { a: true, b: false }, true],
    ['not(a)', { a: false }, true],
    ['a and (b or c)', { a: true, b: false, c: true }, true],
  ])('should combine booleans when evaluating %s', (source, variables, expected) => {
    // given / when / then
    expect(run(source, variables)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['upper case(name)', { name: 'zhang' }, 'ZHANG'],
    ['string length(title)', { title: '关于年度预算的请示' }, 9],
    ['contains(title, "预算")', { title: '关于年度预算的请示' }, true],
    ['starts with(code, "ZF")', { code: 'ZF-2026-01' }, true],
    ['substring(code, 1, 2)', { code: 'ZF-2026-01' }, 'ZF'],
    ['split(tags, ",")', { tags: 'a,b' }, ['a', 'b']],
    ['matches(code, "^ZF-[0-9]+")', { code: 'ZF-2026' }, true],
    ['"发文" + "字号"', {}, '发文字号'],
  ])('should apply string functions when evaluating %s', (source, variables, expected) => {
    // given / when / then
    expect(run(source, variables)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['count(signers)', { signers: ['a', 'b', 'c'] }, 3],
    ['list contains(signers, "b")', { signers: ['a', 'b'] }, true],
    ['sum(amounts)', { amounts: [1, 2, 3.5] }, 6.5],
    [
      'items[amount > 10].id',
      {
        items: [
          { id: 'x', amount: 5 },
          { id: 'y', amount: 20 },
        ],
      },
      ['y'],
    ],
    ['for i in 1..3 return i * 2', {}, [2, 4, 6]],
    ['some v in votes satisfies v = "reject"', { votes: ['agree', 'reject'] }, true],
    ['every v in votes satisfies v = "agree"', { votes: ['agree', 'reject'] }, false],
    ['signers[1]', { signers: ['a', 'b'] }, 'a'],
  ])('should handle lists when evaluating %s', (source, variables, expected) => {
    // given / when / then
    expect(run(source, variables)).toEqual({ ok: true, value: expected });
  });

  it('should read nested contexts when the variable is an object', () => {
    // given
    const variables = { applicant: { dept: { name: '办公厅' } } };
    // when
    const result = run('applicant.dept.name = "办公厅"', variables);
    // then
    expect(result).toEqual({ ok: true, value: true });
  });

  it('should read a variable when its name has spaces', () => {
    // given
    const variables = { 'Vacation Approval': 'Approved', unrelated: 1 };
    // when
    const result = run('Vacation Approval = "Approved"', variables);
    // then
    expect(result).toEqual({ ok: true, value: true });
  });

  it('should build a context when the expression is a context literal', () => {
    // given / when
    const result = run('{ total: a + b, ok: a < b }', { a: 1, b: 2 });
    // then
    expect(result).toEqual({ ok: true, value: { total: 3, ok: true } });
  });

  it('should yield null when a variable is missing', () => {
    // given / when
    const result = run('missing');
    // then
    expect(result).toEqual({ ok: true, value: null });
  });

  it('should yield null when comparing against null', () => {
    // given / when
    const result = run('amount > 1000', { amount: null });
    // then
    expect(result).toEqual({ ok: true, value: null });
  });

  it('should test for null when the expression compares with null', () => {
    // given / when / then
    expect(run('x = null', { x: null })).toEqual({ ok: true, value: true });
    expect(run('x = null', {})).toEqual({ ok: true, value: true });
  });

  it('should return an ISO string when the result is a date', () => {
    // given / when
    const result = run('date(d) + duration("P1D")', { d: '2026-02-28' });
    // then
    expect(result).toEqual({ ok: true, value: '2026-03-01' });
  });

  it('should treat a Date variable as an ISO string when it is copied', () => {
    // given
    const variables = { d: new Date('2026-05-01T08:00:00Z') };
    // when
    const result = run('d', variables);
    // then
    expect(result).toEqual({ ok: true, value: '2026-05-01T08:00:00.000Z' });
  });

  it('should reject wall-clock functions when parsing', () => {
    // given / when
    const result = parseExpression('now() > deadline');
    // then
    expect(result).toEqual({ ok: false, error: expect.stringContaining('now() reads the wall clock') });
  });

  it.each(['amount >', 'if a then b', '', '=', '{ a: }'])('should report a parse error when the FEEL text is %p', (source) => {
    // given / when
    const result = parseExpression(source);
    // then
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^invalid FEEL: /) });
  });

  it('should evaluate a deserialised expression when it was never parsed in this process', () => {
    // given
    const expression = JSON.parse(JSON.stringify(parsed('x + 1'))) as ParsedExpression;
    // when
    const result = createExpressionEvaluator().evaluate(expression, { x: 1 });
    // then
    expect(result).toEqual({ ok: true, value: 2 });
  });
});
