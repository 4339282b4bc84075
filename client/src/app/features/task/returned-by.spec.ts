import type { HistoryEvent, Task } from '@liuzhuan/contracts';
import type { OpinionItem } from '../../shared/workflow-api.service';
import { returnedBy } from './returned-by';

let seq = 0;
const event = (type: string, elementId: string | null, actor: string | null, details: Record<string, unknown> = {}): HistoryEvent => ({
  seq: ++seq,
  type,
  elementId,
  actor,
  at: `2026-10-12T0${Math.min(seq, 9)}:00:00.000Z`,
  details,
});
const draftTask = { id: 'draft2', elementId: 'draft', status: 'open', assignee: 'clerk' } as unknown as Task;
const opinionOf = (taskId: string, text: string) => ({ taskId, text }) as unknown as OpinionItem;

describe('returnedBy', () => {
  it('should name the reviewer and the opinion when 核稿 sent the draft back through its form (退回修改)', () => {
    // given 拟稿 done, 核稿 completed with 退回修改, and 拟稿 created again
    const history = [
      event('task.created', 'draft', null, { elementInstanceId: 'draft1' }),
      event('task.completed', 'draft', 'clerk', { elementInstanceId: 'draft1' }),
      event('task.created', 'review', null, { elementInstanceId: 'review1' }),
      event('task.completed', 'review', 'head', { elementInstanceId: 'review1' }),
      event('task.created', 'draft', null, { elementInstanceId: 'draft2' }),
    ];
    // when
    const r = returnedBy(draftTask, history, [opinionOf('review1', '请补充执行日期。')]);
    // then
    expect(r).toEqual({ by: 'head', reason: '请补充执行日期。' });
  });

  it('should give the reason of the 退回 operation', () => {
    // given
    const history = [
      event('task.completed', 'draft', 'clerk', { elementInstanceId: 'draft1' }),
      event('task.created', 'draft', null, { elementInstanceId: 'draft2' }),
      event('task.returned', 'review', 'head', { targetElementId: 'draft', reason: '标题不准确' }),
    ];
    // then
    expect(returnedBy(draftTask, history, [])).toEqual({ by: 'head', reason: '标题不准确' });
  });

  it('should show nothing on a first 拟稿 or once the task is done', () => {
    // given a draft never returned
    const history = [event('task.created', 'draft', null, { elementInstanceId: 'draft1' })];
    // then
    expect(returnedBy({ ...draftTask, id: 'draft1' } as Task, history, [])).toBeNull();
    expect(returnedBy({ ...draftTask, status: 'completed' } as Task, history, [])).toBeNull();
  });
});
