import type { ElementType, FlowNode } from '../../model/process.model';
import { boundaryEventProcessor } from './boundary-event.processor';
import { callActivityProcessor } from './call-activity.processor';
import type { ElementProcessor } from './element-processor';
import { endEventProcessor } from './end-event.processor';
import {
  eventBasedGatewayProcessor,
  exclusiveGatewayProcessor,
  inclusiveGatewayProcessor,
  parallelGatewayProcessor,
} from './gateway.processors';
import { intermediateCatchEventProcessor } from './intermediate-catch-event.processor';
import { intermediateThrowEventProcessor } from './intermediate-throw-event.processor';
import { receiveTaskProcessor } from './receive-task.processor';
import { scriptTaskProcessor } from './script-task.processor';
import { multiInstanceBodyProcessor } from './multi-instance-body.processor';
import { jobTaskProcessor } from './service-task.processor';
import { startEventProcessor } from './start-event.processor';
import { subProcessProcessor } from './sub-process.processor';
import { passThroughTaskProcessor } from './task.processor';
import { userTaskProcessor } from './user-task.processor';

/** What runs an element instance: its element type, or the body of a multi-instance activity. */
export type ProcessorKind = ElementType | 'multiInstanceBody';

// The one map from processor kind to processor; a missing kind is a compile error here.
export const processors: { readonly [K in ProcessorKind]: ElementProcessor } = {
  startEvent: startEventProcessor,
  endEvent: endEventProcessor,
  intermediateCatchEvent: intermediateCatchEventProcessor,
  intermediateThrowEvent: intermediateThrowEventProcessor,
  boundaryEvent: boundaryEventProcessor,
  task: passThroughTaskProcessor,
  manualTask: passThroughTaskProcessor,
  userTask: userTaskProcessor,
  receiveTask: receiveTaskProcessor,
  serviceTask: jobTaskProcessor,
  sendTask: jobTaskProcessor,
  scriptTask: scriptTaskProcessor,
  subProcess: subProcessProcessor,
  callActivity: callActivityProcessor,
  exclusiveGateway: exclusiveGatewayProcessor,
  parallelGateway: parallelGatewayProcessor,
  inclusiveGateway: inclusiveGatewayProcessor,
  eventBasedGateway: eventBasedGatewayProcessor,
  multiInstanceBody: multiInstanceBodyProcessor,
};

// A multi-instance activity's instance is its body unless it is one of the body's inner instances.
export function processorKind(node: FlowNode, inner: boolean | undefined): ProcessorKind {
  return node.loop && !inner ? 'multiInstanceBody' : node.type;
}
