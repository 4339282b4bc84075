import { compile, eligibilityRules, nextUserTasks, pickSources, type CompileResult, type ExecutableProcess } from '../../src';
import { formatEligibleSource, parseEligibleSources } from '../../src/model/eligibility';

const NS =
  'xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:oa="http://liuzhuan.org/schema/bpmn/oa"';

function definitions(body: string, processAttrs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?><definitions ${NS} targetNamespace="t"><process id="p" isExecutable="true" ${processAttrs}><startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="t1"/>${body}<sequenceFlow id="f2" sourceRef="t1" targetRef="e"/><endEvent id="e"/></process></definitions>`;
}

function codes(result: CompileResult, severity: 'error' | 'warning'): string[] {
  return result.diagnostics.filter((d) => d.severity === severity).map((d) => `${d.code}@${d.elementId}`);
}

const processOf = (result: CompileResult): ExecutableProcess => result.processes[0];

describe('oa:assigneeFrom and the starters of a process', () => {
  it('should parse every kind of source in a comma-separated list and name the unknown entries', () => {
    // given / when
    const { sources, unknown } = parseEligibleSources(
      ' group:city-leaders, org-heads ,role:leader,org:zjj, initiator-org, boss, group:, dept:x',
    );
    // then
    expect(sources).toEqual([
      { kind: 'group', code: 'city-leaders' },
      { kind: 'org-heads' },
      { kind: 'role', role: 'leader' },
      { kind: 'org', code: 'zjj' },
      { kind: 'initiator-org' },
    ]);
    expect(sources.map(formatEligibleSource)).toEqual(['group:city-leaders', 'org-heads', 'role:leader', 'org:zjj', 'initiator-org']);
    expect(unknown).toEqual(['boss', 'group:', 'dept:x']);
  });

  it('should bind the variable a task is assigned from to its declared source when compiled', async () => {
    // given
    const xml = definitions('<userTask id="t1" name="签发" oa:assignee="=issuer" oa:assigneeFrom="group:city-leaders" />');
    // when
    const result = await compile(xml);
    // then
    expect(result.diagnostics).toEqual([]);
    expect(processOf(result).nodes['t1'].assignment).toMatchObject({
      assigneeFrom: [{ kind: 'group', code: 'city-leaders' }],
      assigneeVariables: ['issuer'],
    });
    expect(eligibilityRules(processOf(result))).toEqual([
      { elementId: 't1', name: '签发', variables: ['issuer'], sources: [{ kind: 'group', code: 'city-leaders' }] },
    ]);
  });

  it("should check a countersign's collection, not its element variable, and candidate users given as one variable", async () => {
    // given
    const xml = definitions(
      `<userTask id="t1" oa:assignee="\${countersigner}" oa:candidateUsers="\${watchers}" oa:assigneeFrom="org-heads">
        <multiInstanceLoopCharacteristics camunda:collection="countersigners" camunda:elementVariable="countersigner" />
      </userTask>`,
    );
    // when
    const result = await compile(xml);
    // then
    expect(result.diagnostics).toEqual([]);
    expect(processOf(result).nodes['t1'].assignment?.assigneeVariables).toEqual(['countersigners', 'watchers']);
  });

  it('should refuse a deploy naming an unknown source, with the element id', async () => {
    // given
    const xml = definitions('<userTask id="t1" oa:assignee="${issuer}" oa:assigneeFrom="group:city-leaders,everyone" />');
    // when
    const result = await compile(xml);
    // then
    expect(codes(result, 'error')).toEqual(['BPMN_ASSIGNEE_SOURCE@t1']);
    expect(result.diagnostics[0].message).toContain('everyone');
  });

  it('should warn (not refuse) when a task takes its people from a variable and declares no source', async () => {
    // given
    const xml = definitions('<userTask id="t1" oa:assignee="${issuer}" />');
    // when
    const result = await compile(xml);
    // then
    expect(codes(result, 'error')).toEqual([]);
    expect(codes(result, 'warning')).toEqual(['BPMN_ASSIGNEE_UNCHECKED@t1']);
    expect(eligibilityRules(processOf(result))).toEqual([]);
  });

  it.each([
    ['the initiator', 'oa:assignee="${initiator}"'],
    ['a fixed user', 'oa:assignee="mayor"'],
    ['a group', 'oa:candidateGroups="city-leaders"'],
  ])('should not warn for a task assigned to %s', async (_what, attrs) => {
    // given / when
    const result = await compile(definitions(`<userTask id="t1" ${attrs} />`));
    // then
    expect(result.diagnostics).toEqual([]);
  });

  it('should warn that a source on an assignee expression is not checked', async () => {
    // given
    const xml = definitions('<userTask id="t1" oa:assignee="=if a != null then a else b" oa:assigneeFrom="org-heads" />');
    // when
    const result = await compile(xml);
    // then
    expect(codes(result, 'warning')).toEqual(['BPMN_ASSIGNEE_SOURCE@t1']);
    expect(codes(result, 'error')).toEqual([]);
  });

  it('should read the starters from camunda: and oa: attributes and oa:startVia', async () => {
    // given
    const camunda = definitions(
      '<userTask id="t1" />',
      'camunda:candidateStarterGroups="office-clerks, dept-clerks" camunda:candidateStarterUsers="staff"',
    );
    const oa = definitions('<userTask id="t1" />', 'oa:candidateStarterGroups="office-clerks" oa:startVia="documents"');
    const none = definitions('<userTask id="t1" />');
    // when
    const [c, o, n] = await Promise.all([compile(camunda), compile(oa), compile(none)]);
    // then
    expect([...c.diagnostics, ...o.diagnostics, ...n.diagnostics]).toEqual([]);
    expect(processOf(c).start).toEqual({ groups: ['office-clerks', 'dept-clerks'], users: ['staff'] });
    expect(processOf(o).start).toEqual({ groups: ['office-clerks'], via: 'documents' });
    expect(processOf(n).start).toBeUndefined();
  });

  it('should refuse starters given as an expression or a malformed oa:startVia', async () => {
    // given
    const expr = definitions('<userTask id="t1" />', 'camunda:candidateStarterGroups="${groups}"');
    const via = definitions('<userTask id="t1" />', 'oa:startVia="Documents API"');
    // when
    const [e, v] = await Promise.all([compile(expr), compile(via)]);
    // then
    expect(codes(e, 'error')).toEqual(['BPMN_STARTERS_INVALID@p']);
    expect(codes(v, 'error')).toEqual(['BPMN_STARTERS_INVALID@p']);
  });
});

describe('选择下一步办理人: the steps a completion can open and where their people come from', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?><definitions ${NS} targetNamespace="t"><process id="p" isExecutable="true">
    <startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="apply"/>
    <userTask id="apply" oa:assignee="\${initiator}"/><sequenceFlow id="f2" sourceRef="apply" targetRef="gw"/>
    <exclusiveGateway id="gw" default="f3"/>
    <sequenceFlow id="f3" sourceRef="gw" targetRef="approve"/><sequenceFlow id="f4" sourceRef="gw" targetRef="sign"/>
    <sequenceFlow id="f5" sourceRef="gw" targetRef="heads"/>
    <userTask id="approve" oa:candidateGroups="city-leaders, office-leaders"/>
    <userTask id="sign" oa:assignee="=issuer" oa:assigneeFrom="group:city-leaders" oa:candidateGroups="city-leaders"/>
    <userTask id="heads" oa:assignee="\${h}" oa:assigneeFrom="org-heads"><multiInstanceLoopCharacteristics camunda:collection="hs" camunda:elementVariable="h"/></userTask>
    <sequenceFlow id="f6" sourceRef="approve" targetRef="e"/><sequenceFlow id="f7" sourceRef="sign" targetRef="e"/><sequenceFlow id="f8" sourceRef="heads" targetRef="e"/>
    <endEvent id="e"/></process></definitions>`;

  it('should reach the user tasks behind a gateway, in model order, and not the step itself', async () => {
    // given
    const process = processOf(await compile(xml));
    // when / then
    expect(nextUserTasks(process, 'apply')).toEqual(['approve', 'sign', 'heads']);
    expect(nextUserTasks(process, 'approve')).toEqual([]);
  });

  it('should take the people of a step from oa:assigneeFrom, else its literal groups, and never for a multi-instance step', async () => {
    // given
    const process = processOf(await compile(xml));
    // when / then
    expect(pickSources(process, 'approve')).toEqual([
      { kind: 'group', code: 'city-leaders' },
      { kind: 'group', code: 'office-leaders' },
    ]);
    expect(pickSources(process, 'sign')).toEqual([{ kind: 'group', code: 'city-leaders' }]);
    expect(pickSources(process, 'heads')).toBeUndefined();
    expect(pickSources(process, 'apply')).toBeUndefined();
    expect(pickSources(process, 'gw')).toBeUndefined();
  });
});
