// Runs for the bpmn-engine and Flowable models. bpmn-engine finishes several of its models only
// through dead-path elimination; here the strict behaviour is asserted and the reason stated.
import type { EngineEffect } from '../../src';
import type { Run } from './conformance-run.types';
import { CAMUNDA_RUNS } from './camunda-runs';

const B = 'bpmn-engine/';
const F = 'flowable/';

export type { Loader, Run } from './conformance-run.types';

export const RUNS: Readonly<Record<string, Run>> = {
  ...CAMUNDA_RUNS,
  [`${B}boundary-non-interupting-timer.bpmn`]: async (load, file) => {
    // Strict semantics: the join completes only when both the timer path and the task path arrive.
    const s = await load(file);
    s.start().fireTimer('boundaryEvent').completeTask('userTask');
    expect(s.status).toBe('completed');
    const t = await load(file);
    t.start().completeTask('userTask');
    expect(t.status).toBe('active');
    return 'timer fired then task completed: both join inputs arrive, completes. If the task completes first the timer is cancelled and the join waits forever (strict: no discard token; bpmn-engine finishes only through dead-path elimination).';
  },
  [`${B}boundary-timeout.bpmn`]: async (load, file) => {
    const s = await load(file);
    s.start().fireTimer('boundTimeoutEvent');
    expect(s.status).toBe('active');
    expect(s.active()).toEqual([]);
    expect(Object.values(s.state!.joins)).toHaveLength(1);
    return 'interrupting timer cancels the task; only the timer path reaches the parallel join, which waits forever (strict semantics; bpmn-engine completes only through dead-path elimination).';
  },
  [`${B}call-activity.bpmn`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.lastEffects).toContainEqual(expect.objectContaining({ type: 'startChild', processKey: 'called-process' }));
    s.run({ type: 'childCompleted', elementInstanceId: s.instanceOf('call-activity'), variables: {} });
    expect(s.status).toBe('completed');
    return 'emits startChild for called-process, completes on childCompleted. The called process itself has isExecutable="false", so it is stored but never started.';
  },
  [`${B}issue-163.bpmn`]: async (load, file) => {
    const s = await load(file);
    s.start().completeTask('Activity_1bpb168');
    expect(s.tasks()).toEqual(['Activity_0xqu0xt']);
    s.completeTask('Activity_0xqu0xt').completeTask('Activity_0c0569x').completeTask('Activity_09fprjg');
    expect(s.status).toBe('completed');
    return 'sub-process without start event starts at its first task (implicit start); runs to the end.';
  },
  [`${B}lanes.bpmn`]: async (load, file) => {
    const s = await load(file, 'mainProcess');
    s.start();
    expect(s.active()).toEqual(['intermediate']);
    s.run({ type: 'correlateMessage', name: 'intermediate' });
    expect(s.status).toBe('completed');
    return 'mainProcess waits at the message catch (no messageRef: correlated by its id) and completes when the message arrives; the message flows between pools are imported, not executed.';
  },
  [`${B}one-or-the-other.bpmn`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.status).toBe('completed');
    expect(s.allEffects.filter((e: EngineEffect) => e.type === 'throwSignal')).toHaveLength(2);
    return 'manual tasks do not wait (Camunda/Flowable semantics), so both branches throw their signal (throwSignal effects) and reach the join: completes.';
  },
  [`${B}simple-task.bpmn`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.status).toBe('completed');
    expect(s.completedElements()).toEqual(['task']);
    return 'no start event: the task without incoming flow is the implicit start; it passes and the instance completes.';
  },
  [`${B}succeeding-joins.bpmn`]: async (load, file) => {
    const s = await load(file);
    s.start({ variables: { takeJoin1: true, takeJoin2: true } });
    expect(s.status).toBe('active');
    expect(s.active()).toEqual([]);
    return 'decision1 feeds either join1 or join2, yet both joins need it: under strict token semantics one join always waits forever (bpmn-engine completes only through dead-path elimination).';
  },
  [`${B}timer-event.bpmn`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.active()).toEqual(['duration']);
    s.fireTimer('duration');
    expect(s.status).toBe('completed');
    return 'waits at the PT0.05S timer, completes when it fires.';
  },
  [`${B}timers.bpmn`]: async (load, file) => {
    const s = await load(file);
    s.start(
      { environment: { variables: { catchDate: '2026-02-01T00:00:00Z', dueDate: '2026-02-03T00:00:00Z' } } },
      { startEventId: 'start-cycle' },
    );
    expect(s.timers().map((t) => [t.elementId, t.dueAt])).toEqual([['catch-date', '2026-02-01T00:00:00.000Z']]);
    s.fireTimer('catch-date');
    expect(s.incidents()).toEqual([]);
    expect(s.tasks()).toEqual(['user-due']);
    s.completeTask('user-due');
    expect(s.status).toBe('completed');
    return "started by its R3/PT10H start timer; the manual task passes (its PT1M boundary never fires); the timeDate expression is evaluated; completes. (bpmn-engine's environment.variables is supplied as a variable.)";
  },
  [`${F}BoundaryEscalationEventTest.testCatchEscalationOnEmbeddedSubprocess.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().completeTask('subprocessTask');
    expect(s.tasks()).toEqual(['taskAfterEscalationCatch']);
    s.completeTask('taskAfterEscalationCatch');
    expect(s.status).toBe('completed');
    return 'escalation end 123 caught by the catch-all interrupting boundary; completes.';
  },
  [`${F}BoundaryTimerEventTest.testBoundaryTimerEvent.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().completeTask('first_task', { consult: 'yes' });
    expect(s.status).toBe('completed');
    const t = await load(file);
    t.start().fireTimer('boundaryTimerEvent');
    expect(t.tasks()).toEqual(['second_task']);
    t.completeTask('second_task');
    expect(t.status).toBe('completed');
    return 'consult=="yes" ends at once; when the PT10M timer fires first, second_task; both complete (the XPath expressionLanguage is ignored for ${…}, as in Flowable).';
  },
  [`${F}ConditionalIntermediateCatchEventTest.testConditionalIntermediateCatchEvent.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start({ myVar: 'empty' }).completeTask('taskBeforeConditionalCatch');
    expect(s.active()).toEqual(['catchConditional']);
    s.run({ type: 'setVariables', variables: { myVar: 'test' } });
    expect(s.tasks()).toEqual(['taskAfterConditionalCatch']);
    s.completeTask('taskAfterConditionalCatch');
    expect(s.status).toBe('completed');
    return "waits until myVar == 'test' (setVariables, like evaluateConditionalEvents), then completes.";
  },
  [`${F}ErrorEventSubProcessTest.testCatchErrorInEmbeddedSubProcess.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.tasks()).toEqual(['taskAfterErrorCatch']);
    s.completeTask('taskAfterErrorCatch');
    expect(s.status).toBe('completed');
    return 'error end 123 is caught by the error event sub-process inside the same sub-process; completes.';
  },
  [`${F}MessageEventSubprocessTest.testInterruptingUnderProcessDefinition.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().run({ type: 'correlateMessage', name: 'newMessage' });
    expect(s.tasks()).toEqual(['eventSubProcessTask']);
    s.completeTask('eventSubProcessTask');
    expect(s.status).toBe('completed');
    return 'interrupting message event sub-process (no id: generated) cancels task; completes.';
  },
  [`${F}MessageEventSubprocessTest.testNonInterruptingUnderProcessDefinition.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().run({ type: 'correlateMessage', name: 'newMessage' }).run({ type: 'correlateMessage', name: 'newMessage' });
    expect(s.tasks()).toEqual(['eventSubProcessTask', 'eventSubProcessTask', 'task']);
    s.completeTask('task').completeTask('eventSubProcessTask').completeTask('eventSubProcessTask');
    expect(s.status).toBe('completed');
    return 'non-interrupting message event sub-process runs twice beside task; completes after all three.';
  },
  [`${F}StartTimerEventTest.testCycleWithLimitStartTimerEvent.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start(undefined, { startEventId: 'theStart' });
    expect(s.active()).toEqual(['receive']);
    s.trigger('receive');
    expect(s.status).toBe('completed');
    return 'started by its R2/PT5M start timer (the server schedules it from startTriggers); waits in the receive task; completes.';
  },
  [`${F}TerminateEndEventTest.testProcessTerminate.bpmn`]: async (load, file) => {
    const s = await load(file);
    s.start().completeTask('preTerminateTask');
    expect(s.status).toBe('terminated');
    expect(s.tasks()).toEqual([]);
    return 'terminate end on one branch ends the instance and cancels preNormalTerminateTask.';
  },
  [`${F}TerminateEndEventTest.testTerminateInSubProcess.bpmn`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.tasks()).toEqual(['preNormalEnd']);
    s.completeTask('preNormalEnd');
    expect(s.status).toBe('completed');
    return 'terminate end inside the sub-process ends only the sub-process, which completes; the other branch finishes; completes.';
  },
};
