import type { ElementProcessor } from './element-processor';

// Boundary events (§10.5.4) are only activated once their event occurred; they pass straight on.
export const boundaryEventProcessor: ElementProcessor = {
  onActivate(ctx, ei) {
    ctx.enqueue({ k: 'complete', elementInstanceId: ei });
  },
};
