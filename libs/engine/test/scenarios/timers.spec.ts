import type { EngineEvent } from '../../src';
import { Scenario } from '../support/scenario';

const dir = __dirname;
type TaskCreated = Extract<EngineEvent, { type: 'task.created' }>;

describe('working-day timers (oa:dueWorkdays) and expression timers', () => {
  it('should set the task due date and the supervision timer in working days when oa:dueWorkdays is set', async () => {
    // given Monday 2026-01-05 08:00; five working days later is Monday 2026-01-12
    const s = await Scenario.fromFile(dir, 'workday-timers.bpmn');
    // when
    s.start({ people: ['a'] });
    // then
    expect((s.eventsOf('task.created')[0] as TaskCreated).dueAt).toBe('2026-01-12T08:00:00.000Z');
    expect(s.timers()).toEqual([{ timerId: expect.any(String), elementId: 'overdue', dueAt: '2026-01-12T08:00:00.000Z' }]);
    // when the deadline passes, supervision (督办) starts beside the task
    s.fireTimer('overdue');
    expect(s.tasks()).toEqual(['handle', 'supervise']);
  });

  it('should evaluate a timeDate expression when the catch event is entered', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'workday-timers.bpmn');
    // when
    s.start({ people: ['a'], resumeAt: '2026-03-01T00:00:00+08:00' }).completeTask('handle');
    // then
    expect(s.timers().map((t) => [t.elementId, t.dueAt])).toEqual([['pause', '2026-02-28T16:00:00.000Z']]);
  });

  it('should raise an incident when the timeDate expression does not yield a date', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'workday-timers.bpmn');
    // when
    s.start({ people: ['a'], resumeAt: 'soon' }).completeTask('handle');
    // then
    expect(s.incidents().map((i) => i.code)).toEqual(['TIMER_INVALID']);
    s.run({ type: 'setVariables', variables: { resumeAt: '2026-03-01T00:00:00Z' } });
    s.run({ type: 'resolveIncident', incidentId: Object.keys(s.state!.incidents)[0] });
    expect(s.timers().map((t) => t.elementId)).toEqual(['pause']);
  });
});

describe('deadlines fixed outside the model (oa:dueDate)', () => {
  it('should take the task due date and the timer from the variables when oa:dueDate yields a date', async () => {
    // given a document whose 办理期限 was counted at registration
    const s = await Scenario.fromFile(dir, 'document-deadline.bpmn');
    // when
    s.start({ dueAt: '2025-10-10T09:30:00.000Z', overdueAt: '2025-10-11T01:00:00.000Z' });
    // then
    expect((s.eventsOf('task.created')[0] as TaskCreated).dueAt).toBe('2025-10-10T09:30:00.000Z');
    expect(s.timers().map((t) => [t.elementId, t.dueAt])).toEqual([['overdue', '2025-10-11T01:00:00.000Z']]);
  });

  it('should count oa:dueWorkdays when the oa:dueDate variable is null', async () => {
    // given a document registered without a time limit (Monday 2026-01-05 08:00 in the test env)
    const s = await Scenario.fromFile(dir, 'document-deadline.bpmn');
    // when
    s.start({ dueAt: null, overdueAt: null });
    // then five working days later, as without oa:dueDate
    expect((s.eventsOf('task.created')[0] as TaskCreated).dueAt).toBe('2026-01-12T08:00:00.000Z');
    expect(s.timers().map((t) => [t.elementId, t.dueAt])).toEqual([['overdue', '2026-01-12T08:00:00.000Z']]);
  });

  it('should raise an incident when oa:dueDate yields text that is no date', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'document-deadline.bpmn');
    // when
    s.start({ dueAt: null, overdueAt: 'next week' });
    // then
    expect(s.incidents().map((i) => i.code)).toEqual(['TIMER_INVALID']);
  });
});

describe('sequential multi-instance with added signers', () => {
  it('should run added items after the planned ones when a signer is added to a sequential loop', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'workday-timers.bpmn');
    s.start({ people: ['li', 'wang'], resumeAt: '2026-01-06T00:00:00Z' })
      .completeTask('handle')
      .fireTimer('pause');
    expect((s.lastEvents.find((e) => e.type === 'task.created') as TaskCreated).assignee).toBe('li/2');
    // when a signer is added (加签) to the sequential loop
    s.run({ type: 'addInstances', elementInstanceId: s.instanceOf('signers'), items: ['zhao'] });
    // then the loop runs li, wang, zhao
    s.completeTask('signers');
    expect((s.lastEvents.find((e) => e.type === 'task.created') as TaskCreated).assignee).toBe('wang/3');
    s.completeTask('signers');
    expect((s.lastEvents.find((e) => e.type === 'task.created') as TaskCreated).assignee).toBe('zhao/3');
    s.completeTask('signers');
    expect(s.status).toBe('completed');
  });
});
