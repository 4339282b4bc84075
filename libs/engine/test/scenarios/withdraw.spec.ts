// 撤回 (withdraw): undoing a user task completion while what it created still waits, in a
// straight line, in parallel branches and on multi-instance (会签) tasks.
import { withdrawalPlan, type EngineEvent } from '../../src';
import { Scenario } from '../support/scenario';

const dir = __dirname;
type TaskCreated = Extract<EngineEvent, { type: 'task.created' }>;

function completed(s: Scenario, elementId: string): string[] {
  return s.history
    .filter((e) => e.type === 'task.completed' && e.elementId === elementId)
    .map((e) => (e as { elementInstanceId: string }).elementInstanceId);
}

function lastCompleted(s: Scenario, elementId: string): string {
  const ids = completed(s, elementId);
  return ids[ids.length - 1];
}

function withdraw(s: Scenario, elementId: string): Scenario {
  return s.run({ type: 'withdraw', elementInstanceId: lastCompleted(s, elementId) });
}

function created(s: Scenario): TaskCreated[] {
  return s.lastEvents.filter((e): e is TaskCreated => e.type === 'task.created');
}

function cancelled(s: Scenario): string[] {
  return s.lastEvents
    .filter((e) => e.type === 'task.cancelled')
    .map((e) => (e as { elementId: string }).elementId)
    .sort();
}

describe('撤回 in a straight line', () => {
  async function straight(): Promise<Scenario> {
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'straight');
    return s.start();
  }

  it('should cancel the next task and reopen the completed one under a new id when it is withdrawn', async () => {
    // given 拟稿 was completed and 审核 waits
    const s = (await straight()).completeTask('draft');
    const draftId = lastCompleted(s, 'draft');
    const reviewId = s.taskIds('review')[0];
    expect(withdrawalPlan(s.state!, draftId)).toEqual({ cancelsTasks: [reviewId] });
    // when
    withdraw(s, 'draft');
    // then
    expect(s.tasks()).toEqual(['draft']);
    const [reopened] = s.taskIds('draft');
    expect(reopened).not.toBe(draftId);
    expect(s.lastEvents.map((e) => e.type)).toEqual([
      'task.withdrawn',
      'task.cancelled',
      'element.terminated',
      'element.activated',
      'task.created',
    ]);
    expect(s.lastEvents[0]).toMatchObject({
      type: 'task.withdrawn',
      elementId: 'draft',
      elementInstanceId: draftId,
      reopenedElementInstanceId: reopened,
    });
    expect(created(s)[0]).toMatchObject({ elementInstanceId: reopened, withdrawnFrom: draftId, name: '拟稿' });
    expect(s.state!.wd).toBeUndefined();
    // and the flow goes on as before
    s.completeTask('draft').completeTask('review').completeTask('approve');
    expect(s.status).toBe('completed');
  });

  it('should refuse when a task the completion created has been completed', async () => {
    // given 审核 was completed after 拟稿
    const s = (await straight()).completeTask('draft').completeTask('review');
    // when / then
    expect(s.reject({ type: 'withdraw', elementInstanceId: lastCompleted(s, 'draft') }).code).toBe('NOT_WITHDRAWABLE');
    expect(withdrawalPlan(s.state!, lastCompleted(s, 'draft'))).toBeNull();
    // but the latest completion can be withdrawn
    withdraw(s, 'review');
    expect(s.tasks()).toEqual(['review']);
  });

  it('should keep one record only: the latest completion per waiting task', async () => {
    // given
    const s = (await straight()).completeTask('draft').completeTask('review');
    // then
    expect(Object.keys(s.state!.wd ?? {})).toEqual([lastCompleted(s, 'review')]);
  });

  it('should refuse an open task, an unknown id, a second withdraw and a finished instance', async () => {
    // given
    const s = (await straight()).completeTask('draft');
    // when / then
    expect(s.reject({ type: 'withdraw', elementInstanceId: s.taskIds('review')[0] }).code).toBe('NOT_WITHDRAWABLE');
    expect(s.reject({ type: 'withdraw', elementInstanceId: 'nope' }).code).toBe('NOT_WITHDRAWABLE');
    expect(s.reject({ type: 'withdraw', elementInstanceId: '__proto__' }).code).toBe('NOT_WITHDRAWABLE');
    expect(s.reject({ type: 'withdraw', elementInstanceId: 42 as never }).code).toBe('INVALID_COMMAND');
    const draftId = lastCompleted(s, 'draft');
    withdraw(s, 'draft');
    expect(s.reject({ type: 'withdraw', elementInstanceId: draftId }).code).toBe('NOT_WITHDRAWABLE');
    s.completeTask('draft').completeTask('review').completeTask('approve');
    expect(s.reject({ type: 'withdraw', elementInstanceId: lastCompleted(s, 'approve') }).code).toBe('INSTANCE_NOT_ACTIVE');
  });

  it('should cancel a timer the completion started', async () => {
    // given 拟稿 was completed and the one-hour wait runs
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'timed');
    s.start().completeTask('tdraft');
    const [timer] = s.timers();
    // when
    withdraw(s, 'tdraft');
    // then
    expect(s.timers()).toEqual([]);
    expect(s.lastEffects).toContainEqual({ type: 'cancelTimer', timerId: timer.timerId });
    expect(s.tasks()).toEqual(['tdraft']);
  });

  it('should refuse when the completion started a job (its side effects cannot be undone)', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'withJob');
    s.start().completeTask('jdraft');
    expect(s.jobs()).toHaveLength(1);
    // when / then
    expect(s.history.some((e) => e.type === 'task.withdrawable')).toBe(false);
    expect(s.reject({ type: 'withdraw', elementInstanceId: lastCompleted(s, 'jdraft') }).code).toBe('NOT_WITHDRAWABLE');
    // and the flow goes on
    s.completeJob('jarchive').completeTask('jreview');
    expect(s.status).toBe('completed');
  });

  it('should refuse once the timer the completion started has fired', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'timed');
    s.start().completeTask('tdraft').fireTimer('twait');
    // when / then
    expect(s.reject({ type: 'withdraw', elementInstanceId: lastCompleted(s, 'tdraft') }).code).toBe('NOT_WITHDRAWABLE');
  });
});

describe('撤回 out of an embedded sub-process', () => {
  it('should re-create the sub-process the completion ended and reopen the task inside it', async () => {
    // given 复核 was the last task of the sub-process and 定稿 waits
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'nested');
    s.start().completeTask('ndraft').completeTask('ncheck');
    const oldSub = s.instanceOf('nsub');
    s.completeTask('ncheck2');
    expect(s.tasks()).toEqual(['nfinal']);
    // when
    withdraw(s, 'ncheck2');
    // then 定稿 is cancelled and 复核 is open in a new sub-process instance
    expect(cancelled(s)).toEqual(['nfinal']);
    expect(s.tasks()).toEqual(['ncheck2']);
    const sub = s.instanceOf('nsub');
    expect(sub).not.toBe(oldSub);
    expect(s.state!.instances[s.taskIds('ncheck2')[0]].sc).toBe(sub);
    // and leaving the sub-process again goes on to 定稿
    s.completeTask('ncheck2');
    expect(s.tasks()).toEqual(['nfinal']);
    s.completeTask('nfinal');
    expect(s.status).toBe('completed');
  });

  it('should withdraw inside the sub-process like in a straight line', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'nested');
    s.start().completeTask('ndraft').completeTask('ncheck');
    const sub = s.instanceOf('nsub');
    // when
    withdraw(s, 'ncheck');
    // then
    expect(s.tasks()).toEqual(['ncheck']);
    expect(s.instanceOf('nsub')).toBe(sub);
  });

  it('should cancel the whole sub-process when the completion that entered it is withdrawn', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'nested');
    s.start().completeTask('ndraft');
    // when
    withdraw(s, 'ndraft');
    // then
    expect(s.tasks()).toEqual(['ndraft']);
    expect(s.active()).toEqual(['ndraft']);
  });
});

describe('撤回 across an inclusive join', () => {
  it('should restore the other arrival when the completion that fired the inclusive join is withdrawn', async () => {
    // given 财务 arrived and 法务复核 fired the join
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'inclusive');
    s.start({ legal: true, finance: true, hr: false })
      .completeTask('idraft')
      .completeTask('ifinance')
      .completeTask('ilegal')
      .completeTask('ilegal2');
    expect(s.tasks()).toEqual(['isign']);
    // when
    withdraw(s, 'ilegal2');
    // then the join waits for 法务复核 only
    expect(s.state!.joins[`${s.state!.root}|ijoin`]).toEqual(['i8']);
    expect(s.tasks()).toEqual(['ilegal2']);
    s.completeTask('ilegal2');
    expect(s.tasks()).toEqual(['isign']);
  });
});

describe('撤回 after a direct return', () => {
  it('should keep the direct return target on the reopened task', async () => {
    // given 批准 returned 拟稿 directly; 拟稿 completed and went straight back to 批准
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'straight');
    s.start().completeTask('draft').completeTask('review');
    s.run({ type: 'moveToken', fromElementInstanceId: s.taskIds('approve')[0], targetElementId: 'draft', mode: 'direct' });
    s.completeTask('draft');
    expect(s.tasks()).toEqual(['approve']);
    // when
    withdraw(s, 'draft');
    s.completeTask('draft');
    // then it still goes straight back
    expect(s.tasks()).toEqual(['approve']);
  });
});

describe('撤回 in a parallel topology', () => {
  async function atBranches(): Promise<Scenario> {
    const s = await Scenario.fromFile(dir, 'approval.bpmn');
    return s.start({ signers: ['li', 'wang'] }).completeTask('draft');
  }
  const joinOf = (s: Scenario): string[] | undefined => s.state!.joins[`${s.state!.root}|join`];

  it('should cancel both branches when the completion that forked them is withdrawn', async () => {
    // given
    const s = await atBranches();
    // when
    withdraw(s, 'draft');
    // then
    expect(cancelled(s)).toEqual(['finance', 'legal']);
    expect(s.tasks()).toEqual(['draft']);
    s.completeTask('draft');
    expect(s.tasks()).toEqual(['finance', 'legal']);
  });

  it('should remove the join arrival when a branch completion that waits at the join is withdrawn', async () => {
    // given 财务 arrived at the join, 法务 still works
    const s = await atBranches();
    s.completeTask('finance');
    expect(joinOf(s)).toEqual(['f7']);
    // when
    withdraw(s, 'finance');
    // then
    expect(joinOf(s)).toBeUndefined();
    expect(s.tasks()).toEqual(['finance', 'legal']);
    // and the join fires once when all arrive
    s.completeTask('finance').completeTask('legal').completeTask('legal2');
    expect(s.tasks()).toEqual(['countersign', 'countersign']);
  });

  it('should cancel the successor and restore the other arrival when the completion that fired the join is withdrawn', async () => {
    // given 财务 arrived, 法务复核 fired the join and the countersign runs
    const s = await atBranches();
    s.completeTask('finance').completeTask('legal').completeTask('legal2');
    expect(s.tasks()).toEqual(['countersign', 'countersign']);
    // when 法务复核 withdraws
    withdraw(s, 'legal2');
    // then the countersign is gone, 财务 still counts as arrived, 法务复核 is open again
    expect(cancelled(s)).toEqual(['countersign', 'countersign']);
    expect(Object.values(s.state!.instances).some((i) => i.el === 'countersign')).toBe(false);
    expect(joinOf(s)).toEqual(['f7']);
    expect(s.tasks()).toEqual(['legal2']);
    s.completeTask('legal2');
    expect(s.tasks()).toEqual(['countersign', 'countersign']);
  });

  it('should refuse the earlier arrival once the join has fired', async () => {
    // given
    const s = await atBranches();
    s.completeTask('finance').completeTask('legal').completeTask('legal2');
    // when / then
    expect(s.reject({ type: 'withdraw', elementInstanceId: lastCompleted(s, 'finance') }).code).toBe('NOT_WITHDRAWABLE');
  });

  it('should refuse once the successor of the fired join has moved on', async () => {
    // given one countersigner voted
    const s = await atBranches();
    s.completeTask('finance').completeTask('legal').completeTask('legal2').completeTask('countersign');
    // when / then
    expect(s.reject({ type: 'withdraw', elementInstanceId: lastCompleted(s, 'legal2') }).code).toBe('NOT_WITHDRAWABLE');
  });

  it('should withdraw inside one branch and leave the other branch alone', async () => {
    // given 法务 completed, 财务 still waits
    const s = await atBranches();
    s.completeTask('legal');
    const financeId = s.taskIds('finance')[0];
    // when
    withdraw(s, 'legal');
    // then
    expect(cancelled(s)).toEqual(['legal2']);
    expect(s.taskIds('finance')).toEqual([financeId]);
    expect(s.tasks()).toEqual(['finance', 'legal']);
  });

  it('should drop the record when its consequence is moved away by 退回', async () => {
    // given 法务 completed; 法务复核 is returned to 拟稿
    const s = await atBranches();
    s.completeTask('legal');
    s.run({ type: 'moveToken', fromElementInstanceId: s.taskIds('legal2')[0], targetElementId: 'draft', mode: 'rerun' });
    // when / then
    expect(s.reject({ type: 'withdraw', elementInstanceId: lastCompleted(s, 'legal') }).code).toBe('NOT_WITHDRAWABLE');
  });
});

describe('撤回 on a multi-instance (会签) task', () => {
  async function voting(processId: string, signers = ['li', 'wang', 'zhao']): Promise<Scenario> {
    const s = await Scenario.fromFile(dir, 'countersign-rules.bpmn', processId);
    const prefix = processId.replace(/Rule$/, '').replace('sequential', 'seq');
    return s.start({ signers }).completeTask(`${prefix}_draft`);
  }
  const vote = (s: Scenario, elementId: string, assignee: string, outcome = 'agree'): Scenario => {
    const id = s.history
      .filter((e): e is TaskCreated => e.type === 'task.created' && e.elementId === elementId && e.assignee === assignee)
      .map((e) => e.elementInstanceId)
      .reverse()
      .find((ei) => s.taskIds(elementId).includes(ei));
    if (!id) throw new Error(`${assignee} has no open ${elementId}`);
    return s.run({ type: 'completeTask', elementInstanceId: id, outcome });
  };
  const assignees = (s: Scenario, elementId: string): (string | null)[] =>
    s.history
      .filter((e): e is TaskCreated => e.type === 'task.created' && s.taskIds(elementId).includes(e.elementInstanceId))
      .map((e) => e.assignee)
      .sort();
  const mi = (s: Scenario, elementId: string) => s.state!.instances[s.instanceOf(elementId)].mi!;

  it('should take the vote back from a running countersign and reopen that signer at the same index', async () => {
    // given li voted in an `all` countersign
    const s = await voting('allRule');
    vote(s, 'all_vote', 'wang');
    expect(mi(s, 'all_vote')).toMatchObject({ n: 3, c: 1, s: 3, yes: 1 });
    // when wang withdraws
    withdraw(s, 'all_vote');
    // then the tally is as before and wang's task is open again with the same loop item
    expect(mi(s, 'all_vote')).toMatchObject({ n: 3, c: 0, s: 3, yes: 0 });
    expect(created(s)[0]).toMatchObject({ assignee: 'wang', multiInstance: { loopCounter: 1, nrOfInstances: 3 } });
    expect(assignees(s, 'all_vote')).toEqual(['li', 'wang', 'zhao']);
    // and the countersign completes once all three voted
    vote(s, 'all_vote', 'li');
    vote(s, 'all_vote', 'wang');
    expect(s.tasks()).toEqual(['all_vote']);
    vote(s, 'all_vote', 'zhao');
    expect(s.tasks()).toEqual(['all_sign']);
    expect(s.state!.variables['all_vote_countersign']).toBe('approved');
  });

  it('should reopen only the last voter when the vote that completed the countersign is withdrawn', async () => {
    // given all three voted and 签发 waits
    const s = await voting('allRule');
    vote(s, 'all_vote', 'li');
    vote(s, 'all_vote', 'wang', 'disagree');
    vote(s, 'all_vote', 'zhao');
    expect(s.tasks()).toEqual(['all_sign']);
    // when zhao withdraws
    withdraw(s, 'all_vote');
    // then 签发 is cancelled and only zhao votes again; the tally keeps li's and wang's votes
    expect(cancelled(s)).toEqual(['all_sign']);
    expect(assignees(s, 'all_vote')).toEqual(['zhao']);
    expect(created(s)[0].multiInstance).toMatchObject({ loopCounter: 2, nrOfInstances: 3 });
    expect(mi(s, 'all_vote')).toMatchObject({ n: 3, c: 2, s: 3, yes: 1, no: 1 });
    // earlier voters can no longer withdraw
    const [liId] = completed(s, 'all_vote');
    expect(s.reject({ type: 'withdraw', elementInstanceId: liId }).code).toBe('NOT_WITHDRAWABLE');
    vote(s, 'all_vote', 'zhao');
    expect(s.tasks()).toEqual(['all_sign']);
    expect(s.state!.variables['all_vote_countersign']).toBe('rejected');
  });

  it('should bring back the signers the winning vote cancelled when a 或签 (any) vote is withdrawn', async () => {
    // given wang's vote won an `any` countersign
    const s = await voting('anyRule');
    vote(s, 'any_vote', 'wang');
    expect(s.tasks()).toEqual(['any_sign']);
    // when wang withdraws
    withdraw(s, 'any_vote');
    // then every signer can vote again
    expect(cancelled(s)).toEqual(['any_sign']);
    expect(assignees(s, 'any_vote')).toEqual(['li', 'wang', 'zhao']);
    expect(mi(s, 'any_vote')).toMatchObject({ n: 3, c: 0, s: 3 });
    vote(s, 'any_vote', 'zhao');
    expect(s.tasks()).toEqual(['any_sign']);
  });

  it('should reopen the vetoing signer when a veto that ended the countersign is withdrawn', async () => {
    // given
    const s = await voting('vetoRule');
    vote(s, 'veto_vote', 'li');
    vote(s, 'veto_vote', 'wang', 'disagree');
    expect(s.state!.variables['veto_vote_countersign']).toBe('rejected');
    // when
    withdraw(s, 'veto_vote');
    // then wang and zhao (cancelled by the veto) are open again, li's vote stays
    expect(assignees(s, 'veto_vote')).toEqual(['wang', 'zhao']);
    expect(mi(s, 'veto_vote')).toMatchObject({ c: 1, yes: 1 });
    vote(s, 'veto_vote', 'wang');
    vote(s, 'veto_vote', 'zhao');
    expect(s.tasks()).toEqual(['veto_sign']);
  });

  it('should cancel the next signer of a sequential countersign and reopen the withdrawing one', async () => {
    // given li approved and wang's turn came
    const s = await voting('sequentialRule');
    vote(s, 'seq_vote', 'li');
    expect(assignees(s, 'seq_vote')).toEqual(['wang']);
    // when li withdraws
    withdraw(s, 'seq_vote');
    // then
    expect(cancelled(s)).toEqual(['seq_vote']);
    expect(assignees(s, 'seq_vote')).toEqual(['li']);
    expect(mi(s, 'seq_vote')).toMatchObject({ n: 3, c: 0, s: 1, yes: 0 });
    vote(s, 'seq_vote', 'li');
    expect(created(s)[0]).toMatchObject({ assignee: 'wang', multiInstance: { loopCounter: 1 } });
    vote(s, 'seq_vote', 'wang');
    vote(s, 'seq_vote', 'zhao');
    expect(s.tasks()).toEqual(['seq_sign']);
  });

  it('should keep one record per vote in a running body and drop them when the body completes', async () => {
    // given
    const s = await voting('allRule');
    vote(s, 'all_vote', 'li');
    vote(s, 'all_vote', 'wang');
    expect(Object.keys(s.state!.wd ?? {})).toHaveLength(2);
    // when
    vote(s, 'all_vote', 'zhao');
    // then
    expect(Object.keys(s.state!.wd ?? {})).toEqual([lastCompleted(s, 'all_vote')]);
    s.completeTask('all_sign');
    expect(s.state!.wd).toBeUndefined();
  });

  it('should refuse once the successor of the completed countersign has completed', async () => {
    // given
    const s = await voting('anyRule');
    vote(s, 'any_vote', 'li');
    s.completeTask('any_sign');
    // then (the instance ended) and in a longer flow the record is gone as well
    expect(s.status).toBe('completed');
    const t = await voting('allRule', ['li']);
    vote(t, 'all_vote', 'li');
    expect(t.state!.wd).toBeDefined();
    t.run({ type: 'moveToken', fromElementInstanceId: t.taskIds('all_sign')[0], targetElementId: 'all_draft', mode: 'rerun' });
    expect(t.reject({ type: 'withdraw', elementInstanceId: lastCompleted(t, 'all_vote') }).code).toBe('NOT_WITHDRAWABLE');
  });
});

describe('撤回 state size', () => {
  it('should keep the state of a waiting 10-step process small with withdraw records', async () => {
    // given
    const s = await Scenario.fromFile(`${dir}/../state`, 'ten-steps.bpmn');
    s.start({ title: '关于2026年春节放假安排的通知', docNo: '办〔2026〕1号' }, { initiator: 'zhangsan', businessKey: 'GW-2026-0001' });
    for (let i = 1; i < 10; i++) s.completeTask(`step${i}`);
    // then one record (the latest completion) stays
    expect(Object.keys(s.state!.wd ?? {})).toHaveLength(1);
    const { wd, ...rest } = s.state!;
    expect(wd![lastCompleted(s, 'step9')]).toEqual({ el: 'step9', sc: s.state!.root, w: s.taskIds('step10') });
    const extra = Buffer.byteLength(JSON.stringify(s.state), 'utf8') - Buffer.byteLength(JSON.stringify(rest), 'utf8');
    expect(extra).toBeLessThan(64);
  });
});
