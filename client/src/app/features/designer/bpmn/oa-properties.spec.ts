import {
  assigneeFromError,
  designerModdleExtensions,
  dueWorkdaysError,
  formatCountersign,
  isMultiInstance,
  isValidCountersign,
  normalizeGroups,
  oaUpdate,
  parseCountersign,
  readOa,
} from './oa-properties';

describe('oa property helpers', () => {
  it('should read a declared attribute through get() and an undeclared one from $attrs', () => {
    // Given a task whose oa:orgRole is declared and whose oa:assignee stayed in $attrs (clash with camunda)
    const bo = { get: (name: string) => (name === 'oa:orgRole' ? ' initiator-dept-head ' : undefined), $attrs: { 'oa:assignee': 'clerk' } };
    // Then both read as trimmed text, a missing one as ''
    expect(readOa(bo, 'orgRole')).toBe('initiator-dept-head');
    expect(readOa(bo, 'assignee')).toBe('clerk');
    expect(readOa(bo, 'formKey')).toBe('');
  });

  it('should write the qualified name and remove the attribute when the value is empty', () => {
    // Given values typed in the panel, then updateProperties gets oa:-qualified keys
    expect(oaUpdate('dueWorkdays', 3)).toEqual({ 'oa:dueWorkdays': '3' });
    expect(oaUpdate('assignee', '  ')).toEqual({ 'oa:assignee': undefined });
  });

  it('should load oa beside camunda without the clashing names when building the modeler', () => {
    // When the moddle extensions are built
    const { oa, camunda } = designerModdleExtensions();
    const assignable = (oa.types as { name: string; properties: { name: string }[] }[]).find((t) => t.name === 'Assignable');
    // Then camunda is there and oa keeps only names camunda does not declare on user tasks
    expect(camunda).toBeTruthy();
    expect(assignable?.properties.map((p) => p.name)).toEqual(['orgRole', 'assigneeFrom', 'dueWorkdays', 'countersign']);
  });

  it('should accept the sources the engine accepts when validating 可选人员范围', () => {
    expect(assigneeFromError('group:city-leaders, org-heads')).toBeNull();
    expect(assigneeFromError('role:leader,org:zjj,initiator-org')).toBeNull();
    expect(assigneeFromError('')).toBeNull();
    expect(assigneeFromError('group:city-leaders,everyone')).toBe('designer.oa.assigneeFromInvalid');
  });

  it('should read and write oa:assigneeFrom like the other oa: attributes', () => {
    const bo = { get: (name: string) => (name === 'oa:assigneeFrom' ? 'group:city-leaders' : undefined) };
    expect(readOa(bo, 'assigneeFrom')).toBe('group:city-leaders');
    expect(oaUpdate('assigneeFrom', ' org-heads ')).toEqual({ 'oa:assigneeFrom': 'org-heads' });
  });

  it('should accept whole working days only when validating 办理时限', () => {
    expect(dueWorkdaysError('5')).toBeNull();
    expect(dueWorkdaysError('')).toBeNull();
    expect(dueWorkdaysError('1.5')).toBe('designer.oa.dueWorkdaysInvalid');
    expect(dueWorkdaysError('-1')).toBe('designer.oa.dueWorkdaysInvalid');
  });

  it('should round-trip countersign rules when the select and ratio field edit them', () => {
    // Given each rule kind, then parse ∘ format is the identity the engine expects
    expect(parseCountersign('ratio:0.6')).toEqual({ kind: 'ratio', ratio: '0.6' });
    expect(formatCountersign('ratio', '0.6')).toBe('ratio:0.6');
    expect(formatCountersign('ratio', '')).toBe('ratio:0.5');
    expect(formatCountersign('veto', '0.6')).toBe('veto');
    expect(formatCountersign('', '')).toBe('');
    expect(parseCountersign('nonsense')).toEqual({ kind: '', ratio: '' });
  });

  it('should validate countersign like the engine when the value is typed', () => {
    expect(['all', 'any', 'veto', 'ratio:0.6', 'ratio:1', ''].every(isValidCountersign)).toBe(true);
    expect(['ratio:0', 'ratio:1.5', 'most', 'ratio:'].some(isValidCountersign)).toBe(false);
  });

  it('should know a task is multi-instance only when it has multi-instance loop characteristics', () => {
    expect(isMultiInstance({ loopCharacteristics: { $type: 'bpmn:MultiInstanceLoopCharacteristics' } })).toBe(true);
    expect(isMultiInstance({ loopCharacteristics: { $type: 'bpmn:StandardLoopCharacteristics' } })).toBe(false);
    expect(isMultiInstance({})).toBe(false);
  });

  it('should normalise candidate groups when typed with Chinese commas and spaces', () => {
    expect(normalizeGroups(' office-clerks，leaders、 legal ,')).toBe('office-clerks,leaders,legal');
  });
});
