import type { HistoryEvent } from '@liuzhuan/contracts';
import { progressMarks } from './progress-path';

let seq = 0;
function event(type: string, elementId: string | null, details: Record<string, unknown> = {}): HistoryEvent {
  return { seq: ++seq, type, elementId, actor: null, at: '2026-11-27T08:00:00Z', details };
}

describe('progressMarks', () => {
  it('should mark completed elements, taken flows and the current task when the instance waits at a task', () => {
    // Given start → Draft → Review, waiting at Review
    const history = [
      event('element.completed', 'Start'),
      event('flow.taken', 'Start', { flowId: 'Flow_1' }),
      event('element.completed', 'Draft'),
      event('flow.taken', 'Draft', { flowId: 'Flow_2' }),
      event('task.created', 'Review'),
    ];
    // When the marks are computed
    const marks = progressMarks(history, ['Review']);
    // Then the path is done and Review is current
    expect(marks).toEqual({ done: ['Start', 'Draft'], flows: ['Flow_1', 'Flow_2'], current: ['Review'], returned: [], tasked: ['Review'] });
  });

  it('should mark the step a task was returned to and show it as current, not done, when it runs again', () => {
    // Given Review returned the document to Draft (退回)
    const history = [
      event('element.completed', 'Draft'),
      event('flow.taken', 'Draft', { flowId: 'Flow_2' }),
      event('token.moved', 'Review', { fromElementInstanceId: 'x', targetElementId: 'Draft', mode: 'rerun' }),
    ];
    // When the marks are computed while Draft waits again
    const marks = progressMarks(history, ['Draft']);
    // Then Draft is current and marked as a return target, and no longer done
    expect(marks.current).toEqual(['Draft']);
    expect(marks.returned).toEqual(['Draft']);
    expect(marks.done).toEqual([]);
  });

  it('should list the steps that had a task, so that a step completed without one shows as skipped', () => {
    // Given a 会签 with nobody named: completed by the engine without a task
    const history = [
      event('task.created', 'draft'),
      event('element.completed', 'draft'),
      event('element.completed', 'countersign'),
      event('task.created', 'signOff'),
    ];
    // When the marks are computed
    const marks = progressMarks(history, ['signOff']);
    // Then countersign completed but never had a task
    expect(marks.done).toEqual(['draft', 'countersign']);
    expect(marks.tasked).toEqual(['draft', 'signOff']);
  });
});
