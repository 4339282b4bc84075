// Structural pass over a compiled process: boundaries onto activities, scope descriptions,
// link targets, join counts and the upstream sets inclusive joins need (BPMN 2.0 §13.3.3).
import type { ExecutableProcess, FlowNode, Scope } from '../model/process.model';
import { ACTIVITY_TYPES } from '../model/process.model';
import type { DiagnosticSink } from './diagnostic';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type MutableNode = Mutable<FlowNode>;

export function finishProcess(process: ExecutableProcess, sink: DiagnosticSink): ExecutableProcess {
  const executable = process.isExecutable;
  const nodes = process.nodes as Record<string, MutableNode>;
  const scopes = process.scopes as Record<string, Scope>;

  for (const node of Object.values(nodes)) {
    if (node.type !== 'boundaryEvent' || !node.attachedTo) continue;
    const host = nodes[node.attachedTo];
    if (!host || !ACTIVITY_TYPES.has(host.type)) {
      sink.executionError(executable, 'BPMN_DANGLING_REFERENCE', node.id, `Boundary event ${node.id} is not attached to an activity.`);
      continue;
    }
    host.boundaries = [...(host.boundaries ?? []), node.id];
  }

  const scopeIds = [
    process.id,
    ...Object.values(nodes)
      .filter((n) => n.type === 'subProcess')
      .map((n) => n.id),
  ];
  for (const scopeId of scopeIds) {
    const members = Object.values(nodes).filter((n) => n.scope === scopeId);
    const starts = members.filter((n) => n.type === 'startEvent' && (n.trigger?.kind ?? 'none') === 'none').map((n) => n.id);
    const triggeredStarts = members.filter((n) => n.type === 'startEvent' && n.trigger && n.trigger.kind !== 'none').map((n) => n.id);
    const eventSubProcesses = members.filter((n) => n.type === 'subProcess' && n.triggeredByEvent).map((n) => n.id);
    const isEventSub = nodes[scopeId]?.triggeredByEvent === true;
    let effectiveStarts = isEventSub ? triggeredStarts : starts;
    if (!isEventSub && starts.length === 0 && triggeredStarts.length === 0) {
      // A scope without start event starts at every flow node without incoming flow (§10.5.2,
      // "implicit start"): activities and gateways that nothing points to.
      effectiveStarts = members
        .filter((n) => n.incoming.length === 0 && n.type !== 'boundaryEvent' && !n.triggeredByEvent && n.type !== 'startEvent')
        .map((n) => n.id);
    }
    const linkTargets: Record<string, string> = {};
    for (const n of members) {
      if (n.type === 'intermediateCatchEvent' && n.trigger?.kind === 'link') linkTargets[n.trigger.name ?? ''] = n.id;
    }
    for (const n of members) {
      if (n.type === 'intermediateThrowEvent' && n.trigger?.kind === 'link' && !linkTargets[n.trigger.name ?? '']) {
        sink.executionError(
          executable,
          'BPMN_DANGLING_REFERENCE',
          n.id,
          `Link ${n.trigger.name} thrown by ${n.id} has no catching link event in the same scope.`,
        );
      }
    }
    if (
      executable &&
      members.length > 0 &&
      effectiveStarts.length === 0 &&
      (scopeId === process.id ? triggeredStarts.length === 0 : true)
    ) {
      sink.error('BPMN_NO_START', scopeId, `Scope ${scopeId} has no start event.`);
    }
    scopes[scopeId] = {
      id: scopeId,
      starts: effectiveStarts,
      triggeredStarts: isEventSub ? [] : triggeredStarts,
      eventSubProcesses,
      linkTargets,
    };
  }

  for (const node of Object.values(nodes)) {
    if ((node.type === 'parallelGateway' || node.type === 'inclusiveGateway') && node.incoming.length > 1) {
      node.joinCount = node.incoming.length;
    }
    if (node.type === 'inclusiveGateway' && node.incoming.length > 1) node.upstream = upstreamOf(process, node.id);
    if (node.type === 'exclusiveGateway' || node.type === 'inclusiveGateway') {
      if (node.defaultFlow && !node.outgoing.includes(node.defaultFlow)) {
        sink.executionError(executable, 'BPMN_DANGLING_REFERENCE', node.id, `Default flow of ${node.id} is not one of its outgoing flows.`);
      }
    }
    if (node.type === 'eventBasedGateway') {
      for (const flowId of node.outgoing) {
        const target = nodes[process.flows[flowId].target];
        const ok =
          (target.type === 'intermediateCatchEvent' && target.trigger?.kind !== 'link') ||
          (target.type === 'receiveTask' && target.trigger);
        if (!ok)
          sink.executionError(
            executable,
            'BPMN_STRUCTURE',
            node.id,
            `Event-based gateway ${node.id} must lead to catch events or receive tasks with a message; ${target.id} is not one.`,
          );
      }
    }
    if (
      node.type === 'startEvent' &&
      node.scope !== process.id &&
      !nodes[node.scope]?.triggeredByEvent &&
      node.trigger &&
      node.trigger.kind !== 'none'
    ) {
      sink.executionError(
        executable,
        'BPMN_STRUCTURE',
        node.id,
        `Start event ${node.id} of an embedded sub-process must be a none start event.`,
      );
    }
  }
  return process;
}

// Nodes in the join's scope from which a token can still reach it without passing through it.
// A token resting at a boundary's host activity can leave through the boundary, so hosts count.
function upstreamOf(process: ExecutableProcess, joinId: string): string[] {
  const seen = new Set<string>();
  const stack = [...process.nodes[joinId].incoming];
  const boundariesByHost = new Map<string, string[]>();
  for (const n of Object.values(process.nodes)) {
    if (n.attachedTo) boundariesByHost.set(n.attachedTo, [...(boundariesByHost.get(n.attachedTo) ?? []), n.id]);
  }
  while (stack.length) {
    const flowId = stack.pop() as string;
    const source = process.nodes[process.flows[flowId].source];
    visit(source.id);
  }
  function visit(id: string): void {
    if (id === joinId || seen.has(id)) return;
    seen.add(id);
    const node = process.nodes[id];
    for (const f of node.incoming) stack.push(f);
    if (node.attachedTo) visit(node.attachedTo);
    // A link catch is reached from its throwing events.
    if (node.type === 'intermediateCatchEvent' && node.trigger?.kind === 'link') {
      for (const n of Object.values(process.nodes)) {
        if (
          n.scope === node.scope &&
          n.type === 'intermediateThrowEvent' &&
          n.trigger?.kind === 'link' &&
          n.trigger.name === node.trigger.name
        )
          visit(n.id);
      }
    }
  }
  return [...seen].sort();
}
