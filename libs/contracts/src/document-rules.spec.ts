import { DOCUMENT_DEFAULTS, type DocumentFields, type IncomingRegistrationInput } from './documents';
import { checkDocument, checkRegistration, titleMatchesType } from './document-rules';

const doc = (over: Partial<DocumentFields> = {}, direction: 'incoming' | 'outgoing' = 'outgoing') => ({
  ...DOCUMENT_DEFAULTS,
  docType: 'GW08' as const,
  title: '安康市人民政府关于做好2026年国庆节期间值班工作的通知',
  mainRecipients: ['市政府各部门'],
  ...over,
  direction,
});
const rules = (over: Partial<DocumentFields>, stage: 'draft' | 'issue' = 'draft', direction: 'incoming' | 'outgoing' = 'outgoing') =>
  checkDocument(doc(over, direction), stage).map((v) => `${v.field}:${v.rule}`);

const registration = (over: Partial<IncomingRegistrationInput> = {}): IncomingRegistrationInput => ({
  sourceOrg: '陕西省人民政府办公厅',
  sourceDocNumber: '陕政办发〔2026〕3号',
  signedForAt: '2026-03-02T09:15:00+08:00',
  channel: 'EXCHANGE',
  handlingType: 'ACT',
  copies: 1,
  timeLimitWorkdays: null,
  leadDept: null,
  assistDepts: [],
  ...over,
});

describe('document rules of the 党政机关公文处理工作条例', () => {
  it('should accept a well-formed 通知', () => {
    expect(rules({})).toEqual([]);
    expect(rules({}, 'issue')).toEqual([]);
  });

  it('should require the title to end with the 文种 name', () => {
    expect(rules({ title: '关于做好值班工作的安排' })).toEqual(['title:TITLE_DOC_TYPE']);
    expect(rules({ docType: 'GW14', title: '关于商请支持的函' })).toEqual([]);
    expect(rules({ docType: 'GW03', title: '安康市人民政府令', mainRecipients: [] })).toEqual([]);
  });

  it('should wait for the 文种 when a form has none yet, and not judge an empty title', () => {
    // Given a form before the clerk picked a 文种, and one with no title yet
    const base = { ...DOCUMENT_DEFAULTS, direction: 'outgoing' as const, title: '关于值班的安排', mainRecipients: [] };
    // When checked, then no type rule fires
    expect(checkDocument({ ...base, docType: null }, 'issue')).toEqual([]);
    expect(checkDocument({ ...base, docType: 'GW08', title: ' ' }, 'draft')).toEqual([]);
    expect(titleMatchesType('国务院令', 'GW03')).toBe(true);
  });

  it('should give a 请示 exactly one main recipient', () => {
    const request = { docType: 'GW11' as const, title: '关于申请专项资金的请示', signers: ['吴国强'] };
    expect(rules({ ...request, mainRecipients: ['省政府', '省财政厅'] })).toEqual(['mainRecipients:REQUEST_ONE_MAIN_RECIPIENT']);
    expect(rules({ ...request, mainRecipients: [] })).toEqual(['mainRecipients:REQUEST_ONE_MAIN_RECIPIENT']);
    expect(rules({ ...request, mainRecipients: ['省政府'] })).toEqual([]);
  });

  it('should require a 签发人 on 上行文 from registration on, and at once on an incoming one', () => {
    const report = { docType: 'GW10' as const, title: '关于一季度工作情况的报告', mainRecipients: ['省政府'] };
    expect(rules(report, 'draft')).toEqual([]);
    expect(rules(report, 'issue')).toEqual(['signers:SIGNER_REQUIRED']);
    expect(rules(report, 'draft', 'incoming')).toEqual(['signers:SIGNER_REQUIRED']);
    expect(rules({ ...report, signers: ['吴国强'] }, 'issue')).toEqual([]);
  });

  it('should require a main recipient at registration except for published types', () => {
    expect(rules({ mainRecipients: [] }, 'issue')).toEqual(['mainRecipients:MAIN_RECIPIENT_REQUIRED']);
    expect(rules({ docType: 'GW05', title: '安康市人民政府公告', mainRecipients: [] }, 'issue')).toEqual([]);
  });

  it('should refuse punctuation after an attachment name', () => {
    expect(rules({ attachmentNotes: ['值班安排表', '联系方式。', '名单；'] })).toEqual([
      'attachmentNotes.1:ATTACHMENT_NAME_PUNCTUATION',
      'attachmentNotes.2:ATTACHMENT_NAME_PUNCTUATION',
    ]);
  });

  it('should bound the 保密期限 by the 密级 and require it on classified documents', () => {
    expect(rules({ secretLevel: 'SECRET' })).toEqual(['secrecyPeriod:SECRECY_PERIOD_REQUIRED']);
    expect(rules({ secretLevel: 'SECRET', secrecyPeriod: { value: 11, unit: 'YEAR' } })).toEqual(['secrecyPeriod:SECRECY_PERIOD_TOO_LONG']);
    expect(rules({ secretLevel: 'CONFIDENTIAL', secrecyPeriod: { value: 20, unit: 'YEAR' } })).toEqual([]);
    expect(rules({ secretLevel: 'TOP_SECRET', secrecyPeriod: { value: 361, unit: 'MONTH' } })).toEqual([
      'secrecyPeriod:SECRECY_PERIOD_TOO_LONG',
    ]);
    expect(rules({ secretLevel: 'TOP_SECRET', secrecyPeriod: { condition: '项目验收后解密' } })).toEqual([]);
    expect(rules({ secrecyPeriod: { value: 1, unit: 'YEAR' } })).toEqual(['secrecyPeriod:SECRECY_PERIOD_WITHOUT_LEVEL']);
  });

  it('should never let a classified document be published and want a reason for 不予公开', () => {
    expect(rules({ secretLevel: 'SECRET', secrecyPeriod: { value: 1, unit: 'YEAR' }, disclosure: 'ACTIVE' })).toEqual([
      'disclosure:CLASSIFIED_DISCLOSURE',
    ]);
    expect(rules({ disclosure: 'NOT_PUBLIC' })).toEqual(['disclosureReason:DISCLOSURE_REASON_REQUIRED']);
    expect(rules({ disclosure: 'NOT_PUBLIC', disclosureReason: '涉及个人隐私' })).toEqual([]);
  });

  it('should refuse an impossible 成文日期 and a 机关代字 with digits or brackets', () => {
    expect(rules({ writtenDate: '2026-02-30' })).toEqual(['writtenDate:WRITTEN_DATE_INVALID']);
    expect(rules({ orgCode: '安政发〔' })).toEqual(['orgCode:ORG_CODE_FORMAT']);
  });

  it('should check the 收文登记: 来文字号 form, a time limit on urgent documents, a 主办 among several departments', () => {
    const urgent = { urgency: 'URGENT' as const };
    const check = (r: IncomingRegistrationInput | undefined, u = { urgency: 'NONE' as const } as Pick<DocumentFields, 'urgency'>) =>
      checkRegistration(u, r, 'incoming').map((v) => `${v.field}:${v.rule}`);
    expect(check(registration())).toEqual([]);
    expect(check(undefined)).toEqual(['registration:REGISTRATION_REQUIRED']);
    expect(check(registration({ sourceDocNumber: '陕政办发[2026]3号' }))).toEqual(['registration.sourceDocNumber:DOC_NUMBER_FORMAT']);
    expect(check(registration(), urgent)).toEqual(['registration.timeLimitWorkdays:TIME_LIMIT_REQUIRED']);
    expect(check(registration({ timeLimitWorkdays: 3 }), urgent)).toEqual([]);
    expect(check(registration({ assistDepts: ['x'] }))).toEqual(['registration.leadDept:LEAD_DEPT_REQUIRED']);
    expect(check(registration({ signedForAt: 'yesterday' }))).toEqual(['registration.signedForAt:SIGNED_FOR_AT_INVALID']);
    expect(check(registration({ signedForAt: '2026-03-02T09:15' }))).toEqual(['registration.signedForAt:SIGNED_FOR_AT_INVALID']);
    expect(check(registration({ signedForAt: '2026-02-30T09:15+08:00' }))).toEqual(['registration.signedForAt:SIGNED_FOR_AT_INVALID']);
    expect(check(registration({ signedForAt: '2026-03-02T01:15:00.000Z' }))).toEqual([]);
    expect(checkRegistration({ urgency: 'NONE' }, registration(), 'outgoing').map((v) => v.rule)).toEqual(['REGISTRATION_NOT_ALLOWED']);
  });
});
