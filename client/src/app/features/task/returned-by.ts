import type { HistoryEvent, Task } from '@liuzhuan/contracts';
import type { OpinionItem } from '../../shared/workflow-api.service';

/** Who sent an open task back to its holder, and why (the 退回 banner at the top of the task page). */
export interface ReturnedBy {
  by: string;
  reason: string;
}

const str = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);

/**
 * The return (退回) that brought this open task back, or null. Two ways lead back: the 退回
 * operation (`task.returned` naming this step: its reason), and a later step whose completion took
 * a flow back into this step once done (核稿 with 退回修改: its completer and the opinion written
 * there). A completion of this step since then ends the return.
 */
export function returnedBy(
  task: Task | null,
  history: readonly HistoryEvent[],
  opinions: readonly OpinionItem[] | null,
): ReturnedBy | null {
  if (!task || task.status !== 'open') return null;
  let found: ReturnedBy | null = null;
  let doneBefore = false;
  let lastCompletion: HistoryEvent | null = null;
  for (const event of history) {
    if (event.type === 'task.returned' && event.details['targetElementId'] === task.elementId) {
      found = { by: event.actor ?? '', reason: str(event.details['reason']) ?? '' };
    } else if (event.type === 'task.completed') {
      if (event.elementId === task.elementId) {
        found = null;
        doneBefore = true;
      }
      lastCompletion = event;
    } else if (
      event.type === 'task.created' &&
      event.elementId === task.elementId &&
      doneBefore &&
      lastCompletion &&
      lastCompletion.elementId !== task.elementId
    ) {
      const from = str(lastCompletion.details['elementInstanceId']);
      const written = (opinions ?? []).filter((o) => from && o.taskId === from).map((o) => o.text);
      const reason = written.length ? written.join('\n') : (str(lastCompletion.details['opinion']) ?? '');
      found = { by: lastCompletion.actor ?? '', reason };
    }
  }
  return found;
}
