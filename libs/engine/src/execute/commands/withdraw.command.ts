// 撤回: undoes a user task completion recorded as withdrawable (see behaviors/withdrawal.ts).
// What it created is cancelled, the arrivals it left are removed, the arrivals a join it fired
// had consumed are restored, its vote leaves the tally (or the body its vote completed comes
// back with the other inner instances that vote cancelled), and the task opens again in the same
// place under a new element instance id. Variables it set stay.
import { activateElement, openBoundaries, terminateElement } from '../behaviors/element-lifecycle';
import type { WithdrawRecord } from '../../state/instance-state';
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
    return reject('NOT_WITHDRAWABLE', open ? `Task ${taskId} has not been completed.` : `The completion of ${taskId} can no longer be withdrawn.`);
  }
  const scopeId = record.b ? record.b.sc : record.sc;
  if (!ctx.state.instances[scopeId]) return reject('NOT_WITHDRAWABLE', `The completion of ${taskId} can no longer be withdrawn.`);
  const reopened = ctx.newId();
  ctx.emit({ type: 'task.withdrawn', elementId: record.el, elementInstanceId: taskId, reopenedElementInstanceId: reopened });
  // inner instances of the still running body that the completion started (sequential: the next one)
  const startedInner = record.b ? 0 : (record.w ?? []).filter((id) => ctx.state.instances[id]?.sc === record.sc && ctx.state.instances[id]?.inner).length;
  for (const id of record.w ?? []) if (ctx.state.instances[id]) terminateElement(ctx, id);
  for (const [scope, gatewayId, flowId] of record.a ?? []) {
    if (ctx.state.instances[scope]) ctx.emit({ type: 'join.changed', elementId: gatewayId, scopeInstanceId: scope, removed: [flowId] });
  }
  for (const [scope, gatewayId, flowIds] of record.j ?? []) {
    if (ctx.state.instances[scope]) ctx.emit({ type: 'join.changed', elementId: gatewayId, scopeInstanceId: scope, added: flowIds });
  }
  let scope = record.sc;
  if (record.b) {
    scope = restoreBody(ctx, record.el, record.b);
  } else if (record.inner) {
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

// Re-creates the multi-instance body the withdrawn vote completed, with the inner instances that
// vote cancelled; returns the new body id. Its boundary timers start again from now.
function restoreBody(ctx: ExecutionContext, elementId: string, b: NonNullable<WithdrawRecord['b']>): string {
  const node = ctx.node(elementId);
  const bodyId = ctx.newId();
  ctx.emit({
    type: 'element.activated',
    elementId,
    elementInstanceId: bodyId,
    scopeInstanceId: b.sc,
    elementType: node.type,
    mi: b.mi,
    ...(b.v ? { variables: b.v } : {}),
    ...(b.ret ? { ret: b.ret } : {}),
  });
  openBoundaries(ctx, bodyId);
  for (const vars of b.sib ?? []) activateElement(ctx, { k: 'activate', elementId, scopeInstanceId: bodyId, inner: true, vars });
  return bodyId;
}
