import type { FlowNode } from '../../model/process.model';
import type { EventOf } from '../../state/engine-event';
import type { ExecutionContext, Step } from '../execution-context';

// One processor per BPMN element type. A processor decides: it reads the (read-only) state and
// records events and effects through the context; the reducers apply them.
export interface ElementProcessor {
  // What a new instance starts with besides its locals, recorded on its element.activated event
  // (a multi-instance body's counters). Absent: nothing.
  initialState?(node: FlowNode): Pick<EventOf<'element.activated'>, 'mi'>;
  // The instance exists (element.activated was recorded): wait, or enqueue its completion.
  onActivate(ctx: ExecutionContext, elementInstanceId: string, node: FlowNode, step: Extract<Step, { k: 'activate' }>): void;
  // Which outgoing flows to take on completion; null when none can be chosen (an incident was
  // raised and the instance stays). Absent: the default activity behaviour.
  selectFlows?(ctx: ExecutionContext, elementInstanceId: string, node: FlowNode): readonly string[] | null;
  // Clean-up beyond subscriptions when the instance is terminated (jobs, tasks, children).
  onTerminate?(ctx: ExecutionContext, elementInstanceId: string, node: FlowNode): void;
}
