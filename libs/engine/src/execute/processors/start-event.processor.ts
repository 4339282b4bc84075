import type { ElementProcessor } from './element-processor';

// Start events (§10.5.2): the trigger already happened when the token is created here.
export const startEventProcessor: ElementProcessor = {
  onActivate(ctx, ei) {
    ctx.enqueue({ k: 'complete', elementInstanceId: ei });
  },
};
