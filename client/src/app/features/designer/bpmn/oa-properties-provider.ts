// The 流转 (oa:) group of the properties panel, as a bpmn-js module for additionalModules.
// Pattern of bpmn-js-examples/properties-panel-extension: a provider registered with the panel
// whose getGroups() returns a middleware over the groups of BpmnPropertiesProviderModule.
import {
  startEventEntries,
  timerDefinitionOf,
  timerEventEntries,
  userTaskEntries,
  type OaEntry,
  type OaTranslate,
  type OaUserSearch,
} from './oa-entries';

const LOW_PRIORITY = 500;

interface Element {
  id: string;
  type: string;
  businessObject: { $type?: string };
}
interface Group {
  id: string;
  label: string;
  entries: unknown[];
}
interface PropertiesPanel {
  registerProvider(priority: number, provider: unknown): void;
}

class OaPropertiesProvider {
  static $inject = ['propertiesPanel', 'oaTranslate'];

  constructor(
    propertiesPanel: PropertiesPanel,
    private readonly t: OaTranslate,
  ) {
    propertiesPanel.registerProvider(LOW_PRIORITY, this);
  }

  getGroups(element: Element) {
    return (groups: Group[]) => {
      const shape = element as never;
      const entries: OaEntry[] = [];
      if (element.type === 'bpmn:UserTask') entries.push(...userTaskEntries(shape));
      if (element.type === 'bpmn:StartEvent') entries.push(...startEventEntries(shape));
      if (timerDefinitionOf(element.businessObject as never)) entries.push(...timerEventEntries(shape));
      if (!entries.length) return groups;
      const group: Group = { id: 'oa', label: this.t('designer.oa.group'), entries };
      const general = groups.findIndex((g) => g.id === 'general');
      groups.splice(general + 1, 0, group);
      return groups;
    };
  }
}

/** The oa module; `t` labels the entries in the UI language, `searchUsers` feeds the 办理人 picker. */
export function oaPropertiesModule(t: OaTranslate, searchUsers: OaUserSearch) {
  return {
    __init__: ['oaPropertiesProvider'],
    oaPropertiesProvider: ['type', OaPropertiesProvider],
    oaTranslate: ['value', t],
    oaUserSearch: ['value', searchUsers],
  };
}
