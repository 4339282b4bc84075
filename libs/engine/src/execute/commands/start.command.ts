import { enterScope, openEventSubProcesses } from '../processors/sub-process.processor';
import { sanitizeVariables } from '../behaviors/variable-mapping';
import type { ExecutionContext } from '../execution-context';
import { own, reject, type CommandHandler } from './command-handler';

// Starts the instance at the none start event(s), or at the named (timer/message/signal) start event.
export const handleStart: CommandHandler<'start'> = (ctx, command) => {
  if (ctx.state.status !== 'none') return reject('INSTANCE_ALREADY_STARTED', 'The instance has already been started.');
  const process = ctx.process;
  const scope = process.scopes[process.id];
  if (command.startEventId !== undefined) {
    const node = own(process.nodes, command.startEventId);
    if (!node || node.type !== 'startEvent' || node.scope !== process.id) {
      return reject('START_EVENT_NOT_FOUND', `No start event ${command.startEventId} at the process level.`);
    }
  } else if (scope.starts.length === 0) {
    return reject('START_EVENT_NOT_FOUND', `Process ${process.id} has no none start event; name a start event.`);
  }
  startInstance(ctx, command.startEventId, sanitizeVariables(command.variables) ?? {}, command.businessKey, command.initiator);
  return null;
};

export function startInstance(
  ctx: ExecutionContext,
  startEventId: string | undefined,
  variables: Record<string, unknown>,
  businessKey?: string,
  initiator?: string,
): void {
  const root = ctx.newId();
  // Like camunda:initiator, the starting user is visible to expressions as `initiator`.
  const vars = initiator !== undefined && variables['initiator'] === undefined ? { ...variables, initiator } : variables;
  ctx.emit({
    type: 'process.started',
    processId: ctx.process.id,
    elementInstanceId: root,
    variables: vars,
    ...(businessKey !== undefined ? { businessKey } : {}),
    ...(initiator !== undefined ? { initiator } : {}),
    ...(startEventId !== undefined ? { startEventId } : {}),
  });
  if (startEventId === undefined) {
    enterScope(ctx, root, ctx.process.id);
    return;
  }
  if (!openEventSubProcesses(ctx, root, ctx.process.id)) return;
  ctx.enqueue({ k: 'activate', elementId: startEventId, scopeInstanceId: root, triggered: true });
}

// The process-level start event triggered by a message or signal of this name, if any.
export function findStartEvent(ctx: ExecutionContext, kind: 'message' | 'signal', name: string): string | undefined {
  return ctx.process.scopes[ctx.process.id].triggeredStarts.find((id) => {
    const t = ctx.process.nodes[id].trigger;
    return t?.kind === kind && t.name === name;
  });
}
