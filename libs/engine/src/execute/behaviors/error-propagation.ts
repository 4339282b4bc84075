// Errors and escalations travel outwards from the throwing element, scope by scope, to the
// first catching event sub-process or boundary event (BPMN 2.0 §10.5.6, "propagation").
import type { FlowNode } from '../../model/process.model';
import type { ExecutionContext } from '../execution-context';
import { activateElement, terminateChildren, terminateElement, terminateProcess } from './element-lifecycle';
import { closeEventSubProcessSubscriptions } from './event-subscription';
import { startEventSubProcess } from './event-trigger';

type Catcher =
  | { kind: 'boundary'; hostInstanceId: string; boundary: FlowNode }
  | { kind: 'eventSubProcess'; scopeInstanceId: string; start: FlowNode };

function matches(node: FlowNode, kind: 'error' | 'escalation', code: string | null, exact: boolean): boolean {
  const t = node.trigger;
  if (!t || t.kind !== kind) return false;
  return exact ? t.code !== null && t.code !== undefined && t.code === code : t.code === null || t.code === undefined;
}

function findCatcher(ctx: ExecutionContext, fromInstanceId: string, kind: 'error' | 'escalation', code: string | null): Catcher | null {
  for (let cur: string | null = fromInstanceId; cur; cur = ctx.state.instances[cur]?.sc ?? null) {
    const inst = ctx.state.instances[cur];
    if (!inst) return null;
    const isRoot = cur === ctx.state.root;
    const node = isRoot ? undefined : ctx.node(inst.el);
    const scopeId = isRoot ? ctx.process.id : node?.type === 'subProcess' ? node.id : null;
    for (const exact of [true, false]) {
      if (scopeId) {
        for (const espId of ctx.process.scopes[scopeId]?.eventSubProcesses ?? []) {
          for (const startId of ctx.process.scopes[espId]?.starts ?? []) {
            const start = ctx.node(startId);
            if (matches(start, kind, code, exact)) return { kind: 'eventSubProcess', scopeInstanceId: cur, start };
          }
        }
      }
      if (node && !inst.inner) {
        for (const boundaryId of node.boundaries ?? []) {
          const boundary = ctx.node(boundaryId);
          if (matches(boundary, kind, code, exact)) return { kind: 'boundary', hostInstanceId: cur, boundary };
        }
      }
    }
  }
  return null;
}

// Throws a BPMN error from an element instance. Uncaught, it ends the instance with outcome
// "error" and tells a calling parent (errorToParent).
export function throwError(ctx: ExecutionContext, fromInstanceId: string, code: string | null, message?: string): void {
  const from = ctx.state.instances[fromInstanceId];
  const catcher = findCatcher(ctx, fromInstanceId, 'error', code);
  ctx.emit({
    type: 'error.thrown',
    elementId: from?.el ?? '',
    errorCode: code,
    caughtBy: catcher ? (catcher.kind === 'boundary' ? catcher.boundary.id : catcher.start.id) : null,
  });
  if (!catcher) {
    ctx.effect({ type: 'errorToParent', errorCode: code, ...(message ? { message } : {}) });
    terminateProcess(ctx, 'error', code ?? undefined);
    return;
  }
  runCatcher(ctx, catcher, true);
}

// Throws an escalation; returns false when the thrower was interrupted by its handler.
export function throwEscalation(ctx: ExecutionContext, fromInstanceId: string, code: string | null): boolean {
  const from = ctx.state.instances[fromInstanceId];
  const catcher = findCatcher(ctx, fromInstanceId, 'escalation', code);
  ctx.emit({
    type: 'escalation.thrown',
    elementId: from?.el ?? '',
    escalationCode: code,
    caughtBy: catcher ? (catcher.kind === 'boundary' ? catcher.boundary.id : catcher.start.id) : null,
  });
  if (!catcher) {
    ctx.effect({ type: 'throwEscalation', escalationCode: code });
    return true;
  }
  const interrupting = catcher.kind === 'boundary' ? catcher.boundary.interrupting !== false : catcher.start.interrupting !== false;
  runCatcher(ctx, catcher, interrupting);
  return ctx.state.instances[fromInstanceId] !== undefined;
}

function runCatcher(ctx: ExecutionContext, catcher: Catcher, interrupting: boolean): void {
  if (catcher.kind === 'boundary') {
    const scope = ctx.state.instances[catcher.hostInstanceId].sc as string;
    if (interrupting) terminateElement(ctx, catcher.hostInstanceId);
    activateElement(ctx, { k: 'activate', elementId: catcher.boundary.id, scopeInstanceId: scope, triggered: true });
    return;
  }
  if (interrupting) {
    closeEventSubProcessSubscriptions(ctx, catcher.scopeInstanceId);
    terminateChildren(ctx, catcher.scopeInstanceId);
  }
  startEventSubProcess(ctx, catcher.scopeInstanceId, catcher.start.scope, catcher.start.id);
}
