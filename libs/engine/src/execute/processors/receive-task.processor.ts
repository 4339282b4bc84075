import { openSubscription } from '../behaviors/event-subscription';
import type { ElementProcessor } from './element-processor';

// Receive tasks (§10.3.3) wait for their message; without a message reference they are a plain
// wait state that completeTask continues (as Camunda's runtimeService.signal).
export const receiveTaskProcessor: ElementProcessor = {
  onActivate(ctx, ei, node, step) {
    if (step.triggered) {
      ctx.enqueue({ k: 'complete', elementInstanceId: ei });
      return;
    }
    if (node.trigger && !openSubscription(ctx, ei, node, node.trigger)) return;
    ctx.emit({ type: 'element.waiting', elementId: node.id, elementInstanceId: ei, kind: 'wait' });
  },
};
