import { documentChangesOf, documentFormValues } from './document-form-values';
import { DOCUMENT_DEFAULTS } from './documents';

describe('document form values', () => {
  const doc = {
    ...DOCUMENT_DEFAULTS,
    docType: 'GW08' as const,
    title: '安康市人民政府关于加强城市道路管理的通知',
    mainRecipients: ['各县（区）人民政府', '市政府各部门'],
    disclosure: 'ACTIVE' as const,
    docNumber: null,
  };

  it('should fill a form from the document, lists as text, empty elements left out', () => {
    expect(documentFormValues(doc)).toEqual({
      title: doc.title,
      docType: 'GW08',
      urgency: 'NONE',
      secretLevel: 'NONE',
      disclosure: 'ACTIVE',
      mainRecipient: '各县（区）人民政府、市政府各部门',
    });
  });

  it('should take back what the form changed and never blank a value', () => {
    expect(documentChangesOf({ mainRecipient: '市政府各部门，各县（区）人民政府', ccRecipients: '', disclosure: 'ACTIVE' })).toEqual({
      mainRecipients: ['市政府各部门', '各县（区）人民政府'],
      disclosure: 'ACTIVE',
    });
    expect(documentChangesOf({ title: '  ', mainRecipient: '、', nonDisclosureReason: null })).toEqual({});
  });
});
