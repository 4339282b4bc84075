import type { NextTask } from '@liuzhuan/contracts';
import type { TaskCandidateEntity, TaskEntity } from './task.entity';

/** The open ones of the tasks a command created, as the answer to its caller names them (`next`, a start's `tasks`). */
export function openedTasks(created: readonly TaskEntity[], candidates: ReadonlyMap<string, readonly TaskCandidateEntity[]>): NextTask[] {
  return created
    .filter((t) => t.status === 'open')
    .map((t) => ({
      id: t.id,
      elementId: t.elementId,
      name: t.name,
      assignee: t.assignee,
      candidateGroups: (candidates.get(t.id) ?? []).filter((c) => c.kind === 'group').map((c) => c.value),
      dueAt: t.dueAt?.toISOString() ?? null,
    }));
}
