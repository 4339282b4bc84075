import { openSubscription } from '../behaviors/event-subscription';
import { evaluate } from '../behaviors/variable-mapping';
import type { ElementProcessor } from './element-processor';

// Intermediate catch events (§10.5.6): wait for a timer, message, signal or condition; link catches pass.
export const intermediateCatchEventProcessor: ElementProcessor = {
  onActivate(ctx, ei, node, step) {
    const trigger = node.trigger;
    if (step.triggered || !trigger || trigger.kind === 'link' || trigger.kind === 'none') {
      ctx.enqueue({ k: 'complete', elementInstanceId: ei });
      return;
    }
    if (trigger.kind === 'conditional' && trigger.condition) {
      // Camunda and Flowable evaluate the condition on entry; a true condition passes at once.
      const r = evaluate(ctx, ei, trigger.condition);
      if (r.ok && r.value === true) {
        ctx.enqueue({ k: 'complete', elementInstanceId: ei });
        return;
      }
    }
    if (openSubscription(ctx, ei, node, trigger)) {
      ctx.emit({ type: 'element.waiting', elementId: node.id, elementInstanceId: ei, kind: 'wait' });
    }
  },
};
