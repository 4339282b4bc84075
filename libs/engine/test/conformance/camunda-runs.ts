// Runs for the Camunda 7 engine test models: the behaviour each file's own test asserts.
import type { Run } from './conformance-run.types';

const C = 'camunda/';

export const CAMUNDA_RUNS: Readonly<Record<string, Run>> = {
  [`${C}BoundaryErrorEventTest.testCatchErrorOnEmbeddedSubprocess.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().completeTask('subprocessTask');
    expect(s.tasks()).toEqual(['taskAfterErrorCatch']);
    s.completeTask('taskAfterErrorCatch');
    expect(s.status).toBe('completed');
    return 'error end event 123 in the sub-process is caught by the catch-all boundary; taskAfterErrorCatch; completes.';
  },
  [`${C}BoundaryTimerEventTest.testMultipleTimersOnUserTask.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.timers()).toHaveLength(3);
    s.fireTimer('escalationTimer2');
    expect(s.tasks()).toEqual(['thirdTask']);
    expect(s.timers()).toEqual([]);
    s.completeTask('thirdTask');
    expect(s.status).toBe('completed');
    return 'three timers scheduled; the PT1H one fires first, cancels the others, thirdTask; completes.';
  },
  [`${C}BoundaryTimerNonInterruptingEventTest.testTimerOnConcurrentTasks.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().fireTimer('timer');
    expect(s.tasks()).toEqual(['firstTask', 'secondTask', 'timerFiredTask']);
    s.completeTask('firstTask').completeTask('secondTask').completeTask('timerFiredTask');
    expect(s.status).toBe('completed');
    return 'non-interrupting timer adds timerFiredTask beside both parallel tasks; all complete.';
  },
  [`${C}CallActivity.testCallSimpleSubProcess.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().completeTask('taskBeforeSubProcess');
    const start = s.lastEffects.find((e) => e.type === 'startChild');
    expect(start).toMatchObject({ processKey: 'simpleSubProcess', version: 'latest' });
    const child = await load(`${C}simpleSubProcess.bpmn20.xml`);
    child.start((start as { variables: Record<string, unknown> }).variables).completeTask('task');
    expect(child.status).toBe('completed');
    const done = child.lastEffects.find((e) => e.type === 'processCompleted') as { variables: Record<string, unknown> };
    s.run({ type: 'childCompleted', elementInstanceId: s.instanceOf('callSubProcess'), variables: done.variables });
    expect(s.tasks()).toEqual(['taskAfterSubProcess']);
    s.completeTask('taskAfterSubProcess');
    expect(s.status).toBe('completed');
    return 'run together with simpleSubProcess: startChild, the child runs to its end, childCompleted continues the parent; completes.';
  },
  [`${C}EventBasedGatewayTest.testCatchSignalAndMessageAndTimer.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().run({ type: 'broadcastSignal', name: 'alert' });
    expect(s.tasks()).toEqual(['task2']);
    const m = await load(file);
    m.start().run({ type: 'correlateMessage', name: 'newInvoice' });
    expect(m.tasks()).toEqual(['task3']);
    const t = await load(file);
    t.start();
    expect(t.timers()[0].dueAt).toBe(t.env.now());
    t.fireTimer('timerEvent');
    expect(t.tasks()).toEqual(['task1']);
    t.completeTask('task1');
    expect(t.status).toBe('completed');
    return 'signal, message and PT0S timer each win the race in their own run (the timer is due at once, as a live job executor would fire it).';
  },
  [`${C}ExclusiveGatewayTest.testDefaultSequenceFlow.bpmn20.xml`]: async (load, file) => {
    const picks: string[] = [];
    for (const input of [1, 2, 3]) {
      const s = await load(file);
      s.start({ input });
      picks.push(...s.tasks());
    }
    expect(picks).toEqual(['theTask1', 'theTask2', 'theTask3']);
    return 'input 1 → theTask1, 2 → default theTask2, 3 → theTask3.';
  },
  [`${C}ExclusiveGatewayTest.testDivergingExclusiveGateway.bpmn20.xml`]: async (load, file) => {
    const picks: string[] = [];
    for (const input of [1, 2, 3]) {
      const s = await load(file);
      s.start({ input }).completeTask(`theTask${input}`);
      expect(s.status).toBe('completed');
      picks.push(s.completedElements()[2]);
    }
    expect(picks).toEqual(['theTask1', 'theTask2', 'theTask3']);
    return 'input 1/2/3 selects theTask1/2/3; each completes.';
  },
  [`${C}InclusiveGatewayTest.testDivergingInclusiveGateway.bpmn20.xml`]: async (load, file) => {
    const counts: number[] = [];
    for (const input of [1, 2, 3]) {
      const s = await load(file);
      s.start({ input });
      counts.push(s.tasks().length);
    }
    expect(counts).toEqual([3, 2, 1]);
    return "input 1 → three tasks, 2 → two, 3 → one, as in Camunda's test.";
  },
  [`${C}InclusiveGatewayTest.testPartialMergingInclusiveGateway.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start({ input: 2 });
    expect(s.tasks()).toEqual(['partialTask']);
    s.completeTask('partialTask');
    expect(s.tasks()).toEqual(['theTask']);
    s.completeTask('theTask');
    expect(s.status).toBe('completed');
    return 'input 2: two tokens merge at the partial inclusive join, which waits for partialTask at the full join; one theTask; completes.';
  },
  [`${C}IntermediateTimerEventTest.testCatchingTimerEvent.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.timers()[0].dueAt).toBe('2026-01-05T08:05:00.000Z');
    s.fireTimer('timer');
    expect(s.status).toBe('completed');
    return 'PT5M timer scheduled 5 minutes after start; completes when fired.';
  },
  [`${C}LinkEventTest.testValidEventLink.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.active()).toEqual(['waitAfterLink1']);
    s.trigger('waitAfterLink1');
    expect(s.active()).toEqual(['waitAfterLink2']);
    s.trigger('waitAfterLink2');
    expect(s.status).toBe('completed');
    return 'link LinkA then link B jump to their catch events; the receive tasks wait and are triggered; completes.';
  },
  [`${C}MessageBoundaryEventTest.testSingleBoundaryMessageEvent.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().run({ type: 'correlateMessage', name: 'messageName' });
    expect(s.tasks()).toEqual(['taskAfterMessage']);
    s.completeTask('taskAfterMessage');
    expect(s.status).toBe('completed');
    const t = await load(file);
    t.start().completeTask('task');
    expect(t.tasks()).toEqual(['taskAfterTask']);
    return 'message interrupts the task → taskAfterMessage; without the message → taskAfterTask.';
  },
  [`${C}MessageIntermediateEventTest.testSingleIntermediateMessageEvent.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().run({ type: 'correlateMessage', name: 'newInvoiceMessage' });
    expect(s.tasks()).toEqual(['task']);
    s.completeTask('task');
    expect(s.status).toBe('completed');
    return 'waits for newInvoiceMessage, then task; completes.';
  },
  [`${C}MultiInstanceTest.sequentialUserTasks.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start({ nrOfLoops: 10 });
    const assignees: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      expect(s.taskIds('miTasks')).toHaveLength(1);
      const created = s.lastEvents.find((e) => e.type === 'task.created') as { assignee: string };
      assignees.push(created.assignee);
      s.completeTask('miTasks');
    }
    expect(assignees).toEqual(['kermit_0', 'kermit_1', 'kermit_2', 'kermit_3', 'kermit_4']);
    expect(s.status).toBe('completed');
    return 'ten sequential instances planned; the completion condition nrOfCompletedInstances == 5 ends the loop after five (assignees kermit_0…kermit_4); completes.';
  },
  [`${C}MultiInstanceTest.testParallelUserTasks.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.taskIds('miTasks')).toHaveLength(3);
    s.completeTask('miTasks').completeTask('miTasks').completeTask('miTasks');
    expect(s.status).toBe('completed');
    return 'loopCardinality ${5-2} creates three parallel tasks; completes after all three.';
  },
  [`${C}ParallelGatewayTest.testForkJoin.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.tasks()).toEqual(['receivePayment', 'shipOrder']);
    s.completeTask('receivePayment').completeTask('shipOrder').completeTask('archiveOrder');
    expect(s.status).toBe('completed');
    return 'fork to two tasks, join, archiveOrder; completes (flows without id get generated ids).';
  },
  [`${C}ParallelGatewayTest.testNestedForkJoin.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().completeTask('Task_0');
    expect(s.tasks()).toEqual(['Task_A', 'Task_B']);
    s.completeTask('Task_B');
    expect(s.tasks()).toEqual(['Task_A', 'Task_B1', 'Task_B2']);
    s.completeTask('Task_B1').completeTask('Task_A').completeTask('Task_B2');
    expect(s.tasks()).toEqual(['Task_C']);
    s.completeTask('Task_C');
    expect(s.status).toBe('completed');
    return 'nested fork/join; Task_C only after A, B1 and B2; completes.';
  },
  [`${C}ReceiveTaskTest.simpleReceiveTask.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.active()).toEqual(['waitState']);
    s.trigger('waitState');
    expect(s.status).toBe('completed');
    return 'receive task without message waits until triggered; completes.';
  },
  [`${C}SignalEventTests.catchAlertSignal.bpmn20.xml`]: async (load, file) => {
    const catcher = await load(file);
    catcher.start();
    const thrower = await load(`${C}SignalEventTests.throwAlertSignal.bpmn20.xml`);
    thrower.start();
    const signal = thrower.allEffects.find((e) => e.type === 'throwSignal') as { name: string };
    expect(signal.name).toBe('alert');
    catcher.run({ type: 'broadcastSignal', name: signal.name });
    expect(catcher.status).toBe('completed');
    return 'run with throwAlertSignal: its throwSignal effect, broadcast by the server, completes the waiting catcher.';
  },
  [`${C}SignalEventTests.throwAlertSignal.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start();
    expect(s.status).toBe('completed');
    expect(s.allEffects).toContainEqual({ type: 'throwSignal', name: 'alert', variables: {} });
    return 'throws the alert signal (throwSignal effect) and completes.';
  },
  [`${C}SubProcessTest.testSimpleSubProcess.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().completeTask('subProcessTask');
    expect(s.status).toBe('completed');
    return 'embedded sub-process with its own start and end; completes.';
  },
  [`${C}SubProcessTest.testSimpleSubProcessWithTimer.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().fireTimer('escalationTimer');
    expect(s.tasks()).toEqual(['escalationTask']);
    s.completeTask('escalationTask');
    expect(s.status).toBe('completed');
    return 'PT2H boundary timer interrupts the sub-process; escalationTask (implicit end) completes the instance.';
  },
  [`${C}reviewInvoice.bpmn`]: async (load, file) => {
    const s = await load(file);
    s.start().completeTask('assignReviewer', { reviewer: 'mary' });
    const created = s.lastEvents.find((e) => e.type === 'task.created') as { assignee: string; dueAt: string | null };
    expect(created).toMatchObject({ assignee: 'mary', dueAt: null });
    s.completeTask('reviewInvoice');
    expect(s.status).toBe('completed');
    return 'assignee ${reviewer} evaluated; the Java dueDate ${dateTime()…} is dropped with a warning (a hint that does not steer the token); completes.';
  },
  [`${C}simpleSubProcess.bpmn20.xml`]: async (load, file) => {
    const s = await load(file);
    s.start().completeTask('task');
    expect(s.status).toBe('completed');
    return 'one user task; completes.';
  },
};
