// Compile-time parsing of expressions, value templates and timers, each failure reported as a
// diagnostic naming the element.
import { parseExpression, type ParsedExpression } from '../execute/expression';
import { isExpressionText, parseTimer } from '../execute/time';
import type { TimerSpec, ValueTemplate } from '../model/process.model';
import type { DiagnosticSink } from './diagnostic';

export class ExpressionCompiler {
  constructor(
    private readonly sink: DiagnosticSink,
    private executable: boolean,
    // bpmn:definitions expressionLanguage, the default for formal expressions without their own.
    private readonly defaultLanguage?: string,
  ) {}

  expression(source: string, elementId: string, language?: string): ParsedExpression | undefined {
    return this.parse(source, elementId, language, this.executable);
  }

  // A formal expression (condition, cardinality): the definitions' language applies when it has none.
  formal(source: string, elementId: string, language?: string): ParsedExpression | undefined {
    // Camunda and Flowable read `${…}` as JUEL even when the definitions declare XPath.
    const juel = /^\s*[$#]\{/.test(source);
    return this.parse(source, elementId, language ?? (juel ? undefined : this.defaultLanguage), this.executable);
  }

  // A template for a task hint that does not steer the token (the due date): one we cannot
  // evaluate is dropped with a warning, since it would not change execution.
  hintTemplate(text: string | undefined, elementId: string): ValueTemplate | undefined {
    if (text === undefined) return undefined;
    const strict = this.executable;
    this.executable = false;
    const before = this.sink.items.length;
    const result = this.template(text, elementId);
    this.executable = strict;
    if (!result && this.sink.items.length > before) {
      const last = this.sink.items.pop()!;
      this.sink.warning(last.code as never, elementId, `${last.message} The value is ignored.`);
    }
    return result;
  }

  private parse(source: string, elementId: string, language: string | undefined, strict: boolean): ParsedExpression | undefined {
    const result = parseExpression(source, language ? { language } : undefined);
    if (result.ok) return result.expression;
    const code = /language/i.test(result.error) ? 'BPMN_SCRIPT_LANGUAGE' : 'BPMN_EXPRESSION_INVALID';
    this.sink.executionError(strict, code, elementId, `Invalid expression "${clip(source)}": ${result.error}.`);
    return undefined;
  }

  // `kermit`, `${initiator}`, `kermit_${loopCounter}` or `=assignee`.
  template(text: string | undefined, elementId: string): ValueTemplate | undefined {
    if (text === undefined) return undefined;
    if (text.startsWith('=')) {
      const e = this.expression(text, elementId);
      return e ? [e] : undefined;
    }
    const parts: (string | ParsedExpression)[] = [];
    const pattern = /[$#]\{[^}]*\}/g;
    let last = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m.index > last) parts.push(text.slice(last, m.index));
      const e = this.expression(m[0], elementId);
      if (!e) return undefined;
      parts.push(e);
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    return parts;
  }

  timer(source: TimerSpec['source'], text: string, elementId: string): TimerSpec | undefined {
    if (source === 'workdays') {
      const n = Number(text);
      if (Number.isFinite(n) && n >= 0) return { source, text, timer: { kind: 'workdays', workdays: n } };
      const e = isExpressionText(text) ? this.expression(text, elementId) : undefined;
      if (e) return { source, text, expression: e };
      this.sink.executionError(this.executable, 'BPMN_TIMER_INVALID', elementId, `Invalid oa:dueWorkdays "${clip(text)}".`);
      return undefined;
    }
    if (isExpressionText(text)) {
      const e = this.expression(text, elementId);
      return e ? { source, text, expression: e } : undefined;
    }
    const parsed = parseTimer(source, text);
    if (parsed.ok) return { source, text, timer: parsed.timer };
    this.sink.executionError(
      this.executable,
      'BPMN_TIMER_INVALID',
      elementId,
      `Invalid ${source} "${clip(text)}": ${parsed.error}.`,
    );
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
