import { openSubscription } from '../behaviors/event-subscription';
import { selectExclusiveFlow, selectInclusiveFlows } from '../behaviors/flow-taking';
import type { ElementProcessor } from './element-processor';

const passOn: ElementProcessor['onActivate'] = (ctx, ei) => ctx.enqueue({ k: 'complete', elementInstanceId: ei });

// Exclusive gateway (§13.3.2): merges without synchronising; splits on the first true condition.
export const exclusiveGatewayProcessor: ElementProcessor = {
  onActivate: passOn,
  selectFlows: selectExclusiveFlow,
};

// Parallel gateway (§13.3.4): the join is done before activation (all incoming arrived); forks all.
export const parallelGatewayProcessor: ElementProcessor = {
  onActivate: passOn,
  selectFlows: (_ctx, _ei, node) => node.outgoing,
};

// Inclusive gateway (§13.3.3): joins as decided in the lifecycle; splits on every true condition.
export const inclusiveGatewayProcessor: ElementProcessor = {
  onActivate: passOn,
  selectFlows: selectInclusiveFlows,
};

// Event-based gateway (§13.3.5): waits on the events after it; the first one to occur wins.
export const eventBasedGatewayProcessor: ElementProcessor = {
  onActivate(ctx, ei, node) {
    for (const flowId of node.outgoing) {
      const target = ctx.node(ctx.process.flows[flowId].target);
      if (target.trigger && !openSubscription(ctx, ei, target, target.trigger)) return;
    }
    ctx.emit({ type: 'element.waiting', elementId: node.id, elementInstanceId: ei, kind: 'wait' });
  },
};
