import { compile, type CompileResult } from '../../src';

const NS =
  'xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:oa="http://liuzhuan.org/schema/bpmn/oa"';

function definitions(body: string, executable = true): string {
  return `<?xml version="1.0" encoding="UTF-8"?><definitions ${NS} targetNamespace="t"><process id="p" isExecutable="${executable}">${body}</process></definitions>`;
}

function codes(result: CompileResult, severity: 'error' | 'warning' = 'error'): string[] {
  return result.diagnostics.filter((d) => d.severity === severity).map((d) => `${d.code}@${d.elementId}`);
}

const valid = '<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"/><endEvent id="e"/>';

describe('compile: hostile input never throws and always names a code', () => {
  it('should report nothing when the definition is valid', async () => {
    // given / when
    const result = await compile(definitions(valid));
    // then
    expect(result.diagnostics).toEqual([]);
    expect(result.processes.map((p) => [p.id, p.isExecutable])).toEqual([['p', true]]);
  });

  it('should refuse a DOCTYPE with an external entity (XXE) when given one', async () => {
    // given
    const xml = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${definitions(valid).replace('<?xml version="1.0" encoding="UTF-8"?>', '')}`;
    // when
    const result = await compile(xml);
    // then
    expect(codes(result)).toEqual(['BPMN_DOCTYPE@null']);
    expect(result.processes).toEqual([]);
  });

  it('should refuse before expanding anything when given billion laughs', async () => {
    // given
    const lol = '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>';
    // when
    const result = await compile(`<?xml version="1.0"?>${lol}<definitions ${NS}><process id="p">&lol2;</process></definitions>`);
    // then
    expect(codes(result)).toEqual(['BPMN_DOCTYPE@null']);
  });

  it('should refuse a document larger than 5 MB when given one', async () => {
    // given
    const padding = `<!--${'x'.repeat(5 * 1024 * 1024)}-->`;
    // when
    const result = await compile(definitions(valid + padding));
    // then
    expect(codes(result)).toEqual(['BPMN_TOO_LARGE@null']);
  });

  it('should count multi-byte characters when checking the size', async () => {
    // given / when
    const padding = `<!--${'流'.repeat(1_800_000)}-->`;
    // then
    expect(codes(await compile(definitions(valid + padding)))).toEqual(['BPMN_TOO_LARGE@null']);
  });

  it('should refuse nesting deeper than 50 levels when given deep extension elements', async () => {
    // given
    const deep = `${'<documentation>'.repeat(60)}${'</documentation>'.repeat(60)}`;
    // when
    const result = await compile(definitions(`<startEvent id="s">${deep}</startEvent>`));
    // then
    expect(codes(result)).toEqual(['BPMN_TOO_DEEP@null']);
  });

  it.each([
    ['plain text', 'hello world'],
    ['JSON', '{"definitions": {}}'],
    ['broken XML', '<definitions><process'],
    ['an empty string', ''],
    ['a non-BPMN XML document', '<html><body/></html>'],
  ])('should report BPMN_NOT_XML when given %s', async (_name, text) => {
    // given / when
    const result = await compile(text);
    // then
    expect(codes(result)).toEqual(['BPMN_NOT_XML@null']);
  });

  it('should report an error with the id when an executable process has a duplicate id', async () => {
    // given / when
    const result = await compile(definitions(`${valid}<userTask id="s"/>`));
    // then
    expect(codes(result)).toContain('BPMN_DUPLICATE_ID@s');
  });

  it('should report an error naming the flow when a sequence flow points at nothing', async () => {
    // given / when
    const result = await compile(definitions('<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="ghost"/>'));
    // then
    expect(codes(result)).toContain('BPMN_DANGLING_REFERENCE@f1');
  });

  it('should report an error when a boundary event is attached to nothing', async () => {
    // given / when
    const result = await compile(
      definitions(
        `${valid}<boundaryEvent id="b" attachedToRef="ghost"><timerEventDefinition><timeDuration>PT1H</timeDuration></timerEventDefinition></boundaryEvent>`,
      ),
    );
    // then
    expect(codes(result)).toContain('BPMN_DANGLING_REFERENCE@b');
  });

  it('should report an error with its id when an executable process has an unknown element', async () => {
    // given / when
    const result = await compile(definitions(`${valid}<frobnicate id="weird"/>`));
    // then
    expect(codes(result)).toEqual(['BPMN_UNKNOWN_ELEMENT@weird']);
  });

  it('should only warn when the unknown element is in a non-executable process', async () => {
    // given / when
    const result = await compile(definitions(`${valid}<frobnicate id="weird"/>`, false));
    // then
    expect(codes(result)).toEqual([]);
    expect(codes(result, 'warning')).toEqual(['BPMN_UNKNOWN_ELEMENT@weird']);
  });

  it('should only warn when given an unknown attribute, a declared encoding and a diagram reference to nothing', async () => {
    // given
    const xml = definitions(`<startEvent id="s" weird="1"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"/><endEvent id="e"/>`)
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace(
        '</definitions>',
        '<bpmndi:BPMNDiagram xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"><bpmndi:BPMNPlane bpmnElement="ghost"/></bpmndi:BPMNDiagram></definitions>',
      );
    // when
    const result = await compile(xml);
    // then
    expect(codes(result)).toEqual([]);
    expect(codes(result, 'warning').sort()).toEqual(['BPMN_DANGLING_REFERENCE@null', 'BPMN_ENCODING@null', 'BPMN_UNKNOWN_ATTRIBUTE@s']);
  });

  it('should warn that it is not executed when a camunda task listener is present', async () => {
    // given / when
    const result = await compile(
      definitions(
        `${valid}<userTask id="u"><extensionElements><camunda:taskListener event="create" class="x.Y"/></extensionElements></userTask>`,
      ),
    );
    // then
    expect(codes(result)).toEqual([]);
    expect(codes(result, 'warning')).toEqual(['BPMN_IGNORED_EXTENSION@u']);
  });

  it('should not reuse an id of the file when generating one for a flow without id', async () => {
    // given an explicit flow id equal to the one that would be generated
    const xml = definitions(
      '<startEvent id="s"/><sequenceFlow sourceRef="s" targetRef="e"/><sequenceFlow id="flow_s_e" sourceRef="s" targetRef="e"/><endEvent id="e"/>',
    );
    // when
    const result = await compile(xml);
    // then
    expect(Object.keys(result.processes[0].flows).sort()).toEqual(['flow_s_e', 'flow_s_e_2']);
  });

  it('should generate a stable id and warn when a sequence flow has no id', async () => {
    // given
    const xml = definitions('<startEvent id="s"/><sequenceFlow sourceRef="s" targetRef="e"/><endEvent id="e"/>');
    // when
    const [a, b] = [await compile(xml), await compile(xml)];
    // then
    expect(codes(a)).toEqual([]);
    expect(Object.keys(a.processes[0].flows)).toEqual(['flow_s_e']);
    expect(b.processes[0]).toEqual(a.processes[0]);
    expect(codes(a, 'warning')).toEqual(['BPMN_MISSING_ID@null']);
  });

  it('should refuse with the element id when a script task is JavaScript', async () => {
    // given / when
    const result = await compile(
      definitions(`${valid}<scriptTask id="js" scriptFormat="javascript"><script>require('child_process')</script></scriptTask>`),
    );
    // then
    expect(codes(result)).toEqual(['BPMN_SCRIPT_LANGUAGE@js']);
  });

  it('should refuse when a condition is JavaScript', async () => {
    // given / when
    const result = await compile(
      definitions(
        '<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"><conditionExpression xsi:type="tFormalExpression" language="javascript">process.exit()</conditionExpression></sequenceFlow><endEvent id="e"/>',
      ),
    );
    // then
    expect(codes(result)).toEqual(['BPMN_SCRIPT_LANGUAGE@f1']);
  });

  it('should refuse with the element id when JUEL calls a method', async () => {
    // given / when
    const result = await compile(
      definitions(
        '<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"><conditionExpression xsi:type="tFormalExpression">${"".getClass().forName("java.lang.Runtime")}</conditionExpression></sequenceFlow><endEvent id="e"/>',
      ),
    );
    // then
    expect(codes(result)).toEqual(['BPMN_EXPRESSION_INVALID@f1']);
  });

  it('should refuse with the element id when FEEL is invalid', async () => {
    // given / when
    const result = await compile(
      definitions(
        '<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"><conditionExpression xsi:type="tFormalExpression">=a &gt;&gt;&gt; (</conditionExpression></sequenceFlow><endEvent id="e"/>',
      ),
    );
    // then
    expect(codes(result)).toEqual(['BPMN_EXPRESSION_INVALID@f1']);
  });

  it.each([
    ['a back-reference', '=matches(s, "(a)\\1")'],
    ['a lookahead', '=replace(s, "a(?=b)", "")'],
  ])('should refuse with the element id when a literal FEEL pattern has %s', async (_, condition) => {
    // given / when
    const result = await compile(
      definitions(
        `<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"><conditionExpression xsi:type="tFormalExpression">${condition}</conditionExpression></sequenceFlow><endEvent id="e"/>`,
      ),
    );
    // then
    expect(codes(result)).toEqual(['BPMN_EXPRESSION_REGEX@f1']);
    expect(result.diagnostics[0].message).toContain('regular expression not supported');
  });

  it('should accept a pattern when a backtracking engine would take polynomial time on it', async () => {
    // given / when: RE2 runs it in linear time, so the model is fine
    const result = await compile(
      definitions(
        '<startEvent id="s"/><sequenceFlow id="f1" sourceRef="s" targetRef="e"><conditionExpression xsi:type="tFormalExpression">=matches(s, "^a*a*a*a*a*a*a*a*b$")</conditionExpression></sequenceFlow><endEvent id="e"/>',
      ),
    );
    // then
    expect(result.diagnostics).toEqual([]);
  });

  it.each([
    ['timeDuration', 'PT-1X'],
    ['timeDate', 'next tuesday'],
    ['timeCycle', 'R3/PT1H/oops/more'],
  ])('should refuse with the element id when a %s is invalid', async (kind, text) => {
    // given / when
    const result = await compile(
      definitions(
        `${valid}<intermediateCatchEvent id="t"><timerEventDefinition><${kind}>${text}</${kind}></timerEventDefinition></intermediateCatchEvent>`,
      ),
    );
    // then
    expect(codes(result)).toEqual(['BPMN_TIMER_INVALID@t']);
  });

  it.each([
    ['a fixed date', 'oa:dueDate="2025-10-10T09:30:00Z" oa:dueWorkdays="3"'],
    ['a broken expression', 'oa:dueDate="=dueAt +" oa:dueWorkdays="3"'],
  ])('should refuse with the element id when a timer oa:dueDate is %s', async (_case, attrs) => {
    // given / when
    const result = await compile(
      definitions(`${valid}<intermediateCatchEvent id="t"><timerEventDefinition ${attrs}/></intermediateCatchEvent>`),
    );
    // then
    expect(codes(result)).toEqual([expect.stringMatching(/@t$/)]);
  });

  it.each([
    ['complexGateway', '<complexGateway id="x"/>'],
    ['transaction', '<transaction id="x"/>'],
    ['adHocSubProcess', '<adHocSubProcess id="x"/>'],
    ['businessRuleTask', '<businessRuleTask id="x"/>'],
    ['compensation', '<intermediateThrowEvent id="x"><compensateEventDefinition/></intermediateThrowEvent>'],
  ])('should refuse with an error naming the element when given a %s', async (_name, element) => {
    // given / when
    const result = await compile(definitions(`${valid}${element}`));
    // then
    expect(codes(result)).toEqual(['BPMN_UNSUPPORTED_ELEMENT@x']);
    expect(result.diagnostics[0].message).toMatch(/not supported/);
  });

  it('should accept unsupported elements when the process is not executable', async () => {
    // given / when
    const result = await compile(definitions(`${valid}<complexGateway id="x"/><scriptTask id="js" scriptFormat="groovy"/>`, false));
    // then
    expect(codes(result)).toEqual([]);
    expect(result.processes[0].isExecutable).toBe(false);
  });

  it('should report nothing when pools, lanes, message flows, data objects and annotations are present', async () => {
    // given
    const xml = `<?xml version="1.0"?><definitions ${NS}><collaboration id="c"><participant id="pa" processRef="p"/><participant id="pb"/><messageFlow id="m" sourceRef="pb" targetRef="pa"/></collaboration>
      <process id="p" isExecutable="true"><laneSet id="ls"><lane id="l1"><flowNodeRef>s</flowNodeRef></lane></laneSet>${valid}<dataObject id="d"/><dataObjectReference id="dr" dataObjectRef="d"/><textAnnotation id="ta"><text>note</text></textAnnotation><association id="as" sourceRef="ta" targetRef="s"/></process></definitions>`;
    // when
    const result = await compile(xml);
    // then
    expect(result.diagnostics).toEqual([]);
  });
});
