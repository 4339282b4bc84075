import { checkDocument, checkRegistration } from '@liuzhuan/contracts';
import { attachmentName, formViolations, serverViolations } from './field-violations';

describe('formViolations', () => {
  it('should put the contracts rules on the form fields when they name nested paths', () => {
    // Given an outgoing draft with a punctuated attachment and an incoming registration without a 主办
    const draft = checkDocument(
      {
        direction: 'outgoing',
        docType: 'GW08',
        title: '关于做好值班工作的通知',
        secretLevel: 'NONE',
        secrecyPeriod: null,
        mainRecipients: ['市政府各部门'],
        signers: [],
        attachmentNotes: ['值班安排表', '联系人名单。'],
      },
      'draft',
    );
    const registration = checkRegistration(
      { urgency: 'NONE' },
      { sourceDocNumber: null, signedForAt: '2026-03-02T09:15:00+08:00', timeLimitWorkdays: null, leadDept: null, assistDepts: ['o1'] },
      'incoming',
    );
    // When put on the form, then the fields are the form's
    expect(formViolations([...draft, ...registration]).map((v) => `${v.field}:${v.rule}`)).toEqual([
      'attachmentNotes:ATTACHMENT_NAME_PUNCTUATION',
      'leadDept:LEAD_DEPT_REQUIRED',
    ]);
    expect(attachmentName('值班安排表.xlsx')).toBe('值班安排表');
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
