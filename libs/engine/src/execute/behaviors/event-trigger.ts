// What happens when a subscribed event occurs: a catch event continues, a boundary event
// interrupts (or not) its host, an event-based gateway picks its branch, an event sub-process
// starts (BPMN 2.0 §10.5.6 handling events, §10.3.5 event sub-processes, §13.3.5).
import type { ExecutionContext } from '../execution-context';
import { activateElement, terminateChildren, terminateElement } from './element-lifecycle';
import { closeEventSubProcessSubscriptions, closeOwnedSubscriptions, closeSubscription, scheduleTimer } from './event-subscription';
import { sanitizeVariables } from './variable-mapping';

// Runs the consequence of one subscription's event. The subscription must exist.
export function triggerSubscription(ctx: ExecutionContext, subscriptionId: string, variables?: Record<string, unknown>): void {
  const sub = ctx.state.subs[subscriptionId];
  const node = ctx.node(sub.el);
  const ownerId = sub.ei;
  const owner = ctx.state.instances[ownerId];
  const vars = sanitizeVariables(variables);
  if (sub.k === 'timer') ctx.emit({ type: 'timer.fired', timerId: subscriptionId });
  const repeats = sub.k === 'timer' && node.trigger?.timer?.timer?.kind === 'cycle';

  if (node.type === 'boundaryEvent') {
    if (vars) ctx.emit({ type: 'variables.updated', variables: vars });
    const scope = owner.sc as string;
    // A non-interrupting boundary stays subscribed for messages, signals and conditions (as in
    // Camunda); a one-shot timer is spent, a cycle schedules its next occurrence.
    if (node.interrupting !== false) terminateElement(ctx, ownerId);
    else if (repeats) scheduleTimer(ctx, ownerId, node, node.trigger!, (sub.fired ?? 0) + 1, sub.dueAt ?? ctx.at);
    activateElement(ctx, { k: 'activate', elementId: node.id, scopeInstanceId: scope, triggered: true });
    return;
  }

  if (node.type === 'startEvent') {
    // An event sub-process start event; the owner is the enclosing scope instance.
    if (vars) ctx.emit({ type: 'variables.updated', variables: vars });
    const eventSubProcessId = node.scope;
    if (node.interrupting !== false) {
      closeEventSubProcessSubscriptions(ctx, ownerId);
      terminateChildren(ctx, ownerId);
    } else if (repeats) {
      scheduleTimer(ctx, ownerId, node, node.trigger!, (sub.fired ?? 0) + 1, sub.dueAt ?? ctx.at);
    }
    startEventSubProcess(ctx, ownerId, eventSubProcessId, node.id);
    return;
  }

  // Intermediate catch events and receive tasks: owned by themselves or by an event-based gateway.
  if (vars) ctx.emit({ type: 'variables.updated', variables: vars });
  if (owner.el !== node.id) {
    const gateway = ctx.node(owner.el);
    closeOwnedSubscriptions(ctx, ownerId);
    const flowId = gateway.outgoing.find((f) => ctx.process.flows[f].target === node.id) as string;
    const scope = owner.sc as string;
    ctx.emit({ type: 'element.completed', elementId: gateway.id, elementInstanceId: ownerId });
    ctx.emit({ type: 'flow.taken', flowId, elementId: node.id, scopeInstanceId: scope });
    activateElement(ctx, { k: 'activate', elementId: node.id, scopeInstanceId: scope, triggered: true });
    return;
  }
  closeSubscription(ctx, subscriptionId);
  ctx.enqueue({ k: 'complete', elementInstanceId: ownerId });
}

// Starts an event sub-process inside a scope instance, entering at its triggered start event.
export function startEventSubProcess(
  ctx: ExecutionContext,
  scopeInstanceId: string,
  eventSubProcessId: string,
  startEventId: string,
): void {
  const espInstance = activateElement(ctx, {
    k: 'activate',
    elementId: eventSubProcessId,
    scopeInstanceId,
    triggered: true,
  });
  ctx.enqueue({ k: 'activate', elementId: startEventId, scopeInstanceId: espInstance, triggered: true });
}

// A thrown signal reaches every subscription of this instance in the same call, as Camunda and
// Flowable deliver it synchronously (§10.5.1 signals are broadcast); the server broadcasts the
// throwSignal effect to the other instances only.
export function deliverSignalLocally(ctx: ExecutionContext, name: string, variables?: Record<string, unknown>): void {
  const ids = Object.keys(ctx.state.subs).filter((id) => ctx.state.subs[id].k === 'signal' && ctx.state.subs[id].name === name);
  let first = true;
  for (const id of ids) {
    // An earlier delivery may have removed this subscription (it interrupted the host).
    if (!ctx.state.subs[id] || !ctx.active) continue;
    triggerSubscription(ctx, id, first ? variables : undefined);
    first = false;
  }
}
