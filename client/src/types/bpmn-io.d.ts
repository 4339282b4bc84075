// The bpmn.io properties panels ship without type declarations (toolchain notes G16); the
// designer reaches them only through its own typed wrappers in features/designer/bpmn.
declare module 'bpmn-js-properties-panel' {
  export const BpmnPropertiesPanelModule: unknown;
  export const BpmnPropertiesProviderModule: unknown;
  export function useService<T = any>(name: string, strict?: boolean): T;
}

declare module '@bpmn-io/properties-panel' {
  export const TextFieldEntry: any;
  export const SelectEntry: any;
  export function isTextFieldEntryEdited(node: unknown): boolean;
  export function isSelectEntryEdited(node: unknown): boolean;
}

declare module 'camunda-bpmn-moddle/resources/camunda.json' {
  const descriptor: { types: { name: string; extends?: string[]; properties?: { name: string }[] }[] };
  export default descriptor;
}

declare module 'camunda-bpmn-js-behaviors/lib/camunda-platform' {
  const module: unknown;
  export default module;
}
