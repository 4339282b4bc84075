// 会签 rules (oa:countersign) on a parallel multi-instance user task: all, any (或签), ratio:x,
// veto, with 加签 (addInstances) and 减签 (removeInstances). The server sends outcome 'agree' or
// 'disagree' from the opinion's approve flag.
import type { EngineEvent } from '../../src';
import { Scenario } from '../support/scenario';

const dir = __dirname;
type TaskCreated = Extract<EngineEvent, { type: 'task.created' }>;

async function voting(rule: 'all' | 'any' | 'ratio' | 'veto', signers: string[]): Promise<Scenario> {
  const s = await Scenario.fromFile(dir, 'countersign-rules.bpmn', `${rule}Rule`);
  return s.start({ signers }).completeTask(`${rule}_draft`);
}

function taskOf(s: Scenario, elementId: string, assignee: string): string {
  const open = new Set(s.taskIds(elementId));
  const created = s.history.filter(
    (e): e is TaskCreated => e.type === 'task.created' && e.assignee === assignee && open.has(e.elementInstanceId),
  );
  if (!created.length) throw new Error(`${assignee} has no open ${elementId}`);
  return created[0].elementInstanceId;
}

function vote(s: Scenario, rule: string, assignee: string, outcome: 'agree' | 'disagree' = 'agree'): Scenario {
  return s.run({ type: 'completeTask', elementInstanceId: taskOf(s, `${rule}_vote`, assignee), outcome });
}

function verdict(s: Scenario, rule: string): unknown {
  return s.state!.variables[`${rule}_vote_countersign`];
}

function add(s: Scenario, rule: string, ...users: string[]): Scenario {
  return s.run({ type: 'addInstances', elementInstanceId: s.instanceOf(`${rule}_vote`), items: users });
}

function remove(s: Scenario, rule: string, ...users: string[]): Scenario {
  return s.run({ type: 'removeInstances', innerElementInstanceIds: users.map((u) => taskOf(s, `${rule}_vote`, u)) });
}

const cancelledCount = (s: Scenario): number => s.lastEvents.filter((e) => e.type === 'task.cancelled').length;

describe('会签 rule all', () => {
  it('should approve when every signer agrees', async () => {
    const s = await voting('all', ['li', 'wang', 'zhao']);
    vote(s, 'all', 'li');
    vote(s, 'all', 'wang');
    expect(s.tasks()).toEqual(['all_vote']);
    vote(s, 'all', 'zhao');
    expect(s.tasks()).toEqual(['all_sign']);
    expect(verdict(s, 'all')).toBe('approved');
  });

  it('should wait for everyone and reject when one disagrees', async () => {
    const s = await voting('all', ['li', 'wang', 'zhao']);
    vote(s, 'all', 'li', 'disagree');
    expect(s.taskIds('all_vote')).toHaveLength(2);
    vote(s, 'all', 'wang');
    vote(s, 'all', 'zhao');
    expect(verdict(s, 'all')).toBe('rejected');
  });

  it('should complete when 减签 removes the last pending signer', async () => {
    // given two of three agreed
    const s = await voting('all', ['li', 'wang', 'zhao']);
    vote(s, 'all', 'li');
    vote(s, 'all', 'wang');
    // when zhao is removed
    remove(s, 'all', 'zhao');
    // then
    expect(s.tasks()).toEqual(['all_sign']);
    expect(verdict(s, 'all')).toBe('approved');
  });

  it('should wait for a signer added by 加签', async () => {
    const s = await voting('all', ['li', 'wang']);
    vote(s, 'all', 'li');
    add(s, 'all', 'zhao');
    vote(s, 'all', 'wang');
    expect(s.tasks()).toEqual(['all_vote']);
    vote(s, 'all', 'zhao');
    expect(s.tasks()).toEqual(['all_sign']);
  });
});

describe('会签 rule any (或签)', () => {
  it('should let the first completion win and cancel the others', async () => {
    const s = await voting('any', ['li', 'wang', 'zhao']);
    vote(s, 'any', 'wang');
    expect(cancelledCount(s)).toBe(2);
    expect(s.tasks()).toEqual(['any_sign']);
    expect(verdict(s, 'any')).toBe('approved');
  });

  it('should reject when the first completion disagrees', async () => {
    const s = await voting('any', ['li', 'wang']);
    vote(s, 'any', 'li', 'disagree');
    expect(s.tasks()).toEqual(['any_sign']);
    expect(verdict(s, 'any')).toBe('rejected');
  });

  it('should let a signer added by 加签 win', async () => {
    const s = await voting('any', ['li', 'wang']);
    add(s, 'any', 'zhao');
    vote(s, 'any', 'zhao');
    expect(cancelledCount(s)).toBe(2);
    expect(verdict(s, 'any')).toBe('approved');
  });

  it('should keep waiting for the others when 减签 removes one signer', async () => {
    const s = await voting('any', ['li', 'wang', 'zhao']);
    remove(s, 'any', 'li');
    expect(s.taskIds('any_vote')).toHaveLength(2);
    vote(s, 'any', 'zhao');
    expect(s.tasks()).toEqual(['any_sign']);
  });
});

describe('会签 rule ratio:0.5', () => {
  it('should approve early once half agree and cancel the rest', async () => {
    const s = await voting('ratio', ['a', 'b', 'c', 'd']);
    vote(s, 'ratio', 'a');
    expect(s.taskIds('ratio_vote')).toHaveLength(3);
    vote(s, 'ratio', 'b');
    expect(cancelledCount(s)).toBe(2);
    expect(verdict(s, 'ratio')).toBe('approved');
    expect(s.tasks()).toEqual(['ratio_sign']);
  });

  it('should reject early once the share can no longer be reached', async () => {
    const s = await voting('ratio', ['a', 'b', 'c', 'd']);
    vote(s, 'ratio', 'a', 'disagree');
    vote(s, 'ratio', 'b', 'disagree');
    expect(s.taskIds('ratio_vote')).toHaveLength(2);
    vote(s, 'ratio', 'c', 'disagree');
    expect(verdict(s, 'ratio')).toBe('rejected');
    expect(s.tasks()).toEqual(['ratio_sign']);
  });

  it('should re-evaluate the share when 减签 removes pending signers', async () => {
    // given one of four agreed
    const s = await voting('ratio', ['a', 'b', 'c', 'd']);
    vote(s, 'ratio', 'a');
    // when two pending signers are removed (1 of 2 agreed)
    remove(s, 'ratio', 'b', 'c');
    // then
    expect(verdict(s, 'ratio')).toBe('approved');
    expect(s.tasks()).toEqual(['ratio_sign']);
  });

  it('should count signers added by 加签 in the share', async () => {
    // given one of four agreed; two more signers join (1 of 6)
    const s = await voting('ratio', ['a', 'b', 'c', 'd']);
    vote(s, 'ratio', 'a');
    add(s, 'ratio', 'e', 'f');
    // when two more agree (3 of 6)
    vote(s, 'ratio', 'b');
    expect(s.taskIds('ratio_vote')).toHaveLength(4);
    vote(s, 'ratio', 'e');
    // then
    expect(verdict(s, 'ratio')).toBe('approved');
  });
});

describe('会签 rule veto', () => {
  it('should end rejected at the first disagree and cancel the rest', async () => {
    const s = await voting('veto', ['li', 'wang', 'zhao']);
    vote(s, 'veto', 'li');
    vote(s, 'veto', 'wang', 'disagree');
    expect(cancelledCount(s)).toBe(1);
    expect(verdict(s, 'veto')).toBe('rejected');
    expect(s.tasks()).toEqual(['veto_sign']);
  });

  it('should approve when nobody disagrees', async () => {
    const s = await voting('veto', ['li', 'wang']);
    vote(s, 'veto', 'li');
    vote(s, 'veto', 'wang');
    expect(verdict(s, 'veto')).toBe('approved');
  });

  it('should approve when 减签 removes the last pending signer', async () => {
    const s = await voting('veto', ['li', 'wang']);
    vote(s, 'veto', 'li');
    remove(s, 'veto', 'wang');
    expect(verdict(s, 'veto')).toBe('approved');
    expect(s.tasks()).toEqual(['veto_sign']);
  });

  it('should let a signer added by 加签 veto', async () => {
    const s = await voting('veto', ['li']);
    add(s, 'veto', 'zhao');
    vote(s, 'veto', 'zhao', 'disagree');
    expect(verdict(s, 'veto')).toBe('rejected');
    expect(cancelledCount(s)).toBe(1);
  });
});

describe('会签 outcomes', () => {
  it.each(['reject', 'rejected', 'veto', 'disagree', 'no', 'DISAGREE'])('should count %s as disagree', async (outcome) => {
    const s = await voting('veto', ['li', 'wang']);
    s.run({ type: 'completeTask', elementInstanceId: taskOf(s, 'veto_vote', 'li'), outcome });
    expect(verdict(s, 'veto')).toBe('rejected');
  });

  it.each(['agree', 'approve', 'yes'])('should count %s as agree', async (outcome) => {
    const s = await voting('veto', ['li']);
    s.run({ type: 'completeTask', elementInstanceId: taskOf(s, 'veto_vote', 'li'), outcome });
    expect(verdict(s, 'veto')).toBe('approved');
  });
});
