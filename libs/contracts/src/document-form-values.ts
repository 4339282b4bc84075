import type { DocumentFields, OfficialDocument } from './documents';

/**
 * How the steps' forms (workflows/*\/*.form) name the document's elements. A step's form opens
 * filled from the document (`documentFormValues`), and what a 发文 step's form changes is written
 * back to the document when the step is completed (`documentChangesOf`). 密级 is shown but changes
 * only through 变更密级; 发文字号 and 成文日期 are shown but set by the 登记 and 签发 steps.
 */
const LIST_SEPARATOR = /[、，,；;\n]+/;

/** The form values the document gives: only elements that hold a value (an empty one never blanks a variable). */
export function documentFormValues(doc: Pick<OfficialDocument, keyof DocumentFields | 'docNumber'>): Record<string, unknown> {
  const values: Record<string, unknown> = {
    title: doc.title,
    docType: doc.docType,
    urgency: doc.urgency,
    secretLevel: doc.secretLevel,
    disclosure: doc.disclosure,
    mainRecipient: doc.mainRecipients.join('、'),
    ccRecipients: doc.ccRecipients.join('、'),
    nonDisclosureReason: doc.disclosureReason,
    docNumber: doc.docNumber,
    issuedOn: doc.writtenDate,
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== ''));
}

/**
 * The elements a completed step's form values change: a value that is missing or blank changes
 * nothing (a form never blanks a registered value); lists are typed as text separated by 、 or ，.
 */
export function documentChangesOf(variables: Record<string, unknown>): Partial<DocumentFields> {
  const text = (key: string) => {
    const v = variables[key];
    return typeof v === 'string' && v.trim() ? v.trim() : undefined;
  };
  const list = (key: string) => {
    const v = variables[key];
    const items = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(LIST_SEPARATOR) : [];
    const names = items.map((s) => s.trim()).filter(Boolean);
    return names.length ? names : undefined;
  };
  const changes: Partial<DocumentFields> = {
    title: text('title'),
    docType: text('docType') as DocumentFields['docType'] | undefined,
    urgency: text('urgency') as DocumentFields['urgency'] | undefined,
    disclosure: text('disclosure') as DocumentFields['disclosure'] | undefined,
    disclosureReason: text('nonDisclosureReason'),
    mainRecipients: list('mainRecipient'),
    ccRecipients: list('ccRecipients'),
  };
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<DocumentFields>;
}
