/** One finding of compile(): errors block deployment, warnings do not. */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** Stable code, e.g. BPMN_DOCTYPE, BPMN_DANGLING_REFERENCE, BPMN_UNSUPPORTED_ELEMENT. */
  readonly code: string;
  readonly elementId: string | null;
  /** English message for administrators. */
  readonly message: string;
}

export type DiagnosticCode =
  | 'BPMN_NOT_XML'
  | 'BPMN_DOCTYPE'
  | 'BPMN_TOO_LARGE'
  | 'BPMN_TOO_DEEP'
  | 'BPMN_PARSE'
  | 'BPMN_UNKNOWN_ELEMENT'
  | 'BPMN_UNKNOWN_ATTRIBUTE'
  | 'BPMN_ENCODING'
  | 'BPMN_DANGLING_REFERENCE'
  | 'BPMN_DUPLICATE_ID'
  | 'BPMN_MISSING_ID'
  | 'BPMN_UNSUPPORTED_ELEMENT'
  | 'BPMN_SCRIPT_LANGUAGE'
  | 'BPMN_EXPRESSION_INVALID'
  /** a FEEL regular expression RE2 cannot run in linear time (back-references, lookaround) or cannot parse */
  | 'BPMN_EXPRESSION_REGEX'
  | 'BPMN_TIMER_INVALID'
  | 'BPMN_NO_START'
  | 'BPMN_STRUCTURE'
  | 'BPMN_NO_PROCESS'
  | 'BPMN_IGNORED_EXTENSION'
  | 'BPMN_ASSIGNEE_SOURCE'
  | 'BPMN_ASSIGNEE_UNCHECKED'
  | 'BPMN_STARTERS_INVALID';

export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  error(code: DiagnosticCode, elementId: string | null, message: string): void {
    this.items.push({ severity: 'error', code, elementId, message });
  }

  warning(code: DiagnosticCode, elementId: string | null, message: string): void {
    this.items.push({ severity: 'warning', code, elementId, message });
  }

  /** In a non-executable process, findings that only matter for execution become warnings. */
  executionError(executable: boolean, code: DiagnosticCode, elementId: string | null, message: string): void {
    if (executable) this.error(code, elementId, message);
    else this.warning(code, elementId, message);
  }
}
