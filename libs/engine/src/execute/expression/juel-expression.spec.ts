import { createExpressionEvaluator, parseExpression, type EvalResult } from './index';

function run(source: string, variables: Record<string, unknown> = {}): EvalResult {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`expected ${source} to parse: ${parsed.error}`);
  return createExpressionEvaluator().evaluate(parsed.expression, variables);
}

function parseError(source: string): string {
  const parsed = parseExpression(source);
  if (parsed.ok) throw new Error(`expected ${source} to be rejected`);
  return parsed.error;
}

describe('JUEL expressions', () => {
  it('should detect JUEL when ${…} wraps the whole text', () => {
    // given / when
    const result = parseExpression('${approved}');
    // then
    expect(result).toEqual({ ok: true, expression: { source: '${approved}', dialect: 'juel', body: 'approved' } });
  });

  it('should detect JUEL when #{…} wraps the whole text', () => {
    // given / when / then
    expect(run('#{a > 1}', { a: 2 })).toEqual({ ok: true, value: true });
  });

  it('should use JUEL when the language attribute says juel', () => {
    // given / when
    const result = parseExpression('${x}', { language: 'juel' });
    // then
    expect(result.ok && result.expression.dialect).toBe('juel');
  });

  it.each([
    ['${a == 1}', { a: 1 }, true],
    ['${a eq 1}', { a: 1 }, true],
    ['${a != 1}', { a: 1 }, false],
    ['${a ne 1}', { a: 2 }, true],
    ['${a < 2}', { a: 1 }, true],
    ['${a lt 2}', { a: 2 }, false],
    ['${a > 2}', { a: 3 }, true],
    ['${a gt 2}', { a: 2 }, false],
    ['${a <= 2}', { a: 2 }, true],
    ['${a le 1}', { a: 2 }, false],
    ['${a >= 2}', { a: 2 }, true],
    ['${a ge 3}', { a: 2 }, false],
    ["${s == 'abc'}", { s: 'abc' }, true],
    ["${s < 'b'}", { s: 'abc' }, true],
    ['${a == "5"}', { a: 5 }, true],
    ["${'5' == a}", { a: 5.0 }, true],
    ['${flag == "true"}', { flag: true }, true],
    ['${a == null}', { a: null }, true],
    ['${a > null}', { a: 1 }, false],
  ])('should compare when evaluating %s', (source, variables, expected) => {
    // given / when / then
    expect(run(source, variables)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['${a && b}', { a: true, b: false }, false],
    ['${a and b}', { a: true, b: true }, true],
    ['${a || b}', { a: false, b: true }, true],
    ['${a or b}', { a: false, b: false }, false],
    ['${!a}', { a: false }, true],
    ['${not a}', { a: true }, false],
    ['${a || missing}', { a: true }, true],
    ['${a && b || c}', { a: false, b: true, c: true }, true],
  ])('should combine booleans when evaluating %s', (source, variables, expected) => {
    // given / when / then
    expect(run(source, variables)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['${a + b}', { a: 1, b: 2 }, 3],
    ['${a - b}', { a: 1, b: 2 }, -1],
    ['${a * b}', { a: 3, b: 2 }, 6],
    ['${a / b}', { a: 3, b: 2 }, 1.5],
    ['${a div b}', { a: 3, b: 2 }, 1.5],
    ['${a % b}', { a: 7, b: 4 }, 3],
    ['${a mod b}', { a: 7, b: 4 }, 3],
    ['${-a}', { a: 7 }, -7],
    ['${- -a}', { a: 7 }, 7],
    ['${1 + 2 * 3}', {}, 7],
    ['${(1 + 2) * 3}', {}, 9],
    ["${a + '2'}", { a: 1 }, 3],
    ['${a + b}', { a: null, b: null }, 0],
    ['${1.5e2}', {}, 150],
  ])('should do arithmetic when evaluating %s', (source, variables, expected) => {
    // given / when / then
    expect(run(source, variables)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['${empty a}', { a: null }, true],
    ['${empty a}', { a: '' }, true],
    ['${empty a}', { a: [] }, true],
    ['${empty a}', { a: {} }, true],
    ['${empty a}', { a: 'x' }, false],
    ['${empty a}', { a: [1] }, false],
    ['${not empty a}', { a: { k: 1 } }, true],
  ])('should test emptiness when evaluating %s with %j', (source, variables, expected) => {
    // given / when / then
    expect(run(source, variables)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["${a > 1 ? 'big' : 'small'}", { a: 2 }, 'big'],
    ["${a > 1 ? 'big' : a > 0 ? 'some' : 'none'}", { a: 1 }, 'some'],
    ['${a ? b : c}', { a: false, b: 1, c: 2 }, 2],
  ])('should choose a branch when evaluating %s', (source, variables, expected) => {
    // given / when / then
    expect(run(source, variables)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['${form.amount}', { form: { amount: 5 } }, 5],
    ["${form['amount']}", { form: { amount: 5 } }, 5],
    ['${form["dept"].name}', { form: { dept: { name: '办公厅' } } }, '办公厅'],
    ['${list[1]}', { list: ['a', 'b'] }, 'b'],
    ['${list[5]}', { list: ['a', 'b'] }, null],
    ['${form.missing}', { form: {} }, null],
    ['${form.toString}', { form: {} }, null],
    ['${nothing.at.all}', { nothing: null }, null],
    ['${\'abc\' == "abc"}', {}, true],
    ["${'it\\'s'}", {}, "it's"],
  ])('should read data when evaluating %s', (source, variables, expected) => {
    // given / when / then
    expect(run(source, variables)).toEqual({ ok: true, value: expected });
  });

  it('should fail when a variable is unknown', () => {
    // given / when
    const result = run('${approved}', {});
    // then
    expect(result).toEqual({ ok: false, error: 'unknown variable approved' });
  });

  it.each([
    ["${a + 'x'}", { a: 1 }, "cannot use 'x' as a number"],
    ['${a / 0}', { a: 1 }, 'division by zero'],
    ['${a mod 0}', { a: 1 }, 'modulo by zero'],
    ['${s.length}', { s: 'abc' }, "cannot read property 'length' of string 'abc'"],
    ['${a < b}', { a: true, b: false }, 'cannot compare true with false'],
  ])('should report an evaluation error when evaluating %s', (source, variables, error) => {
    // given / when / then
    expect(run(source, variables)).toEqual({ ok: false, error });
  });

  it.each([
    ["${execution.getVariable('x')}", 'method calls are not supported'],
    ['${size(list)}', 'function calls are not supported'],
    ['${fn:length(list)}', 'function calls are not supported'],
    ['${a = 1}', 'assignment is not supported'],
    ['${x -> x + 1}', 'lambda expressions are not supported'],
    ['${a; b}', 'multiple expressions'],
    ['${{1, 2}}', 'set and map literals are not supported'],
    ['${a instanceof b}', 'instanceof is not supported'],
    ['${a +}', 'unexpected end of expression'],
    ['${}', 'empty expression'],
    ['${(a}', "expected ')'"],
    ["${'open}", 'unterminated string'],
    ['${a} and ${b}', 'unexpected'],
    ['${a', 'unterminated JUEL expression'],
    ['${a @ b}', "unexpected character '@'"],
  ])('should reject %s when parsing', (source, message) => {
    // given / when
    const error = parseError(source);
    // then
    expect(error).toContain(message);
  });
});
