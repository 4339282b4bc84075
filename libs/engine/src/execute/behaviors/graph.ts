// Reachability over the sequence flows of one scope, for the approval operations (退回 re-runs,
// return targets). Boundary events count as successors of their activity, link throws of their
// link catch; sub-process contents are not entered (they are another scope).
import type { ExecutableProcess, FlowNode } from '../../model/process.model';

function successors(process: ExecutableProcess, node: FlowNode): string[] {
  const next: string[] = [];
  for (const flowId of node.outgoing) next.push(process.flows[flowId].target);
  for (const boundaryId of node.boundaries ?? []) next.push(boundaryId);
  if (node.type === 'intermediateThrowEvent' && node.trigger?.kind === 'link') {
    const target = process.scopes[node.scope]?.linkTargets[node.trigger.name ?? ''];
    if (target) next.push(target);
  }
  return next;
}

/**
 * Element ids a token leaving `from` can reach (`from` included), never passing through a node
 * in `stops` (the stops themselves are not included).
 */
export function reachableFrom(process: ExecutableProcess, from: string, stops: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>();
  if (stops.has(from)) return seen;
  seen.add(from);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    for (const next of successors(process, process.nodes[queue[i]])) {
      if (seen.has(next) || stops.has(next) || !process.nodes[next]) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return seen;
}

/** Predecessors of a node within its scope: flow sources, the activity a boundary event is attached to, link throws. */
export function predecessors(process: ExecutableProcess, node: FlowNode): string[] {
  const previous: string[] = [];
  for (const flowId of node.incoming) previous.push(process.flows[flowId].source);
  if (node.attachedTo) previous.push(node.attachedTo);
  if (node.type === 'intermediateCatchEvent' && node.trigger?.kind === 'link') {
    for (const id in process.nodes) {
      const other = process.nodes[id];
      if (
        other.scope === node.scope &&
        other.type === 'intermediateThrowEvent' &&
        other.trigger?.kind === 'link' &&
        other.trigger.name === node.trigger.name
      ) {
        previous.push(id);
      }
    }
  }
  return previous;
}
