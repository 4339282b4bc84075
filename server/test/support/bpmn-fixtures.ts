/** Small BPMN models for the runtime suites, written inline so each test shows its process. */
const HEADER = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:oa="http://liuzhuan.org/schema/bpmn/oa" targetNamespace="test">`;

export const bpmn = (body: string) => `${HEADER}\n${body}\n</definitions>`;

/** start → one user task for `assignee` → end */
export const singleTask = (key: string, assignee = 'clerk') =>
  bpmn(`<process id="${key}" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" name="办理" camunda:assignee="${assignee}"/><sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/></process>`);

/** start → fork into three user tasks (clerk, head, staff) → join → a final task for clerk → end */
export const parallelJoin = (key: string) =>
  bpmn(`<process id="${key}" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f0" sourceRef="start" targetRef="fork"/>
    <parallelGateway id="fork"/>
    <sequenceFlow id="fa" sourceRef="fork" targetRef="a"/><sequenceFlow id="fb" sourceRef="fork" targetRef="b"/><sequenceFlow id="fc" sourceRef="fork" targetRef="c"/>
    <userTask id="a" camunda:assignee="clerk"/><userTask id="b" camunda:assignee="head"/><userTask id="c" camunda:assignee="staff"/>
    <sequenceFlow id="ja" sourceRef="a" targetRef="join"/><sequenceFlow id="jb" sourceRef="b" targetRef="join"/><sequenceFlow id="jc" sourceRef="c" targetRef="join"/>
    <parallelGateway id="join"/><sequenceFlow id="fz" sourceRef="join" targetRef="after"/>
    <userTask id="after" camunda:assignee="clerk"/><sequenceFlow id="fe" sourceRef="after" targetRef="end"/>
    <endEvent id="end"/></process>`);

/** start → intermediate timer (duration) → user task → end */
export const timerThenTask = (key: string, duration = 'PT1H') =>
  bpmn(`<process id="${key}" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
    <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration xsi:type="tFormalExpression">${duration}</timeDuration></timerEventDefinition></intermediateCatchEvent>
    <sequenceFlow id="f2" sourceRef="wait" targetRef="task"/>
    <userTask id="task" camunda:assignee="clerk"/><sequenceFlow id="f3" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/></process>`);

/** start → group task for office-clerks → end */
export const groupTask = (key: string, group = 'office-clerks') =>
  bpmn(`<process id="${key}" isExecutable="true">
    <startEvent id="start"/><sequenceFlow id="f1" sourceRef="start" targetRef="task"/>
    <userTask id="task" camunda:candidateGroups="${group}"/><sequenceFlow id="f2" sourceRef="task" targetRef="end"/>
    <endEvent id="end"/></process>`);
