// 退回 targets: the visited user tasks a waiting element instance can be moved back to.
import type { ExecutableProcess } from '../model/process.model';
import type { InstanceState } from '../state/instance-state';
import { predecessors } from './behaviors/graph';

export interface ReturnTarget {
  readonly elementId: string;
  readonly name: string | null;
}

/**
 * The visited user tasks (`state.visited`) that `elementInstanceId` can be returned to, nearest
 * first: the graph is followed backwards from its element through gateways, events and other
 * activities, out of embedded sub-processes into the enclosing scopes, never into a
 * sub-process. The first one is the "previous user task on the path". Unknown instance: [].
 */
export function returnTargets(process: ExecutableProcess, state: Readonly<InstanceState>, elementInstanceId: string): ReturnTarget[] {
  if (typeof elementInstanceId !== 'string' || !Object.prototype.hasOwnProperty.call(state.instances, elementInstanceId)) return [];
  if (elementInstanceId === state.root) return [];
  const start = state.instances[elementInstanceId].el;
  if (!process.nodes[start]) return [];
  const visited = new Set(state.visited);
  const seen = new Set<string>([start]);
  const targets: ReturnTarget[] = [];
  let level = [start];
  while (level.length) {
    const next: string[] = [];
    for (const id of level) {
      const node = process.nodes[id];
      const previous = predecessors(process, node);
      // the start of an embedded sub-process: continue before the sub-process in the enclosing scope
      if (previous.length === 0 && node.scope !== process.id && !process.nodes[node.scope]?.triggeredByEvent) previous.push(node.scope);
      for (const p of previous) {
        if (seen.has(p) || !process.nodes[p]) continue;
        seen.add(p);
        next.push(p);
        const candidate = process.nodes[p];
        if (candidate.type === 'userTask' && visited.has(p)) targets.push({ elementId: p, name: candidate.name });
      }
    }
    level = next;
  }
  return targets;
}
