import { raiseIncident } from '../behaviors/incident';
import { evaluate } from '../behaviors/variable-mapping';
import type { ElementProcessor } from './element-processor';

// Script tasks (§10.3.3), FEEL only: the expression's value goes to the result variable.
export const scriptTaskProcessor: ElementProcessor = {
  onActivate(ctx, ei, node) {
    const script = node.script;
    if (!script) {
      ctx.enqueue({ k: 'complete', elementInstanceId: ei });
      return;
    }
    const r = evaluate(ctx, ei, script.expression);
    if (!r.ok) {
      raiseIncident(ctx, ei, 'EXPRESSION_FAILED', `Script of ${node.id}: ${r.error}`, 'activate');
      return;
    }
    if (script.resultVariable) ctx.emit({ type: 'variables.updated', variables: { [script.resultVariable]: r.value } });
    ctx.enqueue({ k: 'complete', elementInstanceId: ei });
  },
};
