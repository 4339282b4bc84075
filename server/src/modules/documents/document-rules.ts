import {
  DOC_TYPE_NAMES,
  DOCUMENT_RULES,
  type DocumentFields,
  type DocumentRule,
  type DocumentRuleViolation,
  type IncomingRegistrationInput,
  ORG_CODE_PATTERN,
  parseDocNumber,
} from '@liuzhuan/contracts';
import { sm3Hex } from '../../platform/crypto/sm3';

/**
 * The rules of the 党政机关公文处理工作条例 (2012) and GB/T 9704-2012 a document is checked
 * against. Pure: the service turns the violations into one 422 with every field named.
 */

/** 上行文 that carry a 签发人 (GB/T 9704 §7.2.5; 条例 第十六条). */
const UPWARD_TYPES = new Set(['GW10', 'GW11', 'GW13']);
/** Types whose 主送 may be empty (决议, 命令, 公报, 公告, 通告, 纪要: published or recorded, not addressed). */
const NO_RECIPIENT_TYPES = new Set(['GW01', 'GW03', 'GW04', 'GW05', 'GW06', 'GW15']);
/** Longest 保密期限 in years per 密级 (保守国家秘密法: 绝密 30, 机密 20, 秘密 10). */
const MAX_SECRECY_YEARS: Record<string, number> = { SECRET: 10, CONFIDENTIAL: 20, TOP_SECRET: 30 };
/** GB/T 9704 §7.3.5: no punctuation after an attachment's name. */
const TRAILING_PUNCTUATION = /[。，、；：！？.,;:!?…—\-·]$/u;

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `draft`: while written or registered; `issue`: at 发文登记, when the number is allocated. */
export type RuleStage = 'draft' | 'issue';

export function checkDocument(doc: DocumentFields & { direction: 'incoming' | 'outgoing' }, stage: RuleStage): DocumentRuleViolation[] {
  const out: DocumentRuleViolation[] = [];
  const add = (field: string, rule: DocumentRule) => out.push({ field, rule, message: DOCUMENT_RULES[rule] });
  const typeName = DOC_TYPE_NAMES[doc.docType];
  // 标题 = 发文机关 + 事由 + 文种 (GB/T 9704 §7.3.1); 命令 may be titled …令
  const endings = doc.docType === 'GW03' ? ['命令', '令'] : [typeName];
  if (!endings.some((e) => doc.title.endsWith(e))) add('title', 'TITLE_DOC_TYPE');
  // 请示: one matter, one 主送 (条例 第十五条)
  if (doc.docType === 'GW11' && doc.mainRecipients.length !== 1) add('mainRecipients', 'REQUEST_ONE_MAIN_RECIPIENT');
  // an incoming 上行文 carries its 签发人; an outgoing one has it from 签发 on, so from registration
  if (UPWARD_TYPES.has(doc.docType) && doc.signers.length === 0 && (doc.direction === 'incoming' || stage === 'issue'))
    add('signers', 'SIGNER_REQUIRED');
  if (stage === 'issue' && !NO_RECIPIENT_TYPES.has(doc.docType) && doc.mainRecipients.length === 0)
    add('mainRecipients', 'MAIN_RECIPIENT_REQUIRED');
  doc.attachmentNotes.forEach((name, i) => {
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
  if (doc.writtenDate !== null && !isRealDate(doc.writtenDate)) add('writtenDate', 'WRITTEN_DATE_INVALID');
  if (doc.orgCode !== null && doc.orgCode !== '' && !ORG_CODE_PATTERN.test(doc.orgCode)) add('orgCode', 'ORG_CODE_FORMAT');
  return out;
}

/** 收文登记 rules (条例 第二十四条). */
export function checkRegistration(
  doc: Pick<DocumentFields, 'urgency'>,
  reg: IncomingRegistrationInput | undefined,
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

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SM3 of the canonical JSON of a document version. */
export function versionDigest(content: unknown): string {
  return sm3Hex(canonicalJson(content));
}
