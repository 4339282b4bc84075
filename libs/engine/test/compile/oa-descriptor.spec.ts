import camunda from 'camunda-bpmn-moddle/resources/camunda.json';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';
import { OA_DESCRIPTOR, oaDescriptorBeside, type ModdleDescriptor } from '../../src';

describe('oa: moddle descriptor', () => {
  it('should declare the oa: attributes under its namespace when shipped', () => {
    // given / when / then
    expect(OA_DESCRIPTOR['uri']).toBe('http://liuzhuan.org/schema/bpmn/oa');
    expect(OA_DESCRIPTOR['prefix']).toBe('oa');
    const names = OA_DESCRIPTOR.types.flatMap((t) => (t.properties ?? []).map((p) => p.name));
    expect(names).toEqual(expect.arrayContaining(['assignee', 'candidateGroups', 'orgRole', 'dueWorkdays', 'countersign', 'formKey']));
  });

  it('should leave undeclared only the properties that clash with camunda when loaded beside it', () => {
    // given / when
    const { descriptor, undeclared } = oaDescriptorBeside(camunda as unknown as ModdleDescriptor);
    // then
    expect(undeclared.sort()).toEqual([
      'oa:assignee',
      'oa:candidateGroups',
      'oa:candidateStarterGroups',
      'oa:candidateStarterUsers',
      'oa:candidateUsers',
      'oa:dueDate',
      'oa:formKey',
    ]);
    const kept = descriptor.types.flatMap((t) => (t.properties ?? []).map((p) => p.name));
    expect(kept).toEqual(expect.arrayContaining(['orgRole', 'dueWorkdays', 'countersign']));
  });

  it('should keep every property when loaded beside zeebe only', () => {
    // given / when / then
    expect(oaDescriptorBeside(zeebe as unknown as ModdleDescriptor).undeclared).toEqual([]);
  });
});
