import { type ExecutableProcess, nextUserTasks } from '@liuzhuan/engine';

/**
 * What a step is, read from the model (not from how the engine happens to run it): a 会签 is a
 * user task with `oa:countersign`; a multi-instance user task without it is each department's
 * part of a parallel handling (协办单位承办); the first steps of the process are the user tasks
 * its start events reach without passing another user task (拟稿).
 */

/** The kind of an opinion written at the step when nothing else names one. */
export function stepOpinionKind(process: ExecutableProcess, elementId: string): 'countersign' | 'approval' {
  return process.nodes[elementId]?.loop?.countersign ? 'countersign' : 'approval';
}

/**
 * One part of a multi-instance step (a 会签 vote, a 协办 department's handling): its holder speaks
 * for that part — a vote or a 办理情况 — and does not end the whole matter (no 驳回).
 */
export function isStepPart(process: ExecutableProcess, elementId: string): boolean {
  return !!process.nodes[elementId]?.loop;
}

/**
 * A first step (拟稿): there is nothing before it to go back to, even when a later step's flow
 * loops back into it (退回修改), so neither 退回 nor 驳回 is offered there.
 */
export function isFirstStep(process: ExecutableProcess, elementId: string): boolean {
  const node = process.nodes[elementId];
  if (!node) return false;
  const scope = process.scopes[node.scope];
  return !!scope?.starts.some((start) => nextUserTasks(process, start).includes(elementId));
}
