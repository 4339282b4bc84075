import type { ExecutableProcess } from '../model/process.model';
import { firstFireAt, nextCycleFireAt, type WorkdayCalendar } from './time';

/** When a timer start event fires next. */
export type StartTimerDue = { readonly dueAt: string } | { readonly done: true } | { readonly error: string };

/**
 * For the server's scheduler: the next due time of a process-level timer start event. Without
 * `previousDueAt` it is the first fire time after `fromIso` (deploy time); with it, the next
 * occurrence of a cycle (`R3/PT10H`) after `firedCount` fires, or `done` when the cycle is used up
 * or the timer does not repeat. Timer start texts must be literals (there is no instance yet).
 */
export function nextStartTimer(
  process: ExecutableProcess,
  startEventId: string,
  fromIso: string,
  calendar?: WorkdayCalendar,
  previous?: { readonly dueAt: string; readonly firedCount: number },
): StartTimerDue {
  const node = process.nodes[startEventId];
  const timer = node?.type === 'startEvent' ? node.trigger?.timer?.timer : undefined;
  if (!timer) return { error: `${startEventId} is not a timer start event with a literal timer` };
  if (!previous) {
    const first = firstFireAt(timer, fromIso, calendar);
    return 'error' in first ? { error: first.error } : { dueAt: first.at };
  }
  if (timer.kind !== 'cycle') return { done: true };
  const next = nextCycleFireAt(timer, previous.dueAt, previous.firedCount);
  return next === null ? { done: true } : { dueAt: next };
}
