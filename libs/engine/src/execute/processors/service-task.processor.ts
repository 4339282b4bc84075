import { visibleVariables } from '../behaviors/variable-mapping';
import type { ElementProcessor } from './element-processor';

// Service and send tasks (§10.3.3) become async jobs the server's workers run by handler name.
export const jobTaskProcessor: ElementProcessor = {
  onActivate(ctx, ei, node) {
    const job = node.job ?? { type: node.id, retries: 3 };
    const jobKey = ctx.newId();
    ctx.emit({ type: 'job.created', jobKey, elementId: node.id, elementInstanceId: ei, jobType: job.type, retries: job.retries });
    ctx.effect({
      type: 'createJob',
      jobKey,
      jobType: job.type,
      elementInstanceId: ei,
      elementId: node.id,
      retries: job.retries,
      variables: { ...visibleVariables(ctx, ei) },
    });
  },
  onTerminate(ctx, ei) {
    for (const jobKey of Object.keys(ctx.state.jobs)) {
      if (ctx.state.jobs[jobKey] !== ei) continue;
      ctx.emit({ type: 'job.cancelled', jobKey });
      ctx.effect({ type: 'cancelJob', jobKey });
    }
  },
};
