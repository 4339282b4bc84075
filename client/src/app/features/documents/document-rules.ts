import {
  DOCUMENT_RULES,
  parseDocNumber,
  DOC_TYPE_NAMES,
  type DocTypeCode,
  type Disclosure,
  type DocumentRule,
  type SecrecyPeriod,
  type SecretLevel,
} from '@liuzhuan/contracts';

/** A broken rule of the 条例, on the form field it belongs to. */
export interface FieldViolation {
  field: string;
  rule: DocumentRule | string;
  message: string;
}

/** What the 条例 checks need from either form; fields a form does not have are left out. */
export interface RuleInput {
  direction: 'incoming' | 'outgoing';
  docType: DocTypeCode | null;
  title: string;
  secretLevel: SecretLevel;
  secrecyPeriod: SecrecyPeriod | null;
  urgency: string;
  mainRecipients?: readonly string[];
  signers?: readonly string[];
  disclosure?: Disclosure;
  disclosureReason?: string | null;
  attachmentNames?: readonly string[];
  sourceDocNumber?: string | null;
  timeLimitWorkdays?: number | null;
  leadDept?: string | null;
  assistDepts?: readonly string[];
}

/** 上行文 that must name their 签发人 (条例 第二十二条; GB/T 9704 §7.2.4). */
export const UPWARD_TYPES: readonly DocTypeCode[] = ['GW10', 'GW11', 'GW13'];
/** 保守国家秘密法: 绝密 ≤ 30, 机密 ≤ 20, 秘密 ≤ 10 years. */
const MAX_YEARS: Record<Exclude<SecretLevel, 'NONE'>, number> = { TOP_SECRET: 30, CONFIDENTIAL: 20, SECRET: 10 };
const TRAILING_PUNCTUATION = /[。，、；：！？.,;:!?…]$/u;

function violation(field: string, rule: DocumentRule): FieldViolation {
  return { field, rule, message: DOCUMENT_RULES[rule] };
}

function periodInYears(period: { value: number; unit: 'YEAR' | 'MONTH' | 'DAY' }): number {
  if (period.unit === 'YEAR') return period.value;
  if (period.unit === 'MONTH') return period.value / 12;
  return period.value / 365;
}

/** The title ends with the 文种 name; a 命令 may also be titled …令. */
export function titleMatchesType(title: string, docType: DocTypeCode): boolean {
  const text = title.trim();
  return text.endsWith(DOC_TYPE_NAMES[docType]) || (docType === 'GW03' && text.endsWith('令'));
}

/**
 * The 条例 rules the clerk can be told about before sending (the server checks them again and
 * its `details` are shown the same way): the same codes and texts as the server's DOCUMENT_RULES.
 */
export function documentViolations(input: RuleInput): FieldViolation[] {
  const found: FieldViolation[] = [];
  const { docType } = input;
  if (docType && input.title.trim() && !titleMatchesType(input.title, docType)) found.push(violation('title', 'TITLE_DOC_TYPE'));

  // As the server checks a registration or a draft (条例 第十五条): a 请示 has exactly one 主送机关;
  // a received 上行文 names its 签发人. Drafts need 签发人 and 主送 only when they are issued.
  if (docType === 'GW11' && (input.mainRecipients ?? []).length !== 1)
    found.push(violation('mainRecipients', 'REQUEST_ONE_MAIN_RECIPIENT'));
  if (input.direction === 'incoming' && docType && UPWARD_TYPES.includes(docType) && (input.signers ?? []).length === 0) {
    found.push(violation('signers', 'SIGNER_REQUIRED'));
  }

  if (input.secretLevel === 'NONE') {
    if (input.secrecyPeriod) found.push(violation('secrecyPeriod', 'SECRECY_PERIOD_WITHOUT_LEVEL'));
  } else {
    const period = input.secrecyPeriod;
    if (!period) found.push(violation('secrecyPeriod', 'SECRECY_PERIOD_REQUIRED'));
    else if ('value' in period && periodInYears(period) > MAX_YEARS[input.secretLevel])
      found.push(violation('secrecyPeriod', 'SECRECY_PERIOD_TOO_LONG'));
    if (input.disclosure === 'ACTIVE' || input.disclosure === 'REDACTED_PUBLIC')
      found.push(violation('disclosure', 'CLASSIFIED_DISCLOSURE'));
  }
  if (input.disclosure === 'NOT_PUBLIC' && !input.disclosureReason?.trim())
    found.push(violation('disclosureReason', 'DISCLOSURE_REASON_REQUIRED'));

  if ((input.attachmentNames ?? []).some((name) => TRAILING_PUNCTUATION.test(name.trim()))) {
    found.push(violation('attachments', 'ATTACHMENT_NAME_PUNCTUATION'));
  }

  if (input.direction === 'incoming') {
    if (input.sourceDocNumber?.trim() && !parseDocNumber(input.sourceDocNumber.trim()))
      found.push(violation('sourceDocNumber', 'DOC_NUMBER_FORMAT'));
    if (input.urgency !== 'NONE' && !input.timeLimitWorkdays) found.push(violation('timeLimitWorkdays', 'TIME_LIMIT_REQUIRED'));
    if ((input.assistDepts ?? []).length > 0 && !input.leadDept) found.push(violation('leadDept', 'LEAD_DEPT_REQUIRED'));
  }
  return found;
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
    const named = path.filter((part) => part !== 'registration' && !/^\d+$/.test(part));
    const rule = typeof d.rule === 'string' ? d.rule : typeof d.code === 'string' ? d.code : '';
    const known = (DOCUMENT_RULES as Record<string, string>)[rule];
    const message = known ?? (typeof d.message === 'string' ? d.message : rule);
    return message ? [{ field: named[0] ?? '', rule, message }] : [];
  });
}

/** `报告.pdf` → `报告`: the attachment's name as the 附件说明 lists it. */
export function attachmentName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return (dot > 0 ? fileName.slice(0, dot) : fileName).trim();
}
