import { SECRET_LEVEL_NAMES, URGENCY_NAMES } from '@liuzhuan/contracts';
import { DOCS_ZH_CN } from '../features/documents/documents-i18n';
import { WORKFLOW_ZH_CN } from './workflow-i18n';

describe('密级 and 紧急程度 names', () => {
  it('should show a normal document as 一般 in the lists and on the document page alike', () => {
    // Given the inbox's (我发起的, 传阅, 待办) and the documents pages' texts
    // Then none of them has a name of its own for a value the contracts name
    expect(WORKFLOW_ZH_CN['wf.urgency.NONE']).toBe('一般');
    expect(DOCS_ZH_CN['docs.urgency.NONE']).toBe('一般');
    expect([WORKFLOW_ZH_CN['wf.urgency.加急'], WORKFLOW_ZH_CN['wf.urgency.特急']]).toEqual([
      URGENCY_NAMES.URGENT,
      URGENCY_NAMES.EXTRA_URGENT,
    ]);
    expect(DOCS_ZH_CN['docs.urgency.URGENT']).toBe(URGENCY_NAMES.URGENT);
  });

  it('should show an unclassified document as 非密 on the document page', () => {
    expect(DOCS_ZH_CN['docs.secret.NONE']).toBe('非密');
    expect(DOCS_ZH_CN['docs.secret.TOP_SECRET']).toBe(SECRET_LEVEL_NAMES.TOP_SECRET);
  });
});
