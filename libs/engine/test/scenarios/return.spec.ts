// 退回 (moveToken) in a straight line, inside and across parallel and inclusive branches, and out
// of a multi-instance (会签) task.
import { returnTargets } from '../../src';
import { Scenario } from '../support/scenario';

const dir = __dirname;

function joinOf(s: Scenario, gatewayId: string): string[] | undefined {
  return s.state!.joins[`${s.state!.root}|${gatewayId}`];
}

function back(s: Scenario, fromElementId: string, targetElementId: string, mode: 'rerun' | 'direct' = 'rerun'): Scenario {
  const [from] = s.taskIds(fromElementId);
  if (!from) throw new Error(`no open task ${fromElementId}`);
  return s.run({ type: 'moveToken', fromElementInstanceId: from, targetElementId, mode });
}

describe('退回 in a straight line', () => {
  async function atApprove(): Promise<Scenario> {
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'straight');
    return s.start().completeTask('draft').completeTask('review');
  }

  it('should re-run the path from the target when a task is returned (rerun)', async () => {
    // given the document waits at 批准
    const s = await atApprove();
    // when it is returned to 拟稿
    back(s, 'approve', 'draft');
    // then 拟稿 is open again and the path runs as before
    expect(s.tasks()).toEqual(['draft']);
    s.completeTask('draft');
    expect(s.tasks()).toEqual(['review']);
    s.completeTask('review').completeTask('approve');
    expect(s.status).toBe('completed');
  });

  it('should come straight back to the returning task when the mode is direct', async () => {
    // given
    const s = await atApprove();
    // when
    back(s, 'approve', 'draft', 'direct');
    s.completeTask('draft');
    // then 审核 is skipped
    expect(s.tasks()).toEqual(['approve']);
  });
});

describe('退回 in a parallel topology', () => {
  async function atBranches(): Promise<Scenario> {
    const s = await Scenario.fromFile(dir, 'approval.bpmn');
    return s.start({ signers: ['li', 'wang'] }).completeTask('draft');
  }
  async function atSign(): Promise<Scenario> {
    const s = await atBranches();
    s.completeTask('finance').completeTask('legal').completeTask('legal2');
    return s.completeTask('countersign').completeTask('countersign');
  }

  it('should count the other branch as arrived when a task after the fired join is returned into one branch', async () => {
    // given the join has fired and the document waits at 签发
    const s = await atSign();
    expect(joinOf(s, 'join')).toBeUndefined();
    // when 签发 is returned to 法务
    back(s, 'sign', 'legal');
    // then only 法务 re-runs and 财务's arrival is restored
    expect(s.tasks()).toEqual(['legal']);
    expect(joinOf(s, 'join')).toEqual(['f7']);
    s.completeTask('legal').completeTask('legal2');
    // and the join fires once
    expect(s.tasks()).toEqual(['countersign', 'countersign']);
    expect(joinOf(s, 'join')).toBeUndefined();
    expect(s.eventsOf('element.activated').filter((e) => (e as { elementId: string }).elementId === 'join')).toHaveLength(2);
  });

  it('should count the legal branch as arrived when a task after the join is returned to 财务', async () => {
    // given
    const s = await atSign();
    // when
    back(s, 'sign', 'finance');
    // then
    expect(s.tasks()).toEqual(['finance']);
    expect(joinOf(s, 'join')).toEqual(['f6']);
    s.completeTask('finance');
    expect(s.tasks()).toEqual(['countersign', 'countersign']);
  });

  it('should re-run every branch when a task after the join is returned to before the fork', async () => {
    // given
    const s = await atSign();
    // when
    back(s, 'sign', 'draft');
    s.completeTask('draft');
    // then both branches run again and nothing is left at the join
    expect(s.tasks()).toEqual(['finance', 'legal']);
    expect(joinOf(s, 'join')).toBeUndefined();
    s.completeTask('legal').completeTask('legal2');
    expect(s.tasks()).toEqual(['finance']);
    s.completeTask('finance');
    expect(s.tasks()).toEqual(['countersign', 'countersign']);
  });

  it('should cancel the other branch and its arrival when a task inside a branch is returned to before the fork', async () => {
    // given 财务 has arrived at the join, 法务复核 waits
    const s = await atBranches();
    s.completeTask('finance').completeTask('legal');
    expect(joinOf(s, 'join')).toEqual(['f7']);
    // when 法务复核 is returned to 拟稿
    back(s, 'legal2', 'draft');
    // then the arrival is gone and every branch re-runs
    expect(joinOf(s, 'join')).toBeUndefined();
    expect(s.tasks()).toEqual(['draft']);
    s.completeTask('draft');
    expect(s.tasks()).toEqual(['finance', 'legal']);
    s.completeTask('finance').completeTask('legal').completeTask('legal2');
    expect(s.tasks()).toEqual(['countersign', 'countersign']);
  });

  it('should cancel the waiting task of the other branch when a task inside a branch is returned to before the fork', async () => {
    // given 财务 still waits
    const s = await atBranches();
    s.completeTask('legal');
    // when
    back(s, 'legal2', 'draft');
    // then 财务 is cancelled too
    expect(s.tasks()).toEqual(['draft']);
    expect(s.lastEvents.filter((e) => e.type === 'task.cancelled')).toHaveLength(2);
    s.completeTask('draft');
    expect(s.tasks()).toEqual(['finance', 'legal']);
  });

  it('should keep the other branch waiting when a task is returned inside its branch', async () => {
    // given 财务 still waits
    const s = await atBranches();
    s.completeTask('legal');
    // when
    back(s, 'legal2', 'legal');
    // then
    expect(s.tasks()).toEqual(['finance', 'legal']);
    s.completeTask('legal').completeTask('legal2').completeTask('finance');
    expect(s.tasks()).toEqual(['countersign', 'countersign']);
  });

  it('should come straight back across the join when the mode is direct', async () => {
    // given
    const s = await atSign();
    // when
    back(s, 'sign', 'legal', 'direct');
    expect(s.tasks()).toEqual(['legal']);
    s.completeTask('legal');
    // then 法务复核, the join and the countersign are skipped
    expect(s.tasks()).toEqual(['sign']);
    expect(joinOf(s, 'join')).toBeUndefined();
  });

  it('should come straight back inside a branch when the mode is direct', async () => {
    // given
    const s = await atBranches();
    s.completeTask('legal');
    // when
    back(s, 'legal2', 'legal', 'direct');
    s.completeTask('legal');
    // then
    expect(s.tasks()).toEqual(['finance', 'legal2']);
  });

  it('should reject an unknown mode', async () => {
    const s = await atBranches();
    expect(
      s.reject({ type: 'moveToken', fromElementInstanceId: s.taskIds('legal')[0], targetElementId: 'draft', mode: 'x' as never }).code,
    ).toBe('INVALID_COMMAND');
  });
});

describe('退回 across an inclusive join', () => {
  async function atInclusive(vars: Record<string, boolean>): Promise<Scenario> {
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'inclusive');
    return s.start(vars).completeTask('idraft');
  }

  it('should fire the inclusive join once when a task after it is returned into one branch', async () => {
    // given 法务 and 财务 ran (人事 was not selected) and the join fired
    const s = await atInclusive({ legal: true, finance: true, hr: false });
    s.completeTask('ifinance').completeTask('ilegal').completeTask('ilegal2');
    expect(s.tasks()).toEqual(['isign']);
    // when 签发 is returned to 法务
    back(s, 'isign', 'ilegal');
    s.completeTask('ilegal');
    expect(s.tasks()).toEqual(['ilegal2']);
    s.completeTask('ilegal2');
    // then the join fires when 法务 arrives
    expect(s.tasks()).toEqual(['isign']);
  });

  it('should keep the other arrival when a task is returned inside its branch', async () => {
    // given 财务 arrived
    const s = await atInclusive({ legal: true, finance: true, hr: false });
    s.completeTask('ifinance').completeTask('ilegal');
    // when
    back(s, 'ilegal2', 'ilegal');
    // then
    expect(joinOf(s, 'ijoin')).toEqual(['i8']);
    s.completeTask('ilegal').completeTask('ilegal2');
    expect(s.tasks()).toEqual(['isign']);
  });

  it('should re-run every selected branch when returned to before the inclusive fork', async () => {
    // given
    const s = await atInclusive({ legal: true, finance: true, hr: false });
    s.completeTask('ifinance').completeTask('ilegal');
    // when
    back(s, 'ilegal2', 'idraft');
    // then
    expect(joinOf(s, 'ijoin')).toBeUndefined();
    s.completeTask('idraft', { hr: true });
    expect(s.tasks()).toEqual(['ifinance', 'ihr', 'ilegal']);
    s.completeTask('ifinance').completeTask('ihr').completeTask('ilegal');
    expect(s.tasks()).toEqual(['ilegal2']);
    s.completeTask('ilegal2');
    expect(s.tasks()).toEqual(['isign']);
  });
});

describe('退回 out of a multi-instance (会签) task', () => {
  async function atCountersign(): Promise<Scenario> {
    const s = await Scenario.fromFile(dir, 'approval.bpmn');
    s.start({ signers: ['li', 'wang'] }).completeTask('draft');
    return s.completeTask('finance').completeTask('legal').completeTask('legal2');
  }

  it('should terminate the whole vote and restore the other branch when an inner task is returned into a branch', async () => {
    // given li has voted, wang has not
    const s = await atCountersign();
    s.completeTask('countersign');
    // when wang returns it to 法务
    back(s, 'countersign', 'legal');
    // then the body is gone, only 法务 re-runs, 财务 counts as arrived
    expect(s.tasks()).toEqual(['legal']);
    expect(Object.values(s.state!.instances).filter((i) => i.el === 'countersign')).toEqual([]);
    expect(joinOf(s, 'join')).toEqual(['f7']);
    s.completeTask('legal').completeTask('legal2');
    // and every signer votes again
    expect(s.tasks()).toEqual(['countersign', 'countersign']);
  });

  it('should run the whole vote again when an inner task is returned directly to an element before it', async () => {
    // given
    const s = await atCountersign();
    // when
    back(s, 'countersign', 'legal', 'direct');
    s.completeTask('legal');
    // then
    expect(s.tasks()).toEqual(['countersign', 'countersign']);
    s.completeTask('countersign').completeTask('countersign');
    expect(s.tasks()).toEqual(['sign']);
  });
});

describe('return targets (退回 list)', () => {
  const targets = (s: Scenario, elementId: string): string[] =>
    returnTargets(s.process, s.state!, s.taskIds(elementId)[0]).map((t) => t.elementId);

  it('should list the previous user task first in a straight line', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'straight');
    s.start().completeTask('draft').completeTask('review');
    // when
    const list = returnTargets(s.process, s.state!, s.taskIds('approve')[0]);
    // then
    expect(list).toEqual([
      { elementId: 'review', name: '审核' },
      { elementId: 'draft', name: '拟稿' },
    ]);
  });

  it('should follow both branches back through a join, nearest first', async () => {
    // given the document waits at 签发
    const s = await Scenario.fromFile(dir, 'approval.bpmn');
    s.start({ signers: ['li'] })
      .completeTask('draft')
      .completeTask('finance')
      .completeTask('legal')
      .completeTask('legal2');
    expect(targets(s, 'countersign')).toEqual(['legal2', 'finance', 'legal', 'draft']);
    s.completeTask('countersign');
    // when / then
    expect(targets(s, 'sign')).toEqual(['countersign', 'legal2', 'finance', 'legal', 'draft']);
  });

  it('should list only the own branch and what came before the fork inside a branch', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'approval.bpmn');
    s.start({ signers: ['li'] })
      .completeTask('draft')
      .completeTask('finance')
      .completeTask('legal');
    // when / then
    expect(targets(s, 'legal2')).toEqual(['legal', 'draft']);
    expect(targets(s, 'legal2')).not.toContain('finance');
  });

  it('should leave out elements that were never visited', async () => {
    // given 人事 was not selected
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'inclusive');
    s.start({ legal: true, finance: false, hr: false }).completeTask('idraft').completeTask('ilegal').completeTask('ilegal2');
    // when / then
    expect(targets(s, 'isign')).toEqual(['ilegal2', 'ilegal', 'idraft']);
  });

  it('should leave a sub-process into the enclosing scope but never enter one', async () => {
    // given
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'nested');
    s.start().completeTask('ndraft').completeTask('ncheck');
    // when / then
    expect(targets(s, 'ncheck2')).toEqual(['ncheck', 'ndraft']);
    // and the enclosing target is accepted by moveToken
    back(s, 'ncheck2', 'ndraft');
    expect(s.tasks()).toEqual(['ndraft']);
    s.completeTask('ndraft').completeTask('ncheck').completeTask('ncheck2');
    expect(targets(s, 'nfinal')).toEqual(['ndraft']);
  });

  it('should give nothing for an unknown element instance', async () => {
    const s = await Scenario.fromFile(dir, 'approval-ops.bpmn', 'straight');
    s.start();
    expect(returnTargets(s.process, s.state!, 'nope')).toEqual([]);
    expect(returnTargets(s.process, s.state!, '__proto__')).toEqual([]);
    expect(returnTargets(s.process, s.state!, s.state!.root!)).toEqual([]);
  });
});
