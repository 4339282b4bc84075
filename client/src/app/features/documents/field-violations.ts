import { DOCUMENT_RULES, type DocumentRule, type DocumentRuleViolation } from '@liuzhuan/contracts';

/** A broken rule of the 条例 (libs/contracts document-rules), on the form field it belongs to. */
export interface FieldViolation {
  field: string;
  rule: DocumentRule | string;
  message: string;
}

/** `registration.leadDept` → `leadDept`, `attachmentNotes.1` → `attachmentNotes`: the form's field names. */
function formField(path: readonly string[]): string {
  return path.filter((part) => part !== 'registration' && !/^\d+$/.test(part))[0] ?? '';
}

/** The contracts' rule violations (the same the server checks) on the form's fields. */
export function formViolations(violations: readonly DocumentRuleViolation[]): FieldViolation[] {
  return violations.map((v) => ({ field: formField(v.field.split('.')), rule: v.rule, message: v.message }));
}

/**
 * The server's `details` of a DOCUMENT_RULE_VIOLATION (or a 400's field issues) on the form's
 * field names: `registration.leadDept` → `leadDept`, `mainRecipients.1` → `mainRecipients`.
 */
export function serverViolations(details: unknown): FieldViolation[] {
  const list = Array.isArray(details)
    ? details
    : Array.isArray((details as { issues?: unknown })?.issues)
      ? (details as { issues: unknown[] }).issues
      : [];
  return list.flatMap((item): FieldViolation[] => {
    if (typeof item !== 'object' || item === null) return [];
    const d = item as { field?: unknown; path?: unknown; rule?: unknown; code?: unknown; message?: unknown };
    const path = typeof d.field === 'string' ? d.field.split('.') : Array.isArray(d.path) ? d.path.map(String) : [];
    const rule = typeof d.rule === 'string' ? d.rule : typeof d.code === 'string' ? d.code : '';
    const known = (DOCUMENT_RULES as Record<string, string>)[rule];
    const message = known ?? (typeof d.message === 'string' ? d.message : rule);
    return message ? [{ field: formField(path), rule, message }] : [];
  });
}

/** `报告.pdf` → `报告`: the attachment's name as the 附件说明 lists it. */
export function attachmentName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot > 0 ? fileName.slice(0, dot) : fileName).trim();
}
