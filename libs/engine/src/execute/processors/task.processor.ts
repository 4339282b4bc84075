import type { ElementProcessor } from './element-processor';

// Abstract and manual tasks (§10.3.3): nothing for the engine to do; pass straight through.
export const passThroughTaskProcessor: ElementProcessor = {
  onActivate(ctx, ei) {
    ctx.enqueue({ k: 'complete', elementInstanceId: ei });
  },
};
