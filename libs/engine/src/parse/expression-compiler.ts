// Compile-time parsing of expressions, value templates and timers, each failure reported as a
// diagnostic naming the element.
import { parseExpression, type ParsedExpression } from '../execute/expression';
import { REGEX_REFUSED } from '../execute/expression/feel-regex';
import { isExpressionText, parseTimer } from '../execute/time';
import type { TimerSpec, ValueTemplate } from '../model/process.model';
import type { DiagnosticSink } from './diagnostic';

type Severity = 'error' | 'warning';

export class ExpressionCompiler {
  // Execution-relevant failures are errors only in an executable process.
  private readonly severity: Severity;

  constructor(
    private readonly sink: DiagnosticSink,
    executable: boolean,
    // bpmn:definitions expressionLanguage, the default for formal expressions without their own.
    private readonly defaultLanguage?: string,
  ) {
    this.severity = executable ? 'error' : 'warning';
  }

  expression(source: string, elementId: string, language?: string): ParsedExpression | undefined {
    return this.parse(source, elementId, language, this.severity, '');
  }

  // A formal expression (condition, cardinality): the definitions' language applies when it has none.
  formal(source: string, elementId: string, language?: string): ParsedExpression | undefined {
    // Camunda and Flowable read `${…}` as JUEL even when the definitions declare XPath.
    const juel = /^\s*[$#]\{/.test(source);
    return this.parse(source, elementId, language ?? (juel ? undefined : this.defaultLanguage), this.severity, '');
  }

  // `kermit`, `${initiator}`, `kermit_${loopCounter}` or `=assignee`.
  template(text: string | undefined, elementId: string): ValueTemplate | undefined {
    return this.templateAt(text, elementId, this.severity, '');
  }

  // A template for a task hint that does not steer the token (the due date): one we cannot
  // evaluate is dropped with a warning, since it would not change execution.
  hintTemplate(text: string | undefined, elementId: string): ValueTemplate | undefined {
    return this.templateAt(text, elementId, 'warning', ' The value is ignored.');
  }

  private templateAt(text: string | undefined, elementId: string, severity: Severity, note: string): ValueTemplate | undefined {
    if (text === undefined) return undefined;
    if (text.startsWith('=')) {
      const e = this.parse(text, elementId, undefined, severity, note);
      return e ? [e] : undefined;
    }
    const parts: (string | ParsedExpression)[] = [];
    const pattern = /[$#]\{[^}]*\}/g;
    let last = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m.index > last) parts.push(text.slice(last, m.index));
      const e = this.parse(m[0], elementId, undefined, severity, note);
      if (!e) return undefined;
      parts.push(e);
      last = m.index + m[0].length;
    }
    if (last < text.length) parts.push(text.slice(last));
    return parts;
  }

  private parse(
    source: string,
    elementId: string,
    language: string | undefined,
    severity: Severity,
    note: string,
  ): ParsedExpression | undefined {
    const result = parseExpression(source, language ? { language } : undefined);
    if (result.ok) return result.expression;
    const code = /language/i.test(result.error)
      ? 'BPMN_SCRIPT_LANGUAGE'
      : result.error.includes(REGEX_REFUSED)
        ? 'BPMN_EXPRESSION_REGEX'
        : 'BPMN_EXPRESSION_INVALID';
    this.sink[severity](code, elementId, `Invalid expression "${clip(source)}": ${result.error}.${note}`);
    return undefined;
  }

  timer(source: TimerSpec['source'], text: string, elementId: string): TimerSpec | undefined {
    if (source === 'workdays') {
      const n = Number(text);
      if (Number.isFinite(n) && n >= 0) return { source, text, timer: { kind: 'workdays', workdays: n } };
      const e = isExpressionText(text) ? this.expression(text, elementId) : undefined;
      if (e) return { source, text, expression: e };
      this.sink[this.severity]('BPMN_TIMER_INVALID', elementId, `Invalid oa:dueWorkdays "${clip(text)}".`);
      return undefined;
    }
    if (isExpressionText(text)) {
      const e = this.expression(text, elementId);
      return e ? { source, text, expression: e } : undefined;
    }
    const parsed = parseTimer(source, text);
    if (parsed.ok) return { source, text, timer: parsed.timer };
    this.sink[this.severity]('BPMN_TIMER_INVALID', elementId, `Invalid ${source} "${clip(text)}": ${parsed.error}.`);
    return undefined;
  }
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
