import { throwError, throwEscalation } from '../behaviors/error-propagation';
import { terminateChildren, terminateProcess } from '../behaviors/element-lifecycle';
import { visibleVariables } from '../behaviors/variable-mapping';
import { deliverSignalLocally } from '../behaviors/event-trigger';
import type { ElementProcessor } from './element-processor';

// End events (§10.5.3): none, terminate, error, escalation, message and signal results.
export const endEventProcessor: ElementProcessor = {
  onActivate(ctx, ei, node) {
    const trigger = node.trigger ?? { kind: 'none' };
    switch (trigger.kind) {
      case 'terminate': {
        const scope = ctx.state.instances[ei].sc as string;
        if (scope === ctx.state.root) {
          terminateProcess(ctx, 'terminated', `terminate end event ${node.id}`);
          return;
        }
        // §13.5.6: a terminate end event in a sub-process ends only that sub-process, which then
        // completes normally.
        terminateChildren(ctx, scope);
        ctx.enqueue({ k: 'complete', elementInstanceId: scope });
        return;
      }
      case 'error':
        throwError(ctx, ei, trigger.code ?? null);
        return;
      case 'escalation':
        if (throwEscalation(ctx, ei, trigger.code ?? null)) ctx.enqueue({ k: 'complete', elementInstanceId: ei });
        return;
      case 'message':
        ctx.effect({ type: 'sendMessage', name: trigger.name ?? '', elementId: node.id, variables: { ...visibleVariables(ctx, ei) } });
        break;
      case 'signal':
        ctx.effect({ type: 'throwSignal', name: trigger.name ?? '', variables: { ...visibleVariables(ctx, ei) } });
        deliverSignalLocally(ctx, trigger.name ?? '');
        // The signal may have interrupted the thrower itself (an interrupting handler around it).
        if (!ctx.state.instances[ei]) return;
        break;
      default:
        break;
    }
    ctx.enqueue({ k: 'complete', elementInstanceId: ei });
  },
};
