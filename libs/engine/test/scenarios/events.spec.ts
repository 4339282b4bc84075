import { Scenario } from '../support/scenario';

const dir = __dirname;

describe('boundary timers (BPMN 2.0 §10.5.4)', () => {
  it('should schedule both boundary timers when the task is created', async () => {
    // given / when
    const s = await Scenario.fromFile(dir, 'boundary-timers.bpmn');
    s.start();
    // then
    expect(s.timers().map((t) => [t.elementId, t.dueAt])).toEqual([
      ['deadline', '2026-01-05T10:00:00.000Z'],
      ['reminder', '2026-01-05T08:30:00.000Z'],
    ]);
    expect(s.lastEffects.filter((e) => e.type === 'scheduleTimer')).toHaveLength(2);
  });

  it('should interrupt the task and cancel the other timer when the interrupting timer fires', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'boundary-timers.bpmn');
    s.start();
    // when
    s.fireTimer('deadline');
    // then
    expect(s.tasks()).toEqual(['escalate']);
    expect(s.timers()).toEqual([]);
    expect(s.lastEvents.map((e) => e.type)).toContain('task.cancelled');
    expect(s.lastEffects.map((e) => e.type)).toContain('cancelTimer');
  });

  it('should keep the task and repeat the cycle when the non-interrupting timer fires', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'boundary-timers.bpmn');
    s.start();
    // when
    s.fireTimer('reminder');
    // then the task stays, a reminder job is created and the cycle is rescheduled once more
    expect(s.tasks()).toEqual(['review']);
    expect(s.jobs().map((j) => j.elementId)).toEqual(['urge']);
    expect(s.lastEffects.find((e) => e.type === 'createJob')).toMatchObject({ jobType: 'notify-urge', retries: 5 });
    expect(s.timers().map((t) => [t.elementId, t.dueAt])).toEqual([
      ['deadline', '2026-01-05T10:00:00.000Z'],
      ['reminder', '2026-01-05T09:00:00.000Z'],
    ]);
    // when R2 is used up
    s.fireTimer('reminder');
    // then no third reminder is scheduled
    expect(s.timers().map((t) => t.elementId)).toEqual(['deadline']);
  });

  it('should cancel the timers when the task completes in time', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'boundary-timers.bpmn');
    // when
    s.start().completeTask('review');
    // then
    expect(s.timers()).toEqual([]);
    expect(s.status).toBe('completed');
  });

  it('should reject firing a timer when it is no longer pending', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'boundary-timers.bpmn');
    s.start();
    const timerId = s.timers()[0].timerId;
    // when
    s.completeTask('review');
    // then
    expect(s.reject({ type: 'fireTimer', timerId }).code).toBe('INSTANCE_NOT_ACTIVE');
  });
});

describe('intermediate events (BPMN 2.0 §10.5.5-6)', () => {
  it('should pass timer, message, signal, conditional and link events when each one occurs', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'events.bpmn');
    s.start();
    expect(s.active()).toEqual(['waitTimer']);
    // when the timer fires
    s.fireTimer('waitTimer');
    // then a message subscription is opened
    expect(s.active()).toEqual(['waitPaid']);
    expect(s.lastEffects).toContainEqual(expect.objectContaining({ type: 'subscribeMessage', name: 'paid' }));
    expect(s.reject({ type: 'correlateMessage', name: 'unknown' }).code).toBe('NO_SUBSCRIPTION');
    // when the message arrives with a payload
    s.run({ type: 'correlateMessage', name: 'paid', variables: { amount: 12 } });
    expect(s.state!.variables).toEqual({ amount: 12 });
    expect(s.active()).toEqual(['waitSignal']);
    // when the signal is broadcast
    s.run({ type: 'broadcastSignal', name: 'recall' });
    expect(s.active()).toEqual(['waitCondition']);
    // when a variable makes the condition true
    s.run({ type: 'setVariables', variables: { approved: false } });
    expect(s.active()).toEqual(['waitCondition']);
    s.run({ type: 'setVariables', variables: { approved: true } });
    // then the throw events produce effects and the link jumps to the end
    expect(s.status).toBe('completed');
    expect(s.lastEffects.map((e) => e.type)).toEqual(['throwSignal', 'sendMessage', 'sendMessage', 'processCompleted']);
    expect(s.completedElements()).toEqual([
      'start',
      'waitTimer',
      'waitPaid',
      'waitSignal',
      'waitCondition',
      'announce',
      'notify',
      'jump',
      'land',
      'none',
      'end',
    ]);
  });
});

describe('event-based gateway (BPMN 2.0 §13.3.5)', () => {
  it('should subscribe to every event after the gateway when it is reached', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'event-based-gateway.bpmn');
    // when
    s.start();
    // then
    expect(s.active()).toEqual(['gw']);
    expect(
      Object.values(s.state!.subs)
        .map((x) => x.k)
        .sort(),
    ).toEqual(['message', 'signal', 'timer']);
  });

  it('should follow the message and cancel the others when the message wins the race', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'event-based-gateway.bpmn');
    s.start();
    // when
    s.run({ type: 'correlateMessage', name: 'reply' });
    // then
    expect(s.tasks()).toEqual(['handleReply']);
    expect(s.state!.subs).toEqual({});
    expect(s.lastEffects.map((e) => e.type).sort()).toEqual(['cancelTimer', 'unsubscribeMessage', 'unsubscribeSignal']);
  });

  it('should follow the timer when it fires first', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'event-based-gateway.bpmn');
    // when
    s.start().fireTimer('onTimeout');
    // then
    expect(s.tasks()).toEqual(['chase']);
    expect(s.reject({ type: 'correlateMessage', name: 'reply' }).code).toBe('NO_SUBSCRIPTION');
  });

  it('should follow the signal when it is broadcast first', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'event-based-gateway.bpmn');
    // when
    s.start().run({ type: 'broadcastSignal', name: 'cancel' });
    // then
    expect(s.status).toBe('completed');
  });
});

describe('errors and escalations (BPMN 2.0 §10.5.6 propagation)', () => {
  it('should interrupt the sub-process and follow the error boundary when an error end event is reached inside', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'error-escalation.bpmn');
    s.start();
    // when
    s.completeTask('check', { result: 'rejected' });
    // then
    expect(s.tasks()).toEqual(['rework']);
    expect(s.active()).toEqual(['rework']);
    expect(s.eventsOf('error.thrown')).toEqual([expect.objectContaining({ errorCode: 'REJECTED', caughtBy: 'onRejected' })]);
  });

  it('should keep the sub-process running when a non-interrupting escalation boundary catches an escalation', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'error-escalation.bpmn');
    s.start();
    // when
    s.completeTask('check', { result: 'late' });
    // then
    expect(s.tasks()).toEqual(['afterLate', 'inform']);
    s.completeTask('afterLate');
    expect(s.tasks()).toEqual(['inform']);
    s.completeTask('inform');
    expect(s.status).toBe('completed');
  });

  it('should end the instance with outcome "error" and tell a parent when no one catches the error', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'error-escalation.bpmn');
    // when
    s.start().completeTask('check', { result: 'other' });
    // then
    expect(s.status).toBe('terminated');
    expect(s.state!.outcome).toBe('error');
    expect(s.lastEffects).toContainEqual({ type: 'errorToParent', errorCode: 'OTHER' });
  });

  it('should complete the sub-process normally when no error is thrown', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'error-escalation.bpmn');
    // when
    s.start().completeTask('check', { result: 'ok' });
    // then
    expect(s.status).toBe('completed');
  });
});
