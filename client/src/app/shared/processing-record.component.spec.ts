import type { HistoryEvent } from '@liuzhuan/contracts';
import { recordRows } from './processing-record.component';
import type { OpinionItem } from './workflow-api.service';

let seq = 0;
function event(
  type: string,
  elementId: string | null,
  actor: string | null,
  details: Record<string, unknown> = {},
  at = '2026-11-27T08:00:00Z',
): HistoryEvent {
  return { seq: ++seq, type, elementId, actor, at, details };
}
const proxy = (by: string, forUser: string) => `${by}（代${forUser}）`;

describe('recordRows', () => {
  it('should list who did what at which step with the opinion, leaving out engine bookkeeping', () => {
    // Given a started instance whose 拟办 task was completed with an opinion
    const history = [
      event('process.started', null, 'clerk'),
      event('element.activated', 'Propose', null),
      event('task.created', 'Propose', null, { name: '拟办', elementInstanceId: 'task1' }),
      event('task.completed', 'Propose', 'head', { elementInstanceId: 'task1', opinion: '拟同意，请市长阅示' }),
      event('flow.taken', 'Propose', null, { flowId: 'f' }),
    ];
    // When the record is built
    const rows = recordRows(history, null, proxy);
    // Then only the people's actions remain, with the step's name and the opinion
    expect(rows.map((r) => [r.type, r.step, r.actor, r.opinion])).toEqual([
      ['process.started', '', 'clerk', null],
      ['task.completed', '拟办', 'head', '拟同意，请市长阅示'],
    ]);
  });

  it('should show a proxy as B（代A） and prefer the signed opinion when the server lists opinions', () => {
    // Given a deputy completed the mayor's task, and the opinions API lists the signed opinion
    const history = [
      event('task.created', 'Instruct', null, { name: '批示', elementInstanceId: 'task2' }),
      event('task.completed', 'Instruct', 'deputy', { elementInstanceId: 'task2', opinion: '同意', onBehalfOf: 'mayor' }),
      event('task.completed', 'Other', 'staff', { elementInstanceId: 'task3', onBehalfOf: 'head' }),
    ];
    const opinions: OpinionItem[] = [
      {
        taskId: 'task2',
        elementId: 'Instruct',
        authorLabel: '周建华（代吴国强）',
        kind: 'instruction',
        text: '同意，请财政局办理',
        createdAt: '2026-11-27T08:00:00Z',
      },
      { taskId: null, elementId: 'Instruct', authorLabel: '吴国强', kind: 'circled', text: '圈阅', createdAt: '2026-11-27T09:00:00Z' },
    ];
    // When the record is built
    const rows = recordRows(history, opinions, proxy);
    // Then the signed opinion replaces the history copy, the proxy marker shows, and a loose opinion is its own line
    expect(rows.map((r) => [r.type, r.actor, r.opinion])).toEqual([
      ['task.completed', '周建华（代吴国强）', '同意，请财政局办理'],
      ['task.completed', 'staff（代head）', null],
      ['opinion.circled', '吴国强', '圈阅'],
    ]);
  });

  it('should show a return once, with its reason, when the engine moved the token and cancelled the task in the same command', () => {
    // Given the head returned 审核 to 拟稿: the engine moved the token and cancelled the task, the server recorded task.returned
    const at = '2026-11-27T10:00:00Z';
    const history = [
      event('task.created', 'Review', null, { name: '审核', elementInstanceId: 'task4' }),
      event('token.moved', 'Review', 'head', { targetElementId: 'Draft' }, at),
      event('task.cancelled', 'Review', 'head', { elementInstanceId: 'task4' }, at),
      event('task.returned', 'Review', 'head', { elementInstanceId: 'task4', targetElementId: 'Draft', reason: '请补充依据' }, at),
      event('task.withdrawable', 'Draft', 'clerk', {}, at),
    ];
    // When the record is built
    const rows = recordRows(history, null, proxy);
    // Then one 退回 line carries the reason
    expect(rows.map((r) => [r.type, r.step, r.actor, r.opinion])).toEqual([['task.returned', '审核', 'head', '请补充依据']]);
  });
  it('should give the signed opinion to the completion, not to a 催办 or 签收 of the same task before it', () => {
    // Given a group task that was urged and claimed before it was completed with a signed opinion
    const history = [
      event('task.created', 'SignFor', null, { name: '签收', elementInstanceId: 'task9' }),
      event('task.urged', 'SignFor', 'clerk', { elementInstanceId: 'task9' }),
      event('task.claimed', 'SignFor', 'clerk', { elementInstanceId: 'task9' }),
      event('task.completed', 'SignFor', 'clerk', { elementInstanceId: 'task9' }),
    ];
    const opinions: OpinionItem[] = [
      {
        taskId: 'task9',
        elementId: 'SignFor',
        authorLabel: '张晓明',
        kind: 'note',
        text: '已签收，原件2份',
        createdAt: '2026-11-27T08:00:00Z',
      },
    ];
    // When the record is built
    const rows = recordRows(history, opinions, proxy);
    // Then only the completion carries the opinion, and it is listed once
    expect(rows.map((r) => [r.type, r.opinion])).toEqual([
      ['task.urged', null],
      ['task.claimed', null],
      ['task.completed', '已签收，原件2份'],
    ]);
  });

  it('should show every opinion of a step on its line, each with its kind, when the form and the panel both carried one', () => {
    // Given the deputy wrote the 批示 in the form and "同意" in the approval panel
    const history = [
      event('task.created', 'instruct', null, { name: '领导批示', elementInstanceId: 'task9' }),
      event('task.completed', 'instruct', 'deputy', { elementInstanceId: 'task9', opinion: '同意' }),
    ];
    const at = '2026-11-27T08:00:00Z';
    const opinions: OpinionItem[] = [
      { taskId: 'task9', elementId: 'instruct', authorLabel: '周建华', kind: 'approval', text: '同意', createdAt: at },
      { taskId: 'task9', elementId: 'instruct', authorLabel: '周建华', kind: 'instruction', text: '同意。请市住建局牵头…', createdAt: at },
    ];
    // When the record is built
    const rows = recordRows(history, opinions, proxy, (kind) => ({ approval: '审批意见', instruction: '批示' })[kind] ?? kind);
    // Then the one completion line carries both, the 批示 in full
    expect(rows.map((r) => [r.type, r.actor, r.opinion])).toEqual([
      ['task.completed', '周建华', '审批意见：同意\n批示：同意。请市住建局牵头…'],
    ]);
  });
});
