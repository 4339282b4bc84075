import { onInnerInstanceCompleted, startInstances } from '../behaviors/multi-instance';
import type { ExecutionContext } from '../execution-context';
import type { ElementProcessor } from './element-processor';

/** The body's own hook besides the element hooks: an inner instance completed or was removed. */
export interface MultiInstanceBodyProcessor extends ElementProcessor {
  onInnerCompleted(ctx: ExecutionContext, bodyInstanceId: string): void;
}

// The body of a multi-instance activity (§10.3.6; Zeebe's MULTI_INSTANCE_BODY): it starts with
// its counters at zero, starts the inner instances (all at once, or one after another when
// sequential) and completes when they are done, a completion condition holds or a countersign
// (会签) rule decides. Its inner instances run the element's own processor.
export const multiInstanceBodyProcessor: MultiInstanceBodyProcessor = {
  initialState() {
    return { mi: { n: 0, c: 0, s: 0 } };
  },
  onActivate(ctx, bodyId, node) {
    startInstances(ctx, bodyId, node, node.loop!.sequential);
  },
  onInnerCompleted(ctx, bodyId) {
    onInnerInstanceCompleted(ctx, bodyId);
  },
};
