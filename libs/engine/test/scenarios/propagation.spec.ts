import { Scenario } from '../support/scenario';

const dir = __dirname;

describe('error propagation through nested sub-processes (BPMN 2.0 §10.5.6)', () => {
  it('should carry the error out of two levels and cancel the sibling when a nested job throws', async () => {
    // given a job running two levels deep beside a sibling task
    const s = await Scenario.fromFile(dir, 'nested-errors.bpmn');
    s.start();
    expect(s.tasks()).toEqual(['sibling']);
    const [job] = s.jobs();
    // when the job handler reports the BPMN error
    s.run({ type: 'throwError', jobKey: job.jobKey, errorCode: 'FATAL' });
    // then the outer boundary catches it and everything inside is gone
    expect(s.active()).toEqual(['recover']);
    expect(
      s.lastEvents
        .filter((e) => e.type === 'element.terminated')
        .map((e) => (e as { elementId: string }).elementId)
        .sort(),
    ).toEqual(['inner', 'outer', 'sibling', 'work']);
    expect(s.jobs()).toEqual([]);
    expect(s.lastEvents.map((e) => e.type)).toContain('job.completed');
  });

  it('should raise an incident and keep the token when a job fails without a BPMN error', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'nested-errors.bpmn');
    s.start();
    // when
    s.run({ type: 'failJob', jobKey: s.jobs()[0].jobKey, error: 'timeout', retriesLeft: 0 });
    // then
    expect(s.incidents().map((i) => i.code)).toEqual(['JOB_FAILED']);
    expect(s.active()).toEqual(['inner', 'outer', 'sibling', 'work']);
  });

  it('should start the escalation branch beside the call when the child escalates', async () => {
    // given the parent waits for the helper child
    const s = await Scenario.fromFile(dir, 'nested-errors.bpmn');
    s.start().completeJob('work').completeTask('sibling');
    expect(s.active()).toEqual(['callHelper']);
    // when the child escalates
    s.run({ type: 'childEscalated', elementInstanceId: s.instanceOf('callHelper'), escalationCode: 'HELP' });
    // then assistance starts and the call keeps waiting
    expect(s.tasks()).toEqual(['assist']);
    expect(s.active()).toEqual(['assist', 'callHelper']);
    s.run({ type: 'childCompleted', elementInstanceId: s.instanceOf('callHelper'), variables: {} });
    s.completeTask('assist');
    expect(s.status).toBe('completed');
  });

  it('should refuse the command when the state belongs to another process', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'nested-errors.bpmn');
    s.start();
    const other = await Scenario.fromFile(dir, 'terminate.bpmn');
    // when
    other.state = s.state;
    // then
    expect(other.reject({ type: 'cancel' }).code).toBe('INVALID_COMMAND');
  });
});
