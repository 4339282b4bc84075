// 撤回: undoes a user task completion recorded as withdrawable (see behaviors/withdrawal.ts).
// What it created is cancelled, the arrivals it left are removed, the arrivals a join it fired
// had consumed are restored, its vote leaves the tally (or the body its vote completed comes
// back with the other inner instances that vote cancelled; a sub-process it ended comes back),
// and the task opens again in the same place under a new element instance id. Variables it set
// stay.
import { activateElement, openBoundaries, terminateElement } from '../behaviors/element-lifecycle';
import type { WithdrawScope } from '../../state/instance-state';
import { openEventSubProcesses } from '../processors/sub-process.processor';
import type { ExecutionContext } from '../execution-context';
import { own, reject, requireActive, type CommandHandler } from './command-handler';

export const handleWithdraw: CommandHandler<'withdraw'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const taskId = command.elementInstanceId;
  if (typeof taskId !== 'string') return reject('INVALID_COMMAND', 'elementInstanceId must be a string.');
  const record = own(ctx.state.wd ?? {}, taskId);
  if (!record) {
    const open = own(ctx.state.instances, taskId) !== undefined;
    return reject(
      'NOT_WITHDRAWABLE',
      open ? `Task ${taskId} has not been completed.` : `The completion of ${taskId} can no longer be withdrawn.`,
    );
  }
  if (!ctx.state.instances[record.sc]) return reject('NOT_WITHDRAWABLE', `The completion of ${taskId} can no longer be withdrawn.`);
  const reopened = ctx.newId();
  ctx.emit({ type: 'task.withdrawn', elementId: record.el, elementInstanceId: taskId, reopenedElementInstanceId: reopened });
  // inner instances of the still running body that the completion started (sequential: the next one)
  const startedInner = record.up
    ? 0
    : (record.w ?? []).filter((id) => ctx.state.instances[id]?.sc === record.sc && ctx.state.instances[id]?.inner).length;
  for (const id of record.w ?? []) if (ctx.state.instances[id]) terminateElement(ctx, id);
  for (const [scope, gatewayId, flowId] of record.a ?? []) {
    if (ctx.state.instances[scope]) ctx.emit({ type: 'join.changed', elementId: gatewayId, scopeInstanceId: scope, removed: [flowId] });
  }
  for (const [scope, gatewayId, flowIds] of record.j ?? []) {
    if (ctx.state.instances[scope]) ctx.emit({ type: 'join.changed', elementId: gatewayId, scopeInstanceId: scope, added: flowIds });
  }
  let scope = record.sc;
  for (const saved of record.up ?? []) scope = restoreScope(ctx, scope, saved);
  if (record.inner && !record.up) {
    ctx.emit({
      type: 'multiInstance.changed',
      elementId: record.el,
      elementInstanceId: record.sc,
      completed: -1,
      started: -1 - startedInner,
      ...(record.vote ? { unvote: record.vote } : {}),
    });
  }
  activateElement(ctx, {
    k: 'activate',
    elementId: record.el,
    scopeInstanceId: scope,
    id: reopened,
    withdrawnFrom: taskId,
    ...(record.v ? { vars: record.v } : {}),
    ...(record.inner ? { inner: true as const } : {}),
    ...(record.ret ? { ret: record.ret } : {}),
  });
  return null;
};

// Re-creates a scope the withdrawn completion ended, inside `parent`; returns its new id. A
// multi-instance body comes back with the inner instances the vote cancelled; a sub-process with
// its event sub-process subscriptions. Boundary timers start again from now.
function restoreScope(ctx: ExecutionContext, parent: string, saved: WithdrawScope): string {
  const node = ctx.node(saved.el);
  const id = ctx.newId();
  ctx.emit({
    type: 'element.activated',
    elementId: saved.el,
    elementInstanceId: id,
    scopeInstanceId: parent,
    elementType: node.type,
    ...(saved.mi ? { mi: saved.mi } : {}),
    ...(saved.v ? { variables: saved.v } : {}),
    ...(saved.ret ? { ret: saved.ret } : {}),
  });
  openBoundaries(ctx, id);
  if (!saved.mi && node.type === 'subProcess') openEventSubProcesses(ctx, id, node.id);
  for (const vars of saved.sib ?? []) activateElement(ctx, { k: 'activate', elementId: saved.el, scopeInstanceId: id, inner: true, vars });
  return id;
}
