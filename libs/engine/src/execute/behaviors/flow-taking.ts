// Choosing outgoing sequence flows (BPMN 2.0 §13.2: conditional and default flows; §13.3.2-4
// gateways). A failed condition raises an incident; nothing is thrown.
import type { FlowNode } from '../../model/process.model';
import type { ExecutionContext } from '../execution-context';
import { raiseIncident } from './incident';
import { evaluate } from './variable-mapping';

/**
 * Whether the flow's condition holds (a flow without one always does). A condition that cannot be
 * evaluated raises an incident on the element being left and gives null: no flow is taken then.
 */
function holds(ctx: ExecutionContext, elementInstanceId: string, flowId: string): boolean | null {
  const flow = ctx.process.flows[flowId];
  if (!flow.condition) return true;
  // Conditions are evaluated in the scope of the element being left.
  const r = evaluate(ctx, elementInstanceId, flow.condition);
  if (r.ok) return r.value === true;
  raiseIncident(ctx, elementInstanceId, 'CONDITION_FAILED', `condition of ${flowId}: ${r.error}`, 'complete');
  return null;
}

/** Every non-default flow whose condition holds, else the default; none at all is an incident. */
function holdingFlows(ctx: ExecutionContext, elementInstanceId: string, node: FlowNode, noneMessage: string): readonly string[] | null {
  const taken: string[] = [];
  for (const id of node.outgoing) {
    if (id === node.defaultFlow) continue;
    const h = holds(ctx, elementInstanceId, id);
    if (h === null) return null;
    if (h) taken.push(id);
  }
  if (taken.length === 0 && node.defaultFlow) taken.push(node.defaultFlow);
  if (taken.length === 0 && node.outgoing.length > 0) {
    raiseIncident(ctx, elementInstanceId, 'NO_FLOW_SELECTED', noneMessage, 'complete');
    return null;
  }
  return taken;
}

// Activities and events: every unconditional flow and every true conditional one, else the default.
export function selectActivityFlows(ctx: ExecutionContext, elementInstanceId: string, node: FlowNode): readonly string[] | null {
  if (node.outgoing.length === 0) return node.outgoing;
  let conditional = false;
  for (const id of node.outgoing) if (ctx.process.flows[id].condition || id === node.defaultFlow) conditional = true;
  if (!conditional) return node.outgoing;
  return holdingFlows(ctx, elementInstanceId, node, `No outgoing flow of ${node.id} can be taken.`);
}

// Exclusive gateway (§13.3.2): the first flow, in document order, whose condition holds; else the default.
export function selectExclusiveFlow(ctx: ExecutionContext, elementInstanceId: string, node: FlowNode): readonly string[] | null {
  if (node.outgoing.length === 1 && !ctx.process.flows[node.outgoing[0]].condition) return node.outgoing;
  for (const id of node.outgoing) {
    if (id === node.defaultFlow) continue;
    const h = holds(ctx, elementInstanceId, id);
    if (h === null) return null;
    if (h) return [id];
  }
  if (node.defaultFlow) return [node.defaultFlow];
  raiseIncident(
    ctx,
    elementInstanceId,
    'NO_FLOW_SELECTED',
    `No condition of exclusive gateway ${node.id} holds and it has no default flow.`,
    'complete',
  );
  return null;
}

// Inclusive gateway (§13.3.3): every flow whose condition holds; the default only when none does.
export function selectInclusiveFlows(ctx: ExecutionContext, elementInstanceId: string, node: FlowNode): readonly string[] | null {
  return holdingFlows(ctx, elementInstanceId, node, `No condition of inclusive gateway ${node.id} holds and it has no default flow.`);
}
