import { throwEscalation } from '../behaviors/error-propagation';
import { visibleVariables } from '../behaviors/variable-mapping';
import { deliverSignalLocally } from '../behaviors/event-trigger';
import type { ElementProcessor } from './element-processor';

// Intermediate throw events (§10.5.5): none, message, signal, escalation and link.
export const intermediateThrowEventProcessor: ElementProcessor = {
  onActivate(ctx, ei, node) {
    const trigger = node.trigger ?? { kind: 'none' };
    if (trigger.kind === 'link') {
      // A link pair is a goto within one scope (§10.5.5 link events): no sequence flow between them.
      const scope = ctx.state.instances[ei].sc as string;
      const target = ctx.process.scopes[node.scope].linkTargets[trigger.name ?? ''];
      ctx.emit({ type: 'element.completed', elementId: node.id, elementInstanceId: ei });
      ctx.enqueue({ k: 'activate', elementId: target, scopeInstanceId: scope, triggered: true });
      return;
    }
    if (trigger.kind === 'escalation') {
      if (throwEscalation(ctx, ei, trigger.code ?? null)) ctx.enqueue({ k: 'complete', elementInstanceId: ei });
      return;
    }
    if (trigger.kind === 'message') {
      ctx.effect({ type: 'sendMessage', name: trigger.name ?? '', elementId: node.id, variables: { ...visibleVariables(ctx, ei) } });
    }
    if (trigger.kind === 'signal') {
      ctx.effect({ type: 'throwSignal', name: trigger.name ?? '', variables: { ...visibleVariables(ctx, ei) } });
      deliverSignalLocally(ctx, trigger.name ?? '');
      // The signal may have interrupted the thrower itself (an interrupting handler around it).
      if (!ctx.state.instances[ei]) return;
    }
    ctx.enqueue({ k: 'complete', elementInstanceId: ei });
  },
};
