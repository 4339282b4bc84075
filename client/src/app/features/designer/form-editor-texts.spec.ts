import { translateFormEditor } from './form-editor-texts';

describe('translateFormEditor', () => {
  let root: HTMLElement;
  let observer: MutationObserver | undefined;

  beforeEach(() => {
    root = document.createElement('div');
    document.body.appendChild(root);
  });

  afterEach(() => {
    observer?.disconnect();
    root.remove();
  });

  /** Lets the MutationObserver deliver its records. */
  const settle = () => new Promise((resolve) => setTimeout(resolve));

  it('should put the properties panel’s groups, labels, descriptions and titles into Chinese', () => {
    // Given the properties panel of a text field as form-js renders it
    root.innerHTML = `
      <div class="fjs-properties-panel">
        <div class="bio-properties-panel-group-header-title" title="General">General</div>
        <button class="bio-properties-panel-arrow" title="Toggle section"></button>
        <label>Key</label><input value="Key" />
        <div class="bio-properties-panel-description">Binds to a form variable</div>
        <div class="bio-properties-panel-error">Must not be empty.</div>
      </div>`;
    // When the editor's texts are translated
    observer = translateFormEditor(root);
    // Then the panel speaks Chinese, and a typed value is left as it is
    const panel = root.querySelector('.fjs-properties-panel') as HTMLElement;
    expect(panel.textContent?.replace(/\s+/g, '')).toBe('常规键绑定到一个表单变量不能为空。');
    expect(root.querySelector('[title="常规"]')).not.toBeNull();
    expect(root.querySelector('button')?.getAttribute('title')).toBe('展开或收起');
    expect(root.querySelector('input')?.value).toBe('Key');
  });

  it('should translate what the panel renders later, but not the text of a FEEL or template editor', async () => {
    // Given a translated, empty properties panel
    root.innerHTML = '<div class="fjs-properties-panel"></div>';
    observer = translateFormEditor(root);
    // When form-js renders a group with a label and a template editor whose content is the user's
    root.querySelector('.fjs-properties-panel')!.innerHTML = `
      <div class="bio-properties-panel-group-header-title">Validation</div>
      <label>Required</label>
      <div class="cm-editor"><div class="cm-content" contenteditable="true">Required</div></div>`;
    await settle();
    // Then the group and label are in Chinese and the user's text is not
    expect(root.querySelector('.bio-properties-panel-group-header-title')?.textContent).toBe('校验');
    expect(root.querySelector('label')?.textContent).toBe('必填');
    expect(root.querySelector('.cm-content')?.textContent).toBe('Required');
  });

  it('should leave texts outside the editor’s palette and panel alone', () => {
    // Given a form field's own label on the canvas (the user's text)
    root.innerHTML = '<div class="fjs-form-field"><label>Key</label></div>';
    // When the editor's texts are translated, then it stays as typed
    observer = translateFormEditor(root);
    expect(root.querySelector('label')?.textContent).toBe('Key');
  });
});
