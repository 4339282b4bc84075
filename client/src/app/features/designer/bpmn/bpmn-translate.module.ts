// A diagram-js `translate` override (module passed through additionalModules): Chinese texts in
// the palette, context pad, replace menu and properties panel when the UI language is zh-CN.
import { BPMN_ZH_CN, translateTemplate } from './bpmn-zh-cn';

export function bpmnTranslateModule(chinese: boolean) {
  const dictionary = chinese ? BPMN_ZH_CN : null;
  const translate = (template: string, replacements?: Record<string, string>) => translateTemplate(dictionary, template, replacements);
  return { translate: ['value', translate] };
}
