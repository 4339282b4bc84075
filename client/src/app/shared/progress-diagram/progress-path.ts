import type { HistoryEvent } from '@liuzhuan/contracts';

/** What the progress diagram marks, computed from an instance's history and its active elements. */
export interface ProgressMarks {
  /** Elements that completed at least once and are not current (已完成). */
  done: string[];
  /** Sequence flows the tokens took. */
  flows: string[];
  /** Elements waiting now: open tasks, timers, … (当前环节). */
  current: string[];
  /** Elements a token was moved back to (退回). */
  returned: string[];
  /**
   * Elements that had a task at least once. A user task that completed without one was skipped
   * (a 会签 with nobody named): the diagram must not show it as done.
   */
  tasked: string[];
}

/**
 * Reads the completed path from the history: `element.completed` and `flow.taken` events, and
 * `token.moved` for returns (退回). A current element is shown only as current, even if an
 * earlier pass completed it, so the user sees where the document is now.
 */
export function progressMarks(history: readonly HistoryEvent[], activeElementIds: readonly string[]): ProgressMarks {
  const done = new Set<string>();
  const flows = new Set<string>();
  const returned = new Set<string>();
  const tasked = new Set<string>();
  for (const event of history) {
    if (event.type === 'element.completed' && event.elementId) done.add(event.elementId);
    else if (event.type === 'task.created' && event.elementId) tasked.add(event.elementId);
    else if (event.type === 'flow.taken') {
      const flowId = event.details['flowId'];
      if (typeof flowId === 'string') flows.add(flowId);
    } else if (event.type === 'token.moved') {
      const target = event.details['targetElementId'] ?? event.elementId;
      if (typeof target === 'string') returned.add(target);
    }
  }
  const current = [...new Set(activeElementIds)];
  for (const id of current) done.delete(id);
  return { done: [...done], flows: [...flows], current, returned: [...returned], tasked: [...tasked] };
}
