import { raiseIncident } from '../behaviors/incident';
import { mapVariables, visibleVariables } from '../behaviors/variable-mapping';
import type { ElementProcessor } from './element-processor';

// Call activities (§10.3.4): the server starts the child (startChild effect); the parent waits
// until childCompleted (or a BPMN error from the child through throwError).
export const callActivityProcessor: ElementProcessor = {
  onActivate(ctx, ei, node) {
    const call = node.call;
    if (!call) return;
    const mapped = mapVariables(ctx, call.inputs, visibleVariables(ctx, ei));
    if (!mapped.ok) {
      raiseIncident(ctx, ei, 'EXPRESSION_FAILED', `Input mapping of ${node.id}: ${mapped.error}`, 'activate');
      return;
    }
    ctx.emit({ type: 'child.requested', elementId: node.id, elementInstanceId: ei, processKey: call.processKey, version: call.version });
    ctx.effect({
      type: 'startChild',
      elementInstanceId: ei,
      processKey: call.processKey,
      version: call.version,
      variables: mapped.variables,
    });
  },
  onTerminate(ctx, ei) {
    if (ctx.state.instances[ei]?.k === 'call') ctx.effect({ type: 'cancelChild', elementInstanceId: ei });
  },
};
