// Modification commands behind the approval operations: 退回 (move token back), 加签/减签 (add or
// remove countersigners), cancelling one element instance, terminating with an outcome.
import { activateElement, checkScopeCompletion, completeElement, terminateElement, terminateProcess } from '../behaviors/element-lifecycle';
import { onInnerInstanceCompleted, startInner, startInstances } from '../behaviors/multi-instance';
import { openBoundaries } from '../behaviors/element-lifecycle';
import { processors } from '../processors/processor-registry';
import { joinKey } from '../../state/instance-state';
import { reachableFrom } from '../behaviors/graph';
import type { ExecutionContext } from '../execution-context';
import { own, reject, requireActive, type CommandHandler } from './command-handler';

// The scope id an element instance stands for (the process id for the root).
function scopeIdOf(ctx: ExecutionContext, ei: string): string | null {
  if (ei === ctx.state.root) return ctx.process.id;
  const node = ctx.node(ctx.state.instances[ei].el);
  return node.type === 'subProcess' && !ctx.state.instances[ei].mi ? node.id : null;
}

// Moves the token of a waiting element back to a visited element in an enclosing scope (退回).
// "rerun": the target runs again and the flow follows from it. Only what the target's re-run
// produces again is reset: inside a parallel branch only that branch re-runs (the other branches'
// tokens and join arrivals stay); back before a fork every branch re-runs (their tokens and
// arrivals are removed); back from after a fired parallel join into one branch, the branches the
// target does not lead through count as arrived again, so the join fires once when the re-run
// branch arrives. Inclusive joins need no restoring: they fire once no token can still arrive.
// "direct": only the target runs, and its completion returns straight to the returning element.
// Returning out of a multi-instance inner instance moves the whole body (every inner instance
// is cancelled) and, when the body is re-reached, starts every inner instance again.
export const handleMoveToken: CommandHandler<'moveToken'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const from = own(ctx.state.instances, command.fromElementInstanceId);
  if (!from || command.fromElementInstanceId === ctx.state.root) {
    return reject('ELEMENT_INSTANCE_NOT_FOUND', `No element instance ${command.fromElementInstanceId}.`);
  }
  if (command.mode !== 'rerun' && command.mode !== 'direct') return reject('INVALID_COMMAND', 'mode must be rerun or direct.');
  const target = own(ctx.process.nodes, command.targetElementId);
  if (!target || !ctx.state.visited.includes(target.id)) {
    return reject('TARGET_NOT_VISITED', `Element ${command.targetElementId} has not been visited.`);
  }
  // Climb from the waiting instance to the instance that sits directly in the target's scope.
  let moved = command.fromElementInstanceId;
  let scope = from.sc;
  while (scope && scopeIdOf(ctx, scope) !== target.scope) {
    moved = scope;
    scope = ctx.state.instances[scope]?.sc ?? null;
  }
  if (!scope) return reject('TARGET_NOT_IN_SCOPE', `Element ${target.id} is not in a scope enclosing ${command.fromElementInstanceId}.`);
  const returnTo = ctx.state.instances[moved].el;
  ctx.emit({ type: 'token.moved', fromElementInstanceId: command.fromElementInstanceId, targetElementId: target.id, mode: command.mode });
  terminateElement(ctx, moved);
  if (command.mode === 'rerun') resetForRerun(ctx, scope, target.id, returnTo);
  activateElement(ctx, {
    k: 'activate',
    elementId: target.id,
    scopeInstanceId: scope,
    ...(command.mode === 'direct' ? { ret: returnTo } : {}),
  });
  return null;
};

// Before the target re-runs: removes the tokens and join arrivals of the scope that the re-run
// produces again, and restores the arrivals of parallel joins the returning token had passed.
function resetForRerun(ctx: ExecutionContext, scope: string, targetId: string, returningId: string): void {
  const { process } = ctx;
  const rerun = reachableFrom(process, targetId, new Set([returningId]));
  for (const id of Object.keys(ctx.state.instances)) {
    const inst = ctx.state.instances[id];
    if (inst && inst.sc === scope && rerun.has(inst.el)) terminateElement(ctx, id);
  }
  const prefix = `${scope}|`;
  for (const key of Object.keys(ctx.state.joins)) {
    if (!key.startsWith(prefix)) continue;
    const gatewayId = key.slice(prefix.length);
    const removed = ctx.state.joins[key].filter((flowId) => rerun.has(process.flows[flowId].source));
    if (removed.length) ctx.emit({ type: 'join.changed', elementId: gatewayId, scopeInstanceId: scope, removed });
  }
  for (const gatewayId of rerun) {
    const join = process.nodes[gatewayId];
    if (join.type !== 'parallelGateway' || !join.joinCount) continue;
    // the returning token was past this join: it is reached from the join without the target
    if (!reachableFrom(process, gatewayId, new Set([targetId])).has(returningId)) continue;
    const throughTarget = reachableFrom(process, targetId, new Set([returningId, gatewayId]));
    const arrivals = ctx.state.joins[joinKey(scope, gatewayId)] ?? [];
    const added = join.incoming.filter((flowId) => !throughTarget.has(process.flows[flowId].source) && !arrivals.includes(flowId));
    if (added.length) ctx.emit({ type: 'join.changed', elementId: gatewayId, scopeInstanceId: scope, added });
  }
}

export const handleAddInstances: CommandHandler<'addInstances'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const body = own(ctx.state.instances, command.elementInstanceId);
  if (!body) return reject('ELEMENT_INSTANCE_NOT_FOUND', `No element instance ${command.elementInstanceId}.`);
  if (!body.mi) return reject('NOT_MULTI_INSTANCE', `Element instance ${command.elementInstanceId} is not a multi-instance body.`);
  if (!Array.isArray(command.items) || command.items.length === 0) return reject('INVALID_COMMAND', 'items must be a non-empty list.');
  const node = ctx.node(body.el);
  const first = body.mi.s;
  const pending = body.mi.n - first;
  ctx.emit({
    type: 'multiInstance.changed',
    elementId: node.id,
    elementInstanceId: command.elementInstanceId,
    added: command.items.length,
    items: command.items,
  });
  if (!node.loop?.sequential) {
    for (let i = 0; i < command.items.length; i++) startInner(ctx, command.elementInstanceId, node, first + pending + i);
  }
  return null;
};

export const handleRemoveInstances: CommandHandler<'removeInstances'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  if (!Array.isArray(command.innerElementInstanceIds) || command.innerElementInstanceIds.length === 0) {
    return reject('INVALID_COMMAND', 'innerElementInstanceIds must be a non-empty list.');
  }
  for (const id of command.innerElementInstanceIds) {
    const inst = own(ctx.state.instances, id);
    if (!inst) return reject('ELEMENT_INSTANCE_NOT_FOUND', `No element instance ${id}.`);
    if (!inst.inner) return reject('NOT_MULTI_INSTANCE', `Element instance ${id} is not an inner multi-instance instance.`);
  }
  const bodies = new Set<string>();
  for (const id of command.innerElementInstanceIds) {
    const inst = own(ctx.state.instances, id);
    // the same id listed twice, or an instance already gone with an earlier one
    if (!inst) continue;
    const bodyId = inst.sc as string;
    terminateElement(ctx, id);
    ctx.emit({ type: 'multiInstance.changed', elementId: inst.el, elementInstanceId: bodyId, removed: 1 });
    bodies.add(bodyId);
  }
  for (const bodyId of bodies) onInnerInstanceCompleted(ctx, bodyId);
  return null;
};

export const handleCancelElementInstance: CommandHandler<'cancelElementInstance'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const inst = own(ctx.state.instances, command.elementInstanceId);
  if (!inst || command.elementInstanceId === ctx.state.root) {
    return reject('ELEMENT_INSTANCE_NOT_FOUND', `No element instance ${command.elementInstanceId}.`);
  }
  const scope = inst.sc as string;
  terminateElement(ctx, command.elementInstanceId);
  if (inst.inner) {
    ctx.emit({ type: 'multiInstance.changed', elementId: inst.el, elementInstanceId: scope, removed: 1 });
    onInnerInstanceCompleted(ctx, scope);
  } else checkScopeCompletion(ctx, scope);
  return null;
};

export const handleTerminate: CommandHandler<'terminate'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  terminateProcess(ctx, String(command.outcome));
  return null;
};

export const handleCancel: CommandHandler<'cancel'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  terminateProcess(ctx, 'cancelled', command.reason);
  return null;
};

// Resolving an incident retries what failed: activation, leaving the element, or the job.
export const handleResolveIncident: CommandHandler<'resolveIncident'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const incident = own(ctx.state.incidents, command.incidentId);
  if (!incident) return reject('INCIDENT_NOT_FOUND', `No incident ${command.incidentId}.`);
  ctx.emit({ type: 'incident.resolved', incidentId: command.incidentId });
  const inst = ctx.state.instances[incident.ei];
  if (!inst) return null;
  const node = ctx.node(inst.el);
  if (incident.retry === 'complete') {
    if (inst.mi && activeChildren(ctx, incident.ei) === 0 && inst.mi.c < inst.mi.n) onInnerInstanceCompleted(ctx, incident.ei);
    else completeElement(ctx, incident.ei);
  } else if (inst.mi) {
    if (inst.mi.n === 0 && inst.mi.s === 0) startInstances(ctx, incident.ei, node, node.loop?.sequential === true);
  } else {
    if (incident.retry === 'activate' && node.boundaries?.length && !hasSubscriptions(ctx, incident.ei)) openBoundaries(ctx, incident.ei);
    processors[node.type].onActivate(ctx, incident.ei, node, { k: 'activate', elementId: node.id, scopeInstanceId: inst.sc as string });
  }
  return null;
};

function activeChildren(ctx: ExecutionContext, ei: string): number {
  return ctx.childCount(ei);
}

function hasSubscriptions(ctx: ExecutionContext, ei: string): boolean {
  for (const id in ctx.state.subs) if (ctx.state.subs[id].ei === ei) return true;
  return false;
}
