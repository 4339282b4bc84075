import { openSubscription } from '../behaviors/event-subscription';
import type { ExecutionContext } from '../execution-context';
import type { ElementProcessor } from './element-processor';

// Opens the event sub-process subscriptions of a scope (§10.3.5): message, signal, timer and
// conditional starts wait on the scope instance; error and escalation starts are found on throw.
export function openEventSubProcesses(ctx: ExecutionContext, scopeInstanceId: string, scopeId: string): boolean {
  for (const espId of ctx.process.scopes[scopeId]?.eventSubProcesses ?? []) {
    for (const startId of ctx.process.scopes[espId]?.starts ?? []) {
      const start = ctx.node(startId);
      const trigger = start.trigger;
      if (!trigger || trigger.kind === 'error' || trigger.kind === 'escalation' || trigger.kind === 'none') continue;
      if (!openSubscription(ctx, scopeInstanceId, start, trigger)) return false;
    }
  }
  return true;
}

// Enters a scope at its start events (or, without one, at its nodes without incoming flow).
export function enterScope(ctx: ExecutionContext, scopeInstanceId: string, scopeId: string): void {
  if (!openEventSubProcesses(ctx, scopeInstanceId, scopeId)) return;
  for (const startId of ctx.process.scopes[scopeId].starts) {
    ctx.enqueue({ k: 'activate', elementId: startId, scopeInstanceId });
  }
}

// Embedded and event sub-processes (§10.3.5). An event sub-process is entered at its triggered start.
export const subProcessProcessor: ElementProcessor = {
  onActivate(ctx, ei, node, step) {
    if (node.triggeredByEvent || step.triggered) return;
    enterScope(ctx, ei, node.id);
    if (ctx.process.scopes[node.id].starts.length === 0) ctx.enqueue({ k: 'complete', elementInstanceId: ei });
  },
};
