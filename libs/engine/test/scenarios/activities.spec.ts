import type { EngineEvent } from '../../src';
import { Scenario } from '../support/scenario';

const dir = __dirname;
type TaskCreated = Extract<EngineEvent, { type: 'task.created' }>;

describe('multi-instance (BPMN 2.0 §10.3.6)', () => {
  it('should create one task per item with the element variable as assignee when the body starts over a collection', async () => {
    // given / when
    const s = await Scenario.fromFile(dir, 'multi-instance.bpmn');
    s.start({ signers: ['li', 'wang', 'zhao'], rounds: 2 });
    // then
    const created = s.eventsOf('task.created') as TaskCreated[];
    expect(created.map((e) => e.assignee)).toEqual(['li', 'wang', 'zhao']);
    expect(created.map((e) => e.multiInstance?.loopCounter)).toEqual([0, 1, 2]);
    expect(created[0].multiInstance?.nrOfInstances).toBe(3);
  });

  it('should complete the body and cancel the rest when the completion condition holds', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'multi-instance.bpmn');
    s.start({ signers: ['li', 'wang', 'zhao'], rounds: 2 });
    const [first, second] = s.taskIds('countersign');
    // when
    s.run({ type: 'completeTask', elementInstanceId: first });
    expect(s.taskIds('countersign')).toHaveLength(2);
    s.run({ type: 'completeTask', elementInstanceId: second });
    // then
    expect(s.lastEvents.filter((e) => e.type === 'task.cancelled')).toHaveLength(1);
    expect(s.tasks()).toEqual(['sequential']);
  });

  it('should run instances one after another, loopCardinality times, when the loop is sequential', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'multi-instance.bpmn');
    s.start({ signers: ['li', 'wang'], rounds: 2 });
    s.completeTask('countersign').completeTask('countersign');
    // when / then
    expect(s.taskIds('sequential')).toHaveLength(1);
    s.completeTask('sequential');
    expect(s.taskIds('sequential')).toHaveLength(1);
    s.completeTask('sequential');
    expect(s.status).toBe('completed');
  });

  it('should count nrOfActiveInstances as the inner instances still open when inner instances start, complete and are removed', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'multi-instance-active.bpmn');
    s.start({ signers: ['li', 'wang', 'zhao', 'qian'] });
    const created = s.eventsOf('task.created') as TaskCreated[];
    // the n-th inner instance sees the ones activated before it
    expect(created.map((e) => e.candidateGroups)).toEqual([['active-1'], ['active-2'], ['active-3'], ['active-4']]);
    const [li, wang, zhao] = s.taskIds('sign');
    // when: 4 → 3 open (condition "≤ 1 open" false), then one removed (2 open), then one completed (1 open)
    s.run({ type: 'completeTask', elementInstanceId: li });
    expect(s.taskIds('sign')).toHaveLength(3);
    s.run({ type: 'removeInstances', innerElementInstanceIds: [wang] });
    expect(s.taskIds('sign')).toHaveLength(2);
    s.run({ type: 'completeTask', elementInstanceId: zhao });
    // then
    expect(s.lastEvents.filter((e) => e.type === 'task.cancelled')).toHaveLength(1);
    expect(s.tasks()).toEqual(['after']);
  });

  it('should skip the activity when the collection is empty', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'multi-instance.bpmn');
    // when
    s.start({ signers: [], rounds: 0 });
    // then
    expect(s.status).toBe('completed');
  });

  it('should raise an incident when the collection is not a list', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'multi-instance.bpmn');
    // when
    s.start({ signers: 'li', rounds: 1 });
    // then
    expect(s.incidents().map((i) => i.code)).toEqual(['EXPRESSION_FAILED']);
  });
});

describe('countersign rules (会签, oa:countersign)', () => {
  it('should approve when the ratio of approvals is reached', async () => {
    // given ratio:0.6 over five signers
    const s = await Scenario.fromFile(dir, 'countersign.bpmn', 'countersignRules');
    s.start({ signers: ['a', 'b', 'c', 'd', 'e'] });
    const created = s.eventsOf('task.created') as TaskCreated[];
    expect(created[0].countersign).toEqual({ kind: 'ratio', ratio: 0.6 });
    const ids = s.taskIds('vote');
    // when three approve
    s.run({ type: 'completeTask', elementInstanceId: ids[0], outcome: 'approve' });
    s.run({ type: 'completeTask', elementInstanceId: ids[1], outcome: 'reject' });
    s.run({ type: 'completeTask', elementInstanceId: ids[2], outcome: 'approve' });
    expect(s.taskIds('vote')).toHaveLength(2);
    s.run({ type: 'completeTask', elementInstanceId: ids[3], outcome: 'approve' });
    // then
    expect(s.state!.variables['vote_countersign']).toBe('approved');
    expect(s.tasks()).toEqual(['after']);
    expect(s.timers()).toEqual([]);
  });

  it('should reject when the ratio can no longer be reached', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'countersign.bpmn', 'countersignRules');
    s.start({ signers: ['a', 'b', 'c'] });
    const ids = s.taskIds('vote');
    // when
    s.run({ type: 'completeTask', elementInstanceId: ids[0], outcome: 'reject' });
    // then
    expect(s.taskIds('vote')).toHaveLength(2);
    s.run({ type: 'completeTask', elementInstanceId: ids[1], outcome: 'reject' });
    expect(s.state!.variables['vote_countersign']).toBe('rejected');
    expect(s.tasks()).toEqual(['after']);
  });

  it('should end the vote when the first veto comes in', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'countersign.bpmn', 'vetoRule');
    s.start({ signers: ['a', 'b', 'c'] });
    const ids = s.taskIds('vvote');
    s.run({ type: 'completeTask', elementInstanceId: ids[0], outcome: 'approve' });
    // when
    s.run({ type: 'completeTask', elementInstanceId: ids[1], outcome: 'veto' });
    // then
    expect(s.state!.variables['vvote_countersign']).toBe('rejected');
    expect(s.tasks()).toEqual(['vafter']);
  });

  it('should interrupt the whole vote when the boundary timer on the multi-instance body fires', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'countersign.bpmn', 'countersignRules');
    s.start({ signers: ['a', 'b'] });
    // when
    s.fireTimer('timeout');
    // then
    expect(s.tasks()).toEqual(['late']);
  });
});

describe('call activity (BPMN 2.0 §10.3.4)', () => {
  it('should ask the server to start the pinned child version with mapped variables when the call activity is reached', async () => {
    // given / when
    const s = await Scenario.fromFile(dir, 'call-activity.bpmn');
    s.start({ docNo: 'GW-2026-1', amount: 30, secret: 'x' });
    // then
    expect(s.active()).toEqual(['callChild']);
    expect(s.lastEffects).toContainEqual({
      type: 'startChild',
      elementInstanceId: s.instanceOf('callChild'),
      processKey: 'childProcess',
      version: 3,
      variables: { documentNumber: 'GW-2026-1', total: 30 },
    });
  });

  it('should continue with the output mapping when the child completes', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'call-activity.bpmn');
    s.start({ docNo: 'GW-2026-1', amount: 30 });
    // when
    s.run({ type: 'childCompleted', elementInstanceId: s.instanceOf('callChild'), variables: { verdict: 'ok', noise: 1 } });
    // then
    expect(s.status).toBe('completed');
    expect(s.state!.variables).toEqual({ docNo: 'GW-2026-1', amount: 30, childVerdict: 'ok' });
  });

  it('should follow the error boundary of the call activity when the child reports a BPMN error', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'call-activity.bpmn');
    s.start({ docNo: 'x', amount: 1 });
    // when
    s.run({ type: 'throwError', elementInstanceId: s.instanceOf('callChild'), errorCode: 'CHILD_FAILED' });
    // then
    expect(s.tasks()).toEqual(['repair']);
    expect(s.lastEffects).toContainEqual({ type: 'cancelChild', elementInstanceId: expect.any(String) });
  });

  it('should reject childCompleted when the element instance does not wait for a child', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'call-activity.bpmn');
    // when
    s.start({ docNo: 'x', amount: 1 });
    // then
    expect(s.reject({ type: 'childCompleted', elementInstanceId: 'nope', variables: {} }).code).toBe('ELEMENT_INSTANCE_NOT_FOUND');
  });
});

describe('event sub-processes (BPMN 2.0 §10.3.5)', () => {
  it('should cancel the main flow when the interrupting event sub-process starts', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'event-subprocess.bpmn');
    s.start();
    // when
    s.run({ type: 'correlateMessage', name: 'withdraw' });
    // then
    expect(s.tasks()).toEqual(['confirmWithdraw']);
    expect(Object.values(s.state!.subs)).toEqual([]);
    s.completeTask('confirmWithdraw');
    expect(s.status).toBe('completed');
  });

  it('should run beside the main flow, and again, when the non-interrupting event sub-process starts', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'event-subprocess.bpmn');
    s.start();
    // when
    s.run({ type: 'correlateMessage', name: 'query' }).run({ type: 'correlateMessage', name: 'query' });
    // then
    expect(s.tasks()).toEqual(['answer', 'answer', 'handle']);
    // when the main flow ends, the instance waits for the running event sub-processes
    s.completeTask('handle');
    expect(s.status).toBe('active');
    s.completeTask('answer').completeTask('answer');
    expect(s.status).toBe('completed');
  });
});

describe('event sub-process inside an embedded sub-process', () => {
  it('should replace the sub-process content but keep the sub-process boundary timer when it interrupts', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'nested-event-subprocess.bpmn');
    s.start();
    // when
    s.run({ type: 'correlateMessage', name: 'correct' });
    // then
    expect(s.tasks()).toEqual(['correctText']);
    expect(s.timers().map((t) => t.elementId)).toEqual(['deadline']);
    // when the correction is done, the sub-process completes and the flow continues
    s.completeTask('correctText');
    expect(s.tasks()).toEqual(['publish']);
    expect(s.timers()).toEqual([]);
  });

  it('should cancel the event sub-process subscription when the boundary timer interrupts the sub-process', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'nested-event-subprocess.bpmn');
    // when
    s.start().fireTimer('deadline');
    // then
    expect(s.tasks()).toEqual(['late']);
    expect(s.state!.subs).toEqual({});
  });
});
