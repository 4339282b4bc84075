// Opening and closing event subscriptions: timers, messages, signals and conditions, owned by
// an element instance (catch event, boundary host, event-based gateway or event sub-process scope).
import { firstFireAt, nextCycleFireAt, parseTimer, type TimerDefinition } from '../time';
import type { EventTrigger, FlowNode } from '../../model/process.model';
import type { ExecutionContext } from '../execution-context';
import { raiseIncident } from './incident';
import { evaluate } from './variable-mapping';

// Opens the subscription for one catching element; false when an incident was raised instead.
export function openSubscription(ctx: ExecutionContext, ownerInstanceId: string, catchNode: FlowNode, trigger: EventTrigger): boolean {
  switch (trigger.kind) {
    case 'timer':
      return scheduleTimer(ctx, ownerInstanceId, catchNode, trigger, 0, null);
    case 'message': {
      const subscriptionId = ctx.newId();
      let correlationKey: string | undefined;
      if (trigger.correlationKey) {
        const r = evaluate(ctx, ownerInstanceId, trigger.correlationKey);
        if (!r.ok) {
          raiseIncident(ctx, ownerInstanceId, 'EXPRESSION_FAILED', `Correlation key of ${catchNode.id}: ${r.error}`, 'activate');
          return false;
        }
        correlationKey = r.value === null || r.value === undefined ? undefined : String(r.value);
      }
      ctx.emit({
        type: 'message.subscribed',
        subscriptionId,
        elementId: catchNode.id,
        elementInstanceId: ownerInstanceId,
        ownerInstanceId,
        name: trigger.name,
        ...(correlationKey !== undefined ? { correlationKey } : {}),
      });
      ctx.effect({
        type: 'subscribeMessage',
        subscriptionId,
        name: trigger.name ?? '',
        ...(correlationKey !== undefined ? { correlationKey } : {}),
      });
      return true;
    }
    case 'signal': {
      const subscriptionId = ctx.newId();
      ctx.emit({
        type: 'signal.subscribed',
        subscriptionId,
        elementId: catchNode.id,
        elementInstanceId: ownerInstanceId,
        ownerInstanceId,
        name: trigger.name,
      });
      ctx.effect({ type: 'subscribeSignal', subscriptionId, name: trigger.name ?? '' });
      return true;
    }
    case 'conditional':
      ctx.emit({
        type: 'condition.subscribed',
        subscriptionId: ctx.newId(),
        elementId: catchNode.id,
        elementInstanceId: ownerInstanceId,
        ownerInstanceId,
      });
      return true;
    default:
      return true;
  }
}

function resolveTimer(ctx: ExecutionContext, ownerInstanceId: string, trigger: EventTrigger): TimerDefinition | string {
  const spec = trigger.timer;
  if (!spec) return 'no timer definition';
  if (spec.date) {
    const d = evaluate(ctx, ownerInstanceId, spec.date);
    if (!d.ok) return d.error;
    if (d.value !== null && d.value !== undefined && d.value !== '') {
      const parsed = parseTimer('timeDate', d.value instanceof Date ? d.value.toISOString() : String(d.value));
      return parsed.ok ? parsed.timer : parsed.error;
    }
  }
  if (spec.timer) return spec.timer;
  if (!spec.expression) return 'no timer definition';
  const r = evaluate(ctx, ownerInstanceId, spec.expression);
  if (!r.ok) return r.error;
  if (spec.source === 'workdays') {
    const n = Number(r.value);
    return Number.isFinite(n) && n >= 0 ? { kind: 'workdays', workdays: n } : `workdays ${String(r.value)} is not a number`;
  }
  const text = r.value instanceof Date ? r.value.toISOString() : String(r.value ?? '');
  const parsed = parseTimer(spec.source, text);
  return parsed.ok ? parsed.timer : parsed.error;
}

// Schedules a timer; for a repeating cycle, `fired` says how many times it already fired.
export function scheduleTimer(
  ctx: ExecutionContext,
  ownerInstanceId: string,
  catchNode: FlowNode,
  trigger: EventTrigger,
  fired: number,
  previousDueAt: string | null,
): boolean {
  const timer = resolveTimer(ctx, ownerInstanceId, trigger);
  if (typeof timer === 'string') {
    raiseIncident(ctx, ownerInstanceId, 'TIMER_INVALID', `Timer of ${catchNode.id}: ${timer}`, 'activate');
    return false;
  }
  let dueAt: string | null;
  if (previousDueAt && timer.kind === 'cycle') {
    dueAt = nextCycleFireAt(timer, previousDueAt, fired);
    if (dueAt === null) return true;
  } else {
    const first = firstFireAt(timer, ctx.at, ctx.env.calendar);
    if ('error' in first) {
      raiseIncident(ctx, ownerInstanceId, 'TIMER_INVALID', `Timer of ${catchNode.id}: ${first.error}`, 'activate');
      return false;
    }
    dueAt = first.at;
  }
  const timerId = ctx.newId();
  ctx.emit({
    type: 'timer.scheduled',
    timerId,
    elementId: catchNode.id,
    elementInstanceId: ownerInstanceId,
    ownerInstanceId,
    dueAt,
    ...(fired ? { fired } : {}),
  });
  ctx.effect({ type: 'scheduleTimer', timerId, elementInstanceId: ownerInstanceId, elementId: catchNode.id, dueAt });
  return true;
}

// True when the timer of this trigger repeats (a cycle).
export function isCycle(ctx: ExecutionContext, trigger: EventTrigger | undefined): boolean {
  return trigger?.kind === 'timer' && trigger.timer?.timer?.kind === 'cycle';
}

// Closes one subscription, with the matching effect for the server.
export function closeSubscription(ctx: ExecutionContext, subscriptionId: string): void {
  const sub = ctx.state.subs[subscriptionId];
  if (!sub) return;
  if (sub.k === 'timer') {
    ctx.emit({ type: 'timer.cancelled', timerId: subscriptionId });
    ctx.effect({ type: 'cancelTimer', timerId: subscriptionId });
    return;
  }
  ctx.emit({ type: 'subscription.closed', subscriptionId, kind: sub.k });
  if (sub.k === 'message') ctx.effect({ type: 'unsubscribeMessage', subscriptionId, name: sub.name ?? '' });
  if (sub.k === 'signal') ctx.effect({ type: 'unsubscribeSignal', subscriptionId, name: sub.name ?? '' });
}

// Closes every subscription an element instance owns.
export function closeOwnedSubscriptions(ctx: ExecutionContext, ownerInstanceId: string): void {
  const ids: string[] = [];
  for (const id in ctx.state.subs) if (ctx.state.subs[id].ei === ownerInstanceId) ids.push(id);
  for (const id of ids) closeSubscription(ctx, id);
}

// An interrupting event sub-process replaces the scope's content and its other event
// sub-process subscriptions; the scope's own boundary events stay (the scope keeps running).
export function closeEventSubProcessSubscriptions(ctx: ExecutionContext, scopeInstanceId: string): void {
  const ids: string[] = [];
  for (const id in ctx.state.subs) {
    const sub = ctx.state.subs[id];
    if (sub.ei === scopeInstanceId && ctx.node(sub.el).type === 'startEvent') ids.push(id);
  }
  for (const id of ids) closeSubscription(ctx, id);
}
