import { bpmnTranslateModule } from './bpmn-translate.module';

function translateOf(chinese: boolean) {
  return bpmnTranslateModule(chinese).translate[1] as (t: string, r?: Record<string, string>) => string;
}

describe('bpmnTranslateModule', () => {
  it('should translate palette and panel texts when the language is Chinese', () => {
    // Given the Chinese module
    const translate = translateOf(true);
    // Then bpmn-js texts read in Chinese
    expect(translate('Create task')).toBe('任务');
    expect(translate('User Task')).toBe('用户任务');
    expect(translate('General')).toBe('常规');
  });

  it('should keep unknown texts and fill placeholders when no translation exists', () => {
    // Given the Chinese module and a template it does not know
    const translate = translateOf(true);
    // Then the English template is used with its replacements
    expect(translate('Append {type}', { type: 'X' })).toBe('Append X');
  });

  it('should leave everything in English when the language is English', () => {
    expect(translateOf(false)('Create task')).toBe('Create task');
  });
});
