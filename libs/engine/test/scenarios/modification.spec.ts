import type { EngineEvent } from '../../src';
import { Scenario } from '../support/scenario';

const dir = __dirname;
type TaskCreated = Extract<EngineEvent, { type: 'task.created' }>;

async function started(): Promise<Scenario> {
  const s = await Scenario.fromFile(dir, 'approval.bpmn');
  return s.start({ signers: ['li', 'wang'] }).completeTask('draft');
}

describe('move token back (退回) in a parallel topology', () => {
  it('should re-run only the returned branch and keep the other arrival when a token is moved back', async () => {
    // given finance has arrived at the join and legal is at its second step
    const s = await started();
    s.completeTask('finance').completeTask('legal');
    const joinKey = `${s.state!.root}|join`;
    expect(s.state!.joins[joinKey]).toEqual(['f7']);
    // when legal2 is returned to legal
    s.run({ type: 'moveToken', fromElementInstanceId: s.taskIds('legal2')[0], targetElementId: 'legal', mode: 'rerun' });
    // then legal runs again, finance's arrival is kept
    expect(s.tasks()).toEqual(['legal']);
    expect(s.state!.joins[joinKey]).toEqual(['f7']);
    expect(s.lastEvents.map((e) => e.type)).toEqual([
      'token.moved',
      'task.cancelled',
      'element.terminated',
      'element.activated',
      'task.created',
    ]);
    // when the branch is done again
    s.completeTask('legal').completeTask('legal2');
    // then the join fires exactly once
    expect(s.tasks()).toEqual(['countersign', 'countersign']);
  });

  it('should route the re-run straight back to the returning element when the mode is direct', async () => {
    // given the document is at sign
    const s = await started();
    s.completeTask('finance').completeTask('legal').completeTask('legal2');
    s.completeTask('countersign').completeTask('countersign');
    expect(s.tasks()).toEqual(['sign']);
    // when sign returns it to draft directly
    s.run({ type: 'moveToken', fromElementInstanceId: s.taskIds('sign')[0], targetElementId: 'draft', mode: 'direct' });
    expect(s.tasks()).toEqual(['draft']);
    s.completeTask('draft');
    // then it skips the parallel part and the countersign
    expect(s.tasks()).toEqual(['sign']);
    s.completeTask('sign');
    expect(s.status).toBe('completed');
  });

  it('should reject a move when the target was never visited', async () => {
    // given
    const s = await started();
    // when
    const rejection = s.reject({ type: 'moveToken', fromElementInstanceId: s.taskIds('legal')[0], targetElementId: 'sign', mode: 'rerun' });
    // then
    expect(rejection.code).toBe('TARGET_NOT_VISITED');
  });

  it('should reject a move when the element instance is unknown', async () => {
    // given
    const s = await started();
    // when
    const rejection = s.reject({ type: 'moveToken', fromElementInstanceId: 'nope', targetElementId: 'draft', mode: 'rerun' });
    // then
    expect(rejection.code).toBe('ELEMENT_INSTANCE_NOT_FOUND');
  });
});

describe('modification in a multi-instance topology', () => {
  async function atCountersign(): Promise<Scenario> {
    const s = await started();
    return s.completeTask('finance').completeTask('legal').completeTask('legal2');
  }

  it('should add a countersigner (加签) when the vote is running', async () => {
    // given
    const s = await atCountersign();
    const body = s.instanceOf('countersign');
    // when
    s.run({ type: 'addInstances', elementInstanceId: body, items: ['zhao'] });
    // then
    const created = s.lastEvents.filter((e) => e.type === 'task.created') as TaskCreated[];
    expect(created.map((e) => [e.assignee, e.multiInstance?.loopCounter, e.multiInstance?.nrOfInstances])).toEqual([['zhao', 2, 3]]);
    s.completeTask('countersign').completeTask('countersign');
    expect(s.taskIds('countersign')).toHaveLength(1);
    s.completeTask('countersign');
    expect(s.tasks()).toEqual(['sign']);
  });

  it('should remove a countersigner (减签) and complete when the rest are done', async () => {
    // given
    const s = await atCountersign();
    const [li, wang] = s.taskIds('countersign');
    s.run({ type: 'completeTask', elementInstanceId: li });
    // when
    s.run({ type: 'removeInstances', innerElementInstanceIds: [wang] });
    // then
    expect(s.tasks()).toEqual(['sign']);
    expect(s.state!.instances).not.toHaveProperty(wang);
  });

  it('should cancel the whole vote when an inner task is returned to an element before it', async () => {
    // given
    const s = await atCountersign();
    // when
    s.run({ type: 'moveToken', fromElementInstanceId: s.taskIds('countersign')[0], targetElementId: 'draft', mode: 'rerun' });
    // then
    expect(s.tasks()).toEqual(['draft']);
    expect(s.lastEvents.filter((e) => e.type === 'task.cancelled')).toHaveLength(2);
  });

  it('should reject adding instances when the element is not a multi-instance body', async () => {
    // given
    const s = await atCountersign();
    const inner = s.taskIds('countersign')[0];
    // when / then
    expect(s.reject({ type: 'addInstances', elementInstanceId: inner, items: ['x'] }).code).toBe('NOT_MULTI_INSTANCE');
  });

  it('should let the vote finish with the others when one inner instance is cancelled', async () => {
    // given
    const s = await atCountersign();
    const [li, wang] = s.taskIds('countersign');
    // when
    s.run({ type: 'cancelElementInstance', elementInstanceId: li });
    // then
    expect(s.taskIds('countersign')).toEqual([wang]);
    s.completeTask('countersign');
    expect(s.tasks()).toEqual(['sign']);
  });
});

describe('cancel and terminate', () => {
  it('should leave the join waiting when an element instance of a parallel branch is cancelled (strict semantics)', async () => {
    // given
    const s = await started();
    s.run({ type: 'cancelElementInstance', elementInstanceId: s.taskIds('finance')[0] });
    // when
    s.completeTask('legal').completeTask('legal2');
    // then
    expect(s.status).toBe('active');
    expect(s.tasks()).toEqual([]);
  });

  it('should cancel every open task when the instance is terminated with an outcome', async () => {
    // given
    const s = await started();
    // when
    s.run({ type: 'terminate', outcome: 'rejected' });
    // then
    expect(s.status).toBe('terminated');
    expect(s.state!.outcome).toBe('rejected');
    expect(s.lastEvents.filter((e) => e.type === 'task.cancelled')).toHaveLength(2);
    expect(s.lastEffects).toContainEqual({ type: 'processTerminated', outcome: 'rejected' });
  });
});
