import { attachmentName, documentViolations, serverViolations, titleMatchesType, type RuleInput } from './document-rules';

const outgoing = (change: Partial<RuleInput> = {}): RuleInput => ({
  direction: 'outgoing',
  docType: 'GW08',
  title: '安州市人民政府关于做好值班工作的通知',
  secretLevel: 'NONE',
  secrecyPeriod: null,
  urgency: 'NONE',
  mainRecipients: ['市政府各部门'],
  signers: [],
  disclosure: 'ACTIVE',
  disclosureReason: null,
  ...change,
});
const rules = (input: RuleInput) => documentViolations(input).map((v) => `${v.field}:${v.rule}`);

describe('documentViolations', () => {
  it('should find nothing when a 通知 follows the rules', () => {
    // Given a well-formed 通知, when checked, then no rule is broken
    expect(rules(outgoing())).toEqual([]);
  });

  it('should refuse a title that does not end with its 文种 when the type is 请示', () => {
    // Given a 请示 titled as a 通知, when checked, then the title rule names the field
    expect(rules(outgoing({ docType: 'GW11', title: '关于申请经费的通知', signers: ['张三'] }))).toEqual(['title:TITLE_DOC_TYPE']);
    expect(titleMatchesType('国务院令', 'GW03')).toBe(true);
  });

  it('should require exactly one main recipient when the document is a 请示', () => {
    // Given 请示 drafts to two organs and to none, when checked, then the 条例 rule fires for both
    expect(rules(outgoing({ docType: 'GW11', title: '关于申请经费的请示', mainRecipients: ['市政府', '市财政局'] }))).toEqual([
      'mainRecipients:REQUEST_ONE_MAIN_RECIPIENT',
    ]);
    expect(rules(outgoing({ docType: 'GW11', title: '关于申请经费的请示', mainRecipients: [] }))).toEqual([
      'mainRecipients:REQUEST_ONE_MAIN_RECIPIENT',
    ]);
    expect(rules(outgoing({ docType: 'GW11', title: '关于申请经费的请示', mainRecipients: ['市政府'] }))).toEqual([]);
  });

  it('should require the 签发人 of a received 上行文 but not of a draft, which gets it at 签发', () => {
    const incoming = {
      direction: 'incoming' as const,
      docType: 'GW10' as const,
      title: '关于防汛工作的报告',
      secretLevel: 'NONE' as const,
      secrecyPeriod: null,
      urgency: 'NONE',
    };
    expect(rules({ ...incoming, signers: [] })).toEqual(['signers:SIGNER_REQUIRED']);
    expect(rules({ ...incoming, signers: ['王五'] })).toEqual([]);
    expect(rules(outgoing({ docType: 'GW10', title: '关于防汛工作的报告', signers: [] }))).toEqual([]);
  });

  it('should refuse a 来文字号 that is not in the 机关代字〔年份〕序号号 form', () => {
    const incoming = {
      direction: 'incoming' as const,
      docType: 'GW08' as const,
      title: '关于防汛的通知',
      secretLevel: 'NONE' as const,
      secrecyPeriod: null,
      urgency: 'NONE',
    };
    expect(rules({ ...incoming, sourceDocNumber: '安财发[2026]07号' })).toEqual(['sourceDocNumber:DOC_NUMBER_FORMAT']);
    expect(rules({ ...incoming, sourceDocNumber: '安财发〔2026〕7号' })).toEqual([]);
  });

  it('should check 保密期限 and 公开属性 when the document is classified', () => {
    // Given a 秘密 document: no period, then 11 years (limit 10), then a period on a public document
    expect(rules(outgoing({ secretLevel: 'SECRET', disclosure: 'ON_REQUEST' }))).toEqual(['secrecyPeriod:SECRECY_PERIOD_REQUIRED']);
    expect(rules(outgoing({ secretLevel: 'SECRET', secrecyPeriod: { value: 11, unit: 'YEAR' }, disclosure: 'ACTIVE' }))).toEqual([
      'secrecyPeriod:SECRECY_PERIOD_TOO_LONG',
      'disclosure:CLASSIFIED_DISCLOSURE',
    ]);
    expect(rules(outgoing({ secrecyPeriod: { value: 1, unit: 'YEAR' } }))).toEqual(['secrecyPeriod:SECRECY_PERIOD_WITHOUT_LEVEL']);
    expect(
      rules(
        outgoing({
          secretLevel: 'TOP_SECRET',
          secrecyPeriod: { condition: '项目结束后' },
          disclosure: 'NOT_PUBLIC',
          disclosureReason: '涉密',
        }),
      ),
    ).toEqual([]);
  });

  it('should refuse attachment names with trailing punctuation', () => {
    expect(rules(outgoing({ attachmentNames: ['值班安排表', '联系人名单。'] }))).toEqual(['attachments:ATTACHMENT_NAME_PUNCTUATION']);
    expect(attachmentName('值班安排表.xlsx')).toBe('值班安排表');
  });

  it('should require a time limit when urgent and a lead department when assisted, for incoming documents', () => {
    // Given an urgent incoming document with assisting but no lead department
    const found = rules({
      direction: 'incoming',
      docType: 'GW08',
      title: '关于防汛的通知',
      secretLevel: 'NONE',
      secrecyPeriod: null,
      urgency: 'URGENT',
      timeLimitWorkdays: null,
      leadDept: null,
      assistDepts: ['o1'],
    });
    // Then both 承办 rules of 条例 第二十四条 fire
    expect(found).toEqual(['timeLimitWorkdays:TIME_LIMIT_REQUIRED', 'leadDept:LEAD_DEPT_REQUIRED']);
  });
});

describe('serverViolations', () => {
  it('should put the server details on the form fields when they name nested paths', () => {
    // Given a DOCUMENT_RULE_VIOLATION's details and a 400's issues
    const rule = serverViolations([{ field: 'registration.leadDept', rule: 'LEAD_DEPT_REQUIRED', message: 'lead' }]);
    const issues = serverViolations({ issues: [{ path: ['mainRecipients', 1], code: 'too_big', message: 'Too big' }] });
    // Then the fields are the form's and the known rules speak Chinese
    expect(rule).toEqual([{ field: 'leadDept', rule: 'LEAD_DEPT_REQUIRED', message: '两个以上部门办理的，应当明确主办部门' }]);
    expect(issues).toEqual([{ field: 'mainRecipients', rule: 'too_big', message: 'Too big' }]);
    expect(serverViolations(undefined)).toEqual([]);
  });
});
