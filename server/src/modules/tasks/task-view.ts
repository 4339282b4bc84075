import type { Task } from '@liuzhuan/contracts';
import { TaskErrors } from './tasks.errors';
import type { TaskCandidateEntity, TaskEntity } from '../runtime/runtime.api';

/**
 * How the user relates to a task; null: not at all (they learn nothing about it). `owner`: the
 * task is delegated away (委派) and comes back to them.
 */
export type Relation = 'assignee' | 'owner' | 'candidate' | 'admin' | null;

export function toTask(row: TaskEntity, candidates: TaskCandidateEntity[]): Task {
  return {
    id: row.id,
    instanceId: row.instanceId,
    definitionKey: row.definitionKey,
    elementId: row.elementId,
    name: row.name,
    assignee: row.assignee,
    candidateUsers: candidates.filter((c) => c.kind === 'user').map((c) => c.value),
    candidateGroups: candidates.filter((c) => c.kind === 'group').map((c) => c.value),
    status: row.status,
    formKey: row.formKey,
    dueAt: row.dueAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    openedAt: row.openedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    completedBy: row.completedBy,
    owner: row.owner ?? null,
    onBehalfOf: row.onBehalfOf ?? null,
    kind: row.kind ?? 'user',
    parentTaskId: row.parentTaskId ?? null,
    sourceTaskId: row.sourceTaskId ?? null,
  };
}

/** Approval operations always say why; the schema lets a reason be absent so that this is a 422. */
export function requireReason(reason: string | undefined): string {
  const text = reason?.trim();
  if (!text) throw TaskErrors.reasonRequired();
  return text;
}
