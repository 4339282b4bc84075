import { deserializeProcess, nextStartTimer, serializeProcess, startTriggers } from '../../src';
import { Scenario } from '../support/scenario';

const dir = __dirname;

describe('boundary events of every kind (BPMN 2.0 §10.5.4)', () => {
  it('should interrupt the task when the conditional boundary condition becomes true', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'boundary-events.bpmn');
    s.start({ priority: 'normal' });
    // when
    s.run({ type: 'setVariables', variables: { priority: 'urgent' } });
    // then
    expect(s.tasks()).toEqual(['urgentReview']);
    expect(s.state!.subs).toEqual({});
  });

  it('should keep the task and stay subscribed when the non-interrupting message boundary fires', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'boundary-events.bpmn');
    s.start({ priority: 'normal' });
    // when
    s.run({ type: 'correlateMessage', name: 'info', variables: { question: 'which year?' } });
    // then
    expect(s.tasks()).toEqual(['answerInfo', 'review']);
    s.run({ type: 'correlateMessage', name: 'info' });
    expect(s.tasks()).toEqual(['answerInfo', 'answerInfo', 'review']);
    expect(s.state!.variables['question']).toBe('which year?');
  });

  it('should interrupt the task when the signal boundary receives a broadcast', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'boundary-events.bpmn');
    // when
    s.start({ priority: 'normal' }).run({ type: 'broadcastSignal', name: 'stop' });
    // then
    expect(s.status).toBe('completed');
    expect(s.completedElements()).toEqual(['start', 'onStop', 'stopped']);
  });

  it('should follow the error boundary of the service task when its job handler throws a BPMN error', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'boundary-events.bpmn');
    s.start({ priority: 'normal' }).completeTask('review');
    const [job] = s.jobs();
    // when
    s.run({ type: 'throwError', jobKey: job.jobKey, errorCode: 'INVALID', variables: { reason: 'missing seal' } });
    // then
    expect(s.tasks()).toEqual(['fix']);
    expect(s.jobs()).toEqual([]);
    expect(s.state!.variables['reason']).toBe('missing seal');
  });
});

describe('start events and timer event sub-processes', () => {
  it('should list the start triggers when the server deploys the process', async () => {
    // given / when
    const s = await Scenario.fromFile(dir, 'start-events.bpmn');
    // then
    expect(startTriggers(s.process)).toEqual([
      { startEventId: 'byMessage', kind: 'message', name: 'documentReceived' },
      { startEventId: 'bySignal', kind: 'signal', name: 'audit' },
      { startEventId: 'byTimer', kind: 'timer', timer: { source: 'timeCycle', text: 'R/P1D' } },
    ]);
  });

  it('should start a new instance when its start message is correlated', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'start-events.bpmn');
    // when
    s.run({ type: 'correlateMessage', name: 'documentReceived', variables: { from: '市政府办公厅' } });
    // then
    expect(s.tasks()).toEqual(['register']);
    expect(s.state!.variables).toEqual({ from: '市政府办公厅' });
    expect((s.history[0] as { startEventId?: string }).startEventId).toBe('byMessage');
  });

  it('should start a new instance when its start signal is broadcast', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'start-events.bpmn');
    // when
    s.run({ type: 'broadcastSignal', name: 'audit' });
    // then
    expect(s.tasks()).toEqual(['register']);
  });

  it('should refuse a plain start when the process has only triggered start events', async () => {
    // given / when
    const s = await Scenario.fromFile(dir, 'start-events.bpmn');
    // then
    expect(s.reject({ type: 'start' }).code).toBe('START_EVENT_NOT_FOUND');
  });

  it('should run the non-interrupting timer event sub-process twice when its cycle is R2', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'start-events.bpmn');
    s.start(undefined, { startEventId: 'byTimer' });
    expect(s.timers().map((t) => [t.elementId, t.dueAt])).toEqual([['reminderStart', '2026-01-05T12:00:00.000Z']]);
    // when
    s.fireTimer('reminderStart');
    // then
    expect(s.jobs().map((j) => j.elementId)).toEqual(['remind']);
    expect(s.timers().map((t) => t.dueAt)).toEqual(['2026-01-05T16:00:00.000Z']);
    s.fireTimer('reminderStart');
    expect(s.timers()).toEqual([]);
    expect(s.tasks()).toEqual(['register']);
    // when the main flow ends, the instance waits for the running reminders
    s.completeTask('register');
    expect(s.status).toBe('active');
    s.completeJob('remind').completeJob('remind');
    expect(s.status).toBe('completed');
  });
});

describe('compiled model and state', () => {
  it('should execute the same when the compiled model is serialised and read back', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'start-events.bpmn');
    const copy = new Scenario(deserializeProcess(serializeProcess(s.process)));
    s.start(undefined, { startEventId: 'byTimer' });
    // when
    copy.start(undefined, { startEventId: 'byTimer' });
    // then
    expect(copy.history).toEqual(s.history);
  });

  it('should refuse to start when the process is not executable', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'start-events.bpmn');
    // when
    const stored = new Scenario({ ...s.process, isExecutable: false });
    // then
    expect(stored.reject({ type: 'start' }).code).toBe('PROCESS_NOT_EXECUTABLE');
  });

  it('should list every flow node with its name and type when compiled', async () => {
    // given / when
    const s = await Scenario.fromFile(dir, 'start-events.bpmn');
    // then
    expect(s.process.nodeList).toContainEqual({ id: 'register', name: '收文登记', type: 'userTask' });
    expect(s.process.nodeList).toHaveLength(9);
  });
});

describe('signal throw within one instance (BPMN 2.0 §10.5.1)', () => {
  it('should reach the boundary of the other branch in the same call and ask for a broadcast when a signal is thrown', async () => {
    // given two parallel tasks, b listening for the signal a throws
    const s = await Scenario.fromFile(dir, 'signal-race.bpmn');
    s.start();
    // when
    s.completeTask('a');
    // then
    expect(s.status).toBe('completed');
    expect(s.lastEvents.map((e) => e.type)).toContain('task.cancelled');
    expect(s.lastEffects).toContainEqual({ type: 'throwSignal', name: 'done', variables: {} });
  });
});

describe('timer start events for the server scheduler', () => {
  it('should give the first and following fire times when a start timer cycles', async () => {
    // given a start timer R/P1D (repeats forever), deployed at 08:00
    const s = await Scenario.fromFile(dir, 'start-events.bpmn');
    const from = '2026-01-05T08:00:00.000Z';
    // when / then
    expect(nextStartTimer(s.process, 'byTimer', from)).toEqual({ dueAt: '2026-01-06T08:00:00.000Z' });
    expect(nextStartTimer(s.process, 'byTimer', from, undefined, { dueAt: '2026-01-06T08:00:00.000Z', firedCount: 1 })).toEqual({
      dueAt: '2026-01-07T08:00:00.000Z',
    });
    expect(nextStartTimer(s.process, 'byMessage', from)).toEqual({ error: expect.stringContaining('byMessage') });
  });
});
