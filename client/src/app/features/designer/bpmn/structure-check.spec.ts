import { checkStructure, type CheckedElement } from './structure-check';

const t = (key: string, params?: Record<string, string | number>) => (params ? `${key} ${JSON.stringify(params)}` : key);

function definitions(flowElements: CheckedElement[]): CheckedElement {
  return { $type: 'bpmn:Definitions', rootElements: [{ $type: 'bpmn:Process', id: 'P', flowElements }] };
}

describe('checkStructure', () => {
  it('should find nothing when the process is well formed', () => {
    // Given start → task → end
    const start = { $type: 'bpmn:StartEvent', id: 'S' };
    const end = { $type: 'bpmn:EndEvent', id: 'E' };
    const defs = definitions([start, end, { $type: 'bpmn:SequenceFlow', id: 'F', sourceRef: start, targetRef: end }]);
    // Then no diagnostics
    expect(checkStructure(defs, t)).toEqual([]);
  });

  it('should report the process when it has no start event', () => {
    const found = checkStructure(definitions([{ $type: 'bpmn:EndEvent', id: 'E' }]), t);
    expect(found).toEqual([{ elementId: 'P', severity: 'error', code: 'DESIGNER_CHECK', message: 'designer.check.noStart' }]);
  });

  it('should report a flow when it points at nothing', () => {
    const start = { $type: 'bpmn:StartEvent', id: 'S' };
    const found = checkStructure(definitions([start, { $type: 'bpmn:SequenceFlow', id: 'F', sourceRef: start }]), t);
    expect(found.map((d) => d.elementId)).toEqual(['F']);
  });

  it('should report a script task inside a sub-process when it is not FEEL', () => {
    // Given a JavaScript script task nested in a sub-process
    const sub = { $type: 'bpmn:SubProcess', id: 'Sub', flowElements: [{ $type: 'bpmn:ScriptTask', id: 'Js', scriptFormat: 'javascript' }] };
    // Then the nested task is reported
    const found = checkStructure(definitions([{ $type: 'bpmn:StartEvent', id: 'S' }, sub]), t);
    expect(found.map((d) => [d.elementId, d.severity])).toEqual([['Js', 'error']]);
  });

  it('should report a timer when its working days are not a whole number', () => {
    // Given a boundary timer with oa:dueWorkdays="soon"
    const timer = {
      $type: 'bpmn:BoundaryEvent',
      id: 'T',
      eventDefinitions: [{ $type: 'bpmn:TimerEventDefinition', $attrs: { 'oa:dueWorkdays': 'soon' } }],
    };
    // Then it is reported
    const found = checkStructure(definitions([{ $type: 'bpmn:StartEvent', id: 'S' }, timer as CheckedElement]), t);
    expect(found.map((d) => d.elementId)).toEqual(['T']);
  });

  it('should report bad oa: values and warn about countersign without multi-instance', () => {
    // Given user tasks with an invalid due time, an invalid rule and a rule on a single-instance task
    const task = (id: string, attrs: Record<string, string>, multi = false): CheckedElement => ({
      $type: 'bpmn:UserTask',
      id,
      $attrs: attrs,
      loopCharacteristics: multi ? { $type: 'bpmn:MultiInstanceLoopCharacteristics' } : undefined,
    });
    const defs = definitions([
      { $type: 'bpmn:StartEvent', id: 'S' },
      task('A', { 'oa:dueWorkdays': 'two' }),
      task('B', { 'oa:countersign': 'most' }, true),
      task('C', { 'oa:countersign': 'all' }),
      task('D', { 'oa:countersign': 'ratio:0.6' }, true),
    ]);
    // Then A and B are errors, C a warning, D fine
    expect(checkStructure(defs, t).map((d) => [d.elementId, d.severity])).toEqual([
      ['A', 'error'],
      ['B', 'error'],
      ['C', 'warning'],
    ]);
  });
});
