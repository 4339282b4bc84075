import {
  DOC_TYPE_NAMES,
  DOCUMENT_RULES,
  ORG_CODE_PATTERN,
  parseDocNumber,
  type Disclosure,
  type DocTypeCode,
  type DocumentRule,
  type DocumentRuleViolation,
  type IncomingRegistrationInput,
  type SecrecyPeriod,
  type SecretLevel,
  type Urgency,
} from './documents';

/**
 * The rules of the 党政机关公文处理工作条例 (2012) and GB/T 9704-2012 a document is checked
 * against, in one place: the server refuses a document that breaks one (a 422 naming every
 * field), the client tells the clerk before sending. Pure functions of the document's elements.
 */

/** 上行文 (报告, 请示, 议案): they name their 签发人 (条例 第九条（六）; GB/T 9704 §7.2.6). */
export const UPWARD_TYPES: readonly DocTypeCode[] = ['GW10', 'GW11', 'GW13'];
/** Types whose 主送 may be empty (决议, 命令, 公报, 公告, 通告, 纪要: published or recorded, not addressed). */
const NO_RECIPIENT_TYPES: readonly DocTypeCode[] = ['GW01', 'GW03', 'GW04', 'GW05', 'GW06', 'GW15'];
/** Longest 保密期限 in years per 密级 (保守国家秘密法: 绝密 30, 机密 20, 秘密 10). */
const MAX_SECRECY_YEARS: Record<Exclude<SecretLevel, 'NONE'>, number> = { SECRET: 10, CONFIDENTIAL: 20, TOP_SECRET: 30 };
/** GB/T 9704 §7.3.4 (附件说明): no punctuation after an attachment's name. */
const TRAILING_PUNCTUATION = /[。，、；：！？.,;:!?…—\-·]$/u;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `draft`: while written or registered; `issue`: at 发文登记, when the number is allocated. */
export type RuleStage = 'draft' | 'issue';

/** The elements the rules read; a form that does not have an element leaves it out. */
export interface DocumentRuleInput {
  direction: 'incoming' | 'outgoing';
  /** null while a form has no 文种 yet: the rules that depend on it wait */
  docType: DocTypeCode | null;
  title: string;
  secretLevel: SecretLevel;
  secrecyPeriod: SecrecyPeriod | null;
  mainRecipients: readonly string[];
  signers: readonly string[];
  attachmentNotes?: readonly string[];
  disclosure?: Disclosure;
  disclosureReason?: string | null;
  writtenDate?: string | null;
  orgCode?: string | null;
}

/** What the 收文登记 rules read. */
export type RegistrationRuleInput = Pick<
  IncomingRegistrationInput,
  'sourceDocNumber' | 'signedForAt' | 'timeLimitWorkdays' | 'leadDept' | 'assistDepts'
>;

/** 标题 = 发文机关 + 事由 + 文种 (GB/T 9704 §7.3.1): it ends with the 文种 name; a 命令 may be titled …令. */
export function titleMatchesType(title: string, docType: DocTypeCode): boolean {
  const text = title.trim();
  return text.endsWith(DOC_TYPE_NAMES[docType]) || (docType === 'GW03' && text.endsWith('令'));
}

/** Every rule the document's elements break at this stage, each on its field (`attachmentNotes.1`). */
export function checkDocument(doc: DocumentRuleInput, stage: RuleStage): DocumentRuleViolation[] {
  const out: DocumentRuleViolation[] = [];
  const add = (field: string, rule: DocumentRule) => out.push({ field, rule, message: DOCUMENT_RULES[rule] });
  const { docType } = doc;
  if (docType && doc.title.trim() && !titleMatchesType(doc.title, docType)) add('title', 'TITLE_DOC_TYPE');
  // 请示: one matter, one 主送 (条例 第十五条)
  if (docType === 'GW11' && doc.mainRecipients.length !== 1) add('mainRecipients', 'REQUEST_ONE_MAIN_RECIPIENT');
  // 上行文应当标注签发人姓名 (条例 第九条（六）): a received one carries it; a draft gets it at 签发
  // (条例 第二十二条), so an outgoing one needs it from 发文登记 on
  if (docType && UPWARD_TYPES.includes(docType) && doc.signers.length === 0 && (doc.direction === 'incoming' || stage === 'issue'))
    add('signers', 'SIGNER_REQUIRED');
  if (stage === 'issue' && docType && !NO_RECIPIENT_TYPES.includes(docType) && doc.mainRecipients.length === 0)
    add('mainRecipients', 'MAIN_RECIPIENT_REQUIRED');
  (doc.attachmentNotes ?? []).forEach((name, i) => {
    if (TRAILING_PUNCTUATION.test(name.trim())) add(`attachmentNotes.${i}`, 'ATTACHMENT_NAME_PUNCTUATION');
  });
  if (doc.secretLevel === 'NONE') {
    if (doc.secrecyPeriod) add('secrecyPeriod', 'SECRECY_PERIOD_WITHOUT_LEVEL');
  } else {
    if (!doc.secrecyPeriod) add('secrecyPeriod', 'SECRECY_PERIOD_REQUIRED');
    else if ('value' in doc.secrecyPeriod && periodYears(doc.secrecyPeriod) > MAX_SECRECY_YEARS[doc.secretLevel])
      add('secrecyPeriod', 'SECRECY_PERIOD_TOO_LONG');
    // a classified document is declassified before any publication (条例 第三十一条)
    if (doc.disclosure === 'ACTIVE' || doc.disclosure === 'REDACTED_PUBLIC') add('disclosure', 'CLASSIFIED_DISCLOSURE');
  }
  if (doc.disclosure === 'NOT_PUBLIC' && !doc.disclosureReason?.trim()) add('disclosureReason', 'DISCLOSURE_REASON_REQUIRED');
  if (doc.writtenDate && !isRealDate(doc.writtenDate)) add('writtenDate', 'WRITTEN_DATE_INVALID');
  if (doc.orgCode && !ORG_CODE_PATTERN.test(doc.orgCode)) add('orgCode', 'ORG_CODE_FORMAT');
  return out;
}

/** 收文登记 rules (条例 第二十四条); fields are under `registration.`. */
export function checkRegistration(
  doc: { urgency: Urgency },
  reg: RegistrationRuleInput | undefined,
  direction: 'incoming' | 'outgoing',
): DocumentRuleViolation[] {
  const out: DocumentRuleViolation[] = [];
  const add = (field: string, rule: DocumentRule) => out.push({ field, rule, message: DOCUMENT_RULES[rule] });
  if (direction === 'outgoing') {
    if (reg) add('registration', 'REGISTRATION_NOT_ALLOWED');
    return out;
  }
  if (!reg) {
    add('registration', 'REGISTRATION_REQUIRED');
    return out;
  }
  if (reg.sourceDocNumber && !parseDocNumber(reg.sourceDocNumber)) add('registration.sourceDocNumber', 'DOC_NUMBER_FORMAT');
  // with an offset: a bare wall-clock time would be read in the server's time zone
  if (!INSTANT.test(reg.signedForAt) || !isRealDate(reg.signedForAt.slice(0, 10)) || Number.isNaN(Date.parse(reg.signedForAt)))
    add('registration.signedForAt', 'SIGNED_FOR_AT_INVALID');
  // urgent documents have a 办理时限; two or more departments name the 主办 (条例 第二十四条 承办)
  if (doc.urgency !== 'NONE' && reg.timeLimitWorkdays === null) add('registration.timeLimitWorkdays', 'TIME_LIMIT_REQUIRED');
  if (reg.assistDepts.length > 0 && !reg.leadDept) add('registration.leadDept', 'LEAD_DEPT_REQUIRED');
  return out;
}

function periodYears(p: { value: number; unit: 'YEAR' | 'MONTH' | 'DAY' }): number {
  return p.unit === 'YEAR' ? p.value : p.unit === 'MONTH' ? p.value / 12 : p.value / 365;
}

function isRealDate(day: string): boolean {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
}
