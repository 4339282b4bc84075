// Activation, completion and termination of element instances, token passing over sequence
// flows, joins and scope completion. Strict token semantics: no dead-path elimination.
import { joinKey } from '../../state/instance-state';
import type { ExecutionContext, Step } from '../execution-context';
import { multiInstanceBodyProcessor } from '../processors/multi-instance-body.processor';
import { processorKind, processors } from '../processors/processor-registry';
import { closeOwnedSubscriptions, openSubscription } from './event-subscription';
import { selectActivityFlows } from './flow-taking';

export function activateElement(ctx: ExecutionContext, step: Extract<Step, { k: 'activate' }>, consumed?: readonly string[]): string {
  const node = ctx.node(step.elementId);
  const processor = processors[processorKind(node, step.inner)];
  const ei = step.id ?? ctx.newId();
  ctx.emit({
    type: 'element.activated',
    elementId: node.id,
    elementInstanceId: ei,
    scopeInstanceId: step.scopeInstanceId,
    elementType: node.type,
    ...processor.initialState?.(node),
    ...(step.vars ? { variables: step.vars } : {}),
    ...(step.inner ? { inner: true as const } : {}),
    ...(step.ret ? { ret: step.ret } : {}),
    ...(consumed ? { consumed } : {}),
  });
  if (!step.inner && !openBoundaries(ctx, ei)) return ei;
  processor.onActivate(ctx, ei, node, step);
  return ei;
}

// Subscribes the boundary events of an activity (§10.5.4), owned by the activity instance.
export function openBoundaries(ctx: ExecutionContext, ei: string): boolean {
  const node = ctx.node(ctx.state.instances[ei].el);
  for (const boundaryId of node.boundaries ?? []) {
    const boundary = ctx.node(boundaryId);
    const trigger = boundary.trigger;
    if (!trigger || trigger.kind === 'error' || trigger.kind === 'escalation') continue;
    if (!openSubscription(ctx, ei, boundary, trigger)) return false;
  }
  return true;
}

// Leaves an element: records completion and passes tokens on (or back to the MI body / a "direct" return target).
export function completeElement(ctx: ExecutionContext, ei: string): void {
  const inst = ctx.state.instances[ei];
  if (!inst) return;
  const node = ctx.node(inst.el);
  const scope = inst.sc as string;
  let flows: readonly string[] | null = [];
  if (!inst.inner && !inst.ret) {
    const processor = processors[processorKind(node, inst.inner)];
    flows = processor.selectFlows ? processor.selectFlows(ctx, ei, node) : selectActivityFlows(ctx, ei, node);
    if (flows === null) return;
  }
  closeOwnedSubscriptions(ctx, ei);
  const { inner, ret } = inst;
  ctx.emit({ type: 'element.completed', elementId: node.id, elementInstanceId: ei });
  if (inner) {
    multiInstanceBodyProcessor.onInnerCompleted(ctx, scope);
    return;
  }
  if (ret) {
    // "direct" return (退回后直接返回): skip the path in between and go back to the returner.
    ctx.enqueue({ k: 'activate', elementId: ret, scopeInstanceId: scope });
    return;
  }
  if (flows.length === 0) {
    checkScopeCompletion(ctx, scope);
    return;
  }
  for (const flowId of flows) takeFlow(ctx, flowId, scope);
}

export function takeFlow(ctx: ExecutionContext, flowId: string, scopeInstanceId: string): void {
  const flow = ctx.process.flows[flowId];
  const target = ctx.node(flow.target);
  if (target.joinCount) {
    ctx.emit({ type: 'flow.taken', flowId, elementId: target.id, scopeInstanceId, join: true });
    if (target.type === 'parallelGateway' || joinHasAllArrivals(ctx, scopeInstanceId, target.id)) {
      tryJoin(ctx, scopeInstanceId, target.id);
    }
    return;
  }
  ctx.emit({ type: 'flow.taken', flowId, elementId: target.id, scopeInstanceId });
  ctx.enqueue({ k: 'activate', elementId: target.id, scopeInstanceId });
}

function joinHasAllArrivals(ctx: ExecutionContext, scopeInstanceId: string, gatewayId: string): boolean {
  const arrivals = ctx.state.joins[joinKey(scopeInstanceId, gatewayId)] ?? [];
  return ctx.node(gatewayId).incoming.every((f) => arrivals.includes(f));
}

// Fires a join when it may: a parallel join (§13.3.4) when a token waits on every incoming flow;
// an inclusive join (§13.3.3) also when no token can still reach one of its empty incoming flows.
export function tryJoin(ctx: ExecutionContext, scopeInstanceId: string, gatewayId: string): boolean {
  const node = ctx.node(gatewayId);
  const arrivals = ctx.state.joins[joinKey(scopeInstanceId, gatewayId)];
  if (!arrivals || arrivals.length === 0) return false;
  const all = node.incoming.every((f) => arrivals.includes(f));
  if (!all) {
    if (node.type !== 'inclusiveGateway' || tokenCanStillArrive(ctx, scopeInstanceId, gatewayId)) return false;
  }
  const consumed = node.incoming.filter((f) => arrivals.includes(f));
  activateElement(ctx, { k: 'activate', elementId: gatewayId, scopeInstanceId }, consumed);
  return true;
}

function tokenCanStillArrive(ctx: ExecutionContext, scopeInstanceId: string, gatewayId: string): boolean {
  const upstream = new Set(ctx.node(gatewayId).upstream ?? []);
  for (const id in ctx.state.instances) {
    const inst = ctx.state.instances[id];
    if (inst.sc === scopeInstanceId && upstream.has(inst.el)) return true;
  }
  const prefix = `${scopeInstanceId}|`;
  for (const key in ctx.state.joins) {
    if (key.startsWith(prefix) && upstream.has(key.slice(prefix.length))) return true;
  }
  return false;
}

// Re-checks waiting inclusive joins once every other token has moved (called at quiescence).
export function retryInclusiveJoins(ctx: ExecutionContext): boolean {
  for (const key of Object.keys(ctx.state.joins)) {
    // Gateway ids are XML NCNames and cannot contain '|'; instance ids come from the host and might.
    const cut = key.lastIndexOf('|');
    const scope = key.slice(0, cut);
    const gatewayId = key.slice(cut + 1);
    if (ctx.node(gatewayId)?.type === 'inclusiveGateway' && tryJoin(ctx, scope, gatewayId)) return true;
  }
  return false;
}

// A scope whose last token is gone completes (§10.3.5 sub-process, §13.4.6 implicit end).
export function checkScopeCompletion(ctx: ExecutionContext, scopeInstanceId: string): void {
  if (!ctx.active) return;
  if (ctx.childCount(scopeInstanceId) > 0) return;
  const prefix = `${scopeInstanceId}|`;
  for (const key in ctx.state.joins) if (key.startsWith(prefix)) return;
  if (scopeInstanceId === ctx.state.root) {
    completeProcess(ctx);
    return;
  }
  ctx.enqueue({ k: 'complete', elementInstanceId: scopeInstanceId });
}

export function completeProcess(ctx: ExecutionContext): void {
  const root = ctx.state.root as string;
  closeOwnedSubscriptions(ctx, root);
  resolveIncidentsOf(ctx, root);
  const variables = { ...ctx.state.variables };
  ctx.emit({ type: 'process.completed', variables });
  ctx.effect({ type: 'processCompleted', variables });
}

// Terminates an instance and everything inside it (§13.4.6 terminate, interrupting events).
export function terminateElement(ctx: ExecutionContext, ei: string): void {
  const inst = ctx.state.instances[ei];
  if (!inst) return;
  for (const child of Object.keys(ctx.state.instances)) {
    if (ctx.state.instances[child]?.sc === ei) terminateElement(ctx, child);
  }
  closeOwnedSubscriptions(ctx, ei);
  resolveIncidentsOf(ctx, ei);
  const node = ctx.node(inst.el);
  if (node) processors[processorKind(node, inst.inner)].onTerminate?.(ctx, ei, node);
  if (ei === ctx.state.root) return;
  ctx.emit({ type: 'element.terminated', elementId: inst.el, elementInstanceId: ei });
}

// Terminates every child of a scope instance, leaving the scope itself.
export function terminateChildren(ctx: ExecutionContext, scopeInstanceId: string): void {
  for (const child of Object.keys(ctx.state.instances)) {
    if (ctx.state.instances[child]?.sc === scopeInstanceId) terminateElement(ctx, child);
  }
}

function resolveIncidentsOf(ctx: ExecutionContext, ei: string): void {
  for (const id of Object.keys(ctx.state.incidents)) {
    if (ctx.state.incidents[id].ei === ei) ctx.emit({ type: 'incident.resolved', incidentId: id });
  }
}

// Ends the whole instance with an outcome (terminate end event, terminate/cancel commands).
export function terminateProcess(ctx: ExecutionContext, outcome: string, reason?: string): void {
  const root = ctx.state.root as string;
  terminateChildren(ctx, root);
  terminateElement(ctx, root);
  ctx.emit({ type: 'process.terminated', outcome, ...(reason !== undefined ? { reason } : {}) });
  ctx.effect({ type: 'processTerminated', outcome });
}
