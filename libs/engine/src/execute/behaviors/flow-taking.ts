// Choosing outgoing sequence flows (BPMN 2.0 §13.2: conditional and default flows; §13.3.2-4
// gateways). A failed condition raises an incident; nothing is thrown.
import type { FlowNode } from '../../model/process.model';
import type { ExecutionContext } from '../execution-context';
import { raiseIncident } from './incident';
import { evaluate } from './variable-mapping';

type Truth = boolean | { error: string };

function conditionHolds(ctx: ExecutionContext, elementInstanceId: string, flowId: string): Truth {
  const flow = ctx.process.flows[flowId];
  if (!flow.condition) return true;
  // Conditions are evaluated in the scope of the element being left.
  const r = evaluate(ctx, elementInstanceId, flow.condition);
  if (!r.ok) return { error: `condition of ${flowId}: ${r.error}` };
  return r.value === true;
}

// Activities and events: every unconditional flow and every true conditional one, else the default.
export function selectActivityFlows(ctx: ExecutionContext, elementInstanceId: string, node: FlowNode): readonly string[] | null {
  if (node.outgoing.length === 0) return node.outgoing;
  let conditional = false;
  for (const id of node.outgoing) if (ctx.process.flows[id].condition || id === node.defaultFlow) conditional = true;
  if (!conditional) return node.outgoing;
  const taken: string[] = [];
  for (const id of node.outgoing) {
    if (id === node.defaultFlow) continue;
    const holds = conditionHolds(ctx, elementInstanceId, id);
    if (typeof holds === 'object') {
      raiseIncident(ctx, elementInstanceId, 'CONDITION_FAILED', holds.error, 'complete');
      return null;
    }
    if (holds) taken.push(id);
  }
  if (taken.length === 0 && node.defaultFlow) taken.push(node.defaultFlow);
  if (taken.length === 0) {
    raiseIncident(ctx, elementInstanceId, 'NO_FLOW_SELECTED', `No outgoing flow of ${node.id} can be taken.`, 'complete');
    return null;
  }
  return taken;
}

// Exclusive gateway (§13.3.2): the first flow, in document order, whose condition holds; else the default.
export function selectExclusiveFlow(ctx: ExecutionContext, elementInstanceId: string, node: FlowNode): readonly string[] | null {
  if (node.outgoing.length === 1 && !ctx.process.flows[node.outgoing[0]].condition) return node.outgoing;
  for (const id of node.outgoing) {
    if (id === node.defaultFlow) continue;
    const holds = conditionHolds(ctx, elementInstanceId, id);
    if (typeof holds === 'object') {
      raiseIncident(ctx, elementInstanceId, 'CONDITION_FAILED', holds.error, 'complete');
      return null;
    }
    if (holds) return [id];
  }
  if (node.defaultFlow) return [node.defaultFlow];
  raiseIncident(ctx, elementInstanceId, 'NO_FLOW_SELECTED', `No condition of exclusive gateway ${node.id} holds and it has no default flow.`, 'complete');
  return null;
}

// Inclusive gateway (§13.3.3): every flow whose condition holds; the default only when none does.
export function selectInclusiveFlows(ctx: ExecutionContext, elementInstanceId: string, node: FlowNode): readonly string[] | null {
  const taken: string[] = [];
  for (const id of node.outgoing) {
    if (id === node.defaultFlow) continue;
    const holds = conditionHolds(ctx, elementInstanceId, id);
    if (typeof holds === 'object') {
      raiseIncident(ctx, elementInstanceId, 'CONDITION_FAILED', holds.error, 'complete');
      return null;
    }
    if (holds) taken.push(id);
  }
  if (taken.length === 0 && node.defaultFlow) taken.push(node.defaultFlow);
  if (taken.length === 0 && node.outgoing.length > 0) {
    raiseIncident(ctx, elementInstanceId, 'NO_FLOW_SELECTED', `No condition of inclusive gateway ${node.id} holds and it has no default flow.`, 'complete');
    return null;
  }
  return taken;
}
