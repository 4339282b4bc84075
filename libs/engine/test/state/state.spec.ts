import { apply, initialState, replay } from '../../src';
import { Scenario } from '../support/scenario';

describe('instance state', () => {
  it('should stay under 2 KB of JSON when a 10-step instance waits at its last step', async () => {
    // given
    const s = await Scenario.fromFile(__dirname, 'ten-steps.bpmn');
    s.start({ title: '关于2026年春节放假安排的通知', docNo: '办〔2026〕1号' }, { initiator: 'zhangsan', businessKey: 'GW-2026-0001' });
    // when
    for (let i = 1; i < 10; i++) s.completeTask(`step${i}`);
    // then
    expect(s.tasks()).toEqual(['step10']);
    const size = Buffer.byteLength(JSON.stringify(s.state), 'utf8');
    expect(size).toBeLessThan(2048);
  });

  it('should carry a schema version and no model objects when started', async () => {
    // given
    const s = await Scenario.fromFile(__dirname, 'ten-steps.bpmn');
    // when
    s.start();
    // then
    expect(s.state!.schemaVersion).toBe(1);
    expect(JSON.stringify(s.state)).not.toContain('candidateGroups');
  });

  it('should not modify the state it is given when applying an event', async () => {
    // given
    const s = await Scenario.fromFile(__dirname, 'ten-steps.bpmn');
    s.start();
    const before = JSON.stringify(s.state);
    const event = s.history.find((e) => e.type === 'task.created')!;
    // when
    const next = apply(s.state!, { ...event, type: 'element.completed' } as never);
    // then
    expect(JSON.stringify(s.state)).toBe(before);
    expect(next).not.toBe(s.state);
  });

  it('should rebuild the state when the events of several commands are replayed', async () => {
    // given
    const s = await Scenario.fromFile(__dirname, 'ten-steps.bpmn');
    // when
    s.start().completeTask('step1').completeTask('step2');
    // then
    expect(replay(s.history, initialState())).toEqual(s.state);
  });
});
