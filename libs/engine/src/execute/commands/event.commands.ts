import { deliverSignalLocally, triggerSubscription } from '../behaviors/event-trigger';
import { sanitizeVariables } from '../behaviors/variable-mapping';
import { own, reject, requireActive, type CommandHandler } from './command-handler';
import { findStartEvent, startInstance } from './start.command';

export const handleFireTimer: CommandHandler<'fireTimer'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const sub = own(ctx.state.subs, command.timerId);
  if (!sub || sub.k !== 'timer') return reject('TIMER_NOT_FOUND', `No pending timer ${command.timerId}.`);
  triggerSubscription(ctx, command.timerId);
  return null;
};

// Correlates a message to the first matching subscription, or starts the instance at a message start event.
export const handleCorrelateMessage: CommandHandler<'correlateMessage'> = (ctx, command) => {
  if (ctx.state.status === 'none') {
    const start = findStartEvent(ctx, 'message', command.name);
    if (!start) return reject('NO_SUBSCRIPTION', `No message start event for ${command.name}.`);
    startInstance(ctx, start, sanitizeVariables(command.variables) ?? {});
    return null;
  }
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const subId = Object.keys(ctx.state.subs).find((id) => {
    const s = ctx.state.subs[id];
    return (
      s.k === 'message' && s.name === command.name && (command.correlationKey === undefined || s.correlationKey === command.correlationKey)
    );
  });
  if (!subId) return reject('NO_SUBSCRIPTION', `Nothing waits for message ${command.name}.`);
  triggerSubscription(ctx, subId, command.variables);
  return null;
};

// Delivers a signal to every subscription of this instance (§10.5.1 signals are broadcast).
export const handleBroadcastSignal: CommandHandler<'broadcastSignal'> = (ctx, command) => {
  if (ctx.state.status === 'none') {
    const start = findStartEvent(ctx, 'signal', command.name);
    if (!start) return reject('NO_SUBSCRIPTION', `No signal start event for ${command.name}.`);
    startInstance(ctx, start, sanitizeVariables(command.variables) ?? {});
    return null;
  }
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  deliverSignalLocally(ctx, command.name, command.variables);
  return null;
};

export const handleSetVariables: CommandHandler<'setVariables'> = (ctx, command) => {
  const inactive = requireActive(ctx);
  if (inactive) return inactive;
  const vars = sanitizeVariables(command.variables);
  if (vars) ctx.emit({ type: 'variables.updated', variables: vars });
  return null;
};
