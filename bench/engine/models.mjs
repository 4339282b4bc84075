// Benchmark models: written for this benchmark, run unchanged by both engines.
const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="bench">';

/** A straight line of n user tasks (an approval chain). */
export function linear(n) {
  let body = '<startEvent id="start"/><sequenceFlow id="f0" sourceRef="start" targetRef="t1"/>';
  for (let i = 1; i <= n; i++) {
    body += `<userTask id="t${i}" name="step ${i}"/><sequenceFlow id="f${i}" sourceRef="t${i}" targetRef="${i < n ? `t${i + 1}` : 'end'}"/>`;
  }
  return `${HEAD}<process id="linear" isExecutable="true">${body}<endEvent id="end"/></process></definitions>`;
}

/** Exclusive choice, parallel fork of three reviews, join, final sign-off. */
export function approval() {
  return `${HEAD}<process id="approval" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="draft"/>
    <userTask id="draft"/><sequenceFlow id="f2" sourceRef="draft" targetRef="route"/>
    <exclusiveGateway id="route" default="f4"/>
    <sequenceFlow id="f3" sourceRef="route" targetRef="fork"><conditionExpression xsi:type="tFormalExpression">\${amount &gt; 100}</conditionExpression></sequenceFlow>
    <sequenceFlow id="f4" sourceRef="route" targetRef="sign"/>
    <parallelGateway id="fork"/>
    <sequenceFlow id="f5" sourceRef="fork" targetRef="legal"/><sequenceFlow id="f6" sourceRef="fork" targetRef="finance"/><sequenceFlow id="f7" sourceRef="fork" targetRef="office"/>
    <userTask id="legal"/><userTask id="finance"/><userTask id="office"/>
    <sequenceFlow id="f8" sourceRef="legal" targetRef="join"/><sequenceFlow id="f9" sourceRef="finance" targetRef="join"/><sequenceFlow id="f10" sourceRef="office" targetRef="join"/>
    <parallelGateway id="join"/><sequenceFlow id="f11" sourceRef="join" targetRef="sign"/>
    <userTask id="sign"/><sequenceFlow id="f12" sourceRef="sign" targetRef="end"/><endEvent id="end"/>
  </process></definitions>`;
}

/** A parallel 会签 (countersign): one user task as a multi-instance of five signers, all must sign. */
export function countersign() {
  return `${HEAD}<process id="countersign" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="sign"/>
    <userTask id="sign" name="会签"><multiInstanceLoopCharacteristics isSequential="false"><loopCardinality xsi:type="tFormalExpression">5</loopCardinality></multiInstanceLoopCharacteristics></userTask>
    <sequenceFlow id="f2" sourceRef="sign" targetRef="end"/><endEvent id="end"/>
  </process></definitions>`;
}
