import type { ElementType } from '../../model/process.model';
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
import { jobTaskProcessor } from './service-task.processor';
import { startEventProcessor } from './start-event.processor';
import { subProcessProcessor } from './sub-process.processor';
import { passThroughTaskProcessor } from './task.processor';
import { userTaskProcessor } from './user-task.processor';

// The one map from element type to processor; a missing type is a compile error here.
export const processors: { readonly [T in ElementType]: ElementProcessor } = {
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
};
