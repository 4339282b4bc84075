// Builds the bpmn-js Modeler of the designer: palette, properties panel with bpmn-js's generic
// groups plus the oa: group, camunda moddle (Camunda 7 attributes survive a round trip) and the
// zh-CN translate module. Every customisation is its own module in additionalModules.
import { BpmnPropertiesPanelModule, BpmnPropertiesProviderModule } from 'bpmn-js-properties-panel';
import Modeler from 'bpmn-js/lib/Modeler';
import CamundaPlatformBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import { bpmnTranslateModule } from './bpmn-translate.module';
import type { OaTranslate, OaUserSearch } from './oa-entries';
import { OA_NAMESPACE, designerModdleExtensions } from './oa-properties';
import { oaPropertiesModule } from './oa-properties-provider';

export interface DesignerModelerOptions {
  container: HTMLElement;
  propertiesParent: HTMLElement;
  chinese: boolean;
  t: OaTranslate;
  searchUsers: OaUserSearch;
}

export function createDesignerModeler(options: DesignerModelerOptions): Modeler {
  return new Modeler({
    container: options.container,
    propertiesPanel: { parent: options.propertiesParent },
    additionalModules: [
      BpmnPropertiesPanelModule,
      BpmnPropertiesProviderModule,
      CamundaPlatformBehaviorsModule,
      oaPropertiesModule(options.t, options.searchUsers),
      bpmnTranslateModule(options.chinese),
    ],
    moddleExtensions: designerModdleExtensions(),
  } as ConstructorParameters<typeof Modeler>[0]);
}

/** A fresh diagram for 新建: one executable process with a start event, oa: namespace declared. */
export function newDiagramXml(processId: string, processName: string): string {
  const name = processName.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:oa="${OA_NAMESPACE}" id="Definitions_${processId}" targetNamespace="http://liuzhuan.org/bpmn">
  <bpmn:process id="${processId}" name="${name}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${processId}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1">
        <dc:Bounds x="180" y="160" width="36" height="36" />
      </bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

/** A process id valid as an XML NCName, unique enough for a new diagram. */
export function newProcessId(now: Date = new Date()): string {
  return `Process_${now.getTime().toString(36)}`;
}
