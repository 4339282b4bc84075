import { Form } from '@bpmn-io/form-js-viewer';
import { formText, translateFormTexts } from './task-form-texts';

describe('task form texts', () => {
  it('should put the viewer taglist hidden skip link and its buttons into Chinese', async () => {
    // Given a form-js viewer showing a taglist with a tag chosen, as the 拟办 and 批示 forms do
    const container = document.createElement('div');
    document.body.appendChild(container);
    const form = new Form({ container });
    await form.importSchema(
      {
        type: 'default',
        components: [
          {
            type: 'taglist',
            key: 'depts',
            label: '协办单位',
            values: [
              { label: '市财政局', value: 'czj' },
              { label: '市住建局', value: 'zjj' },
            ],
          },
        ],
      },
      { depts: ['czj'] },
    );
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(container.querySelector('.fjs-taglist-skip-link')).not.toBeNull();
    // When the texts are translated
    const observer = translateFormTexts(container);
    // Then no English is left in the text, even in the link only a screen reader or the keyboard reaches
    expect(container.textContent).not.toContain('Skip to search');
    expect(container.querySelector('.fjs-taglist-skip-link')?.textContent).toBe('跳到搜索');
    observer.disconnect();
    form.destroy();
    container.remove();
  });

  it('should name the viewer buttons in Chinese and keep a form author text as written', () => {
    expect(formText('Next page')).toBe('下一页');
    expect(formText('Value is expected to have at most 2 decimal digits.')).toBe('最多保留 2 位小数。');
    expect(formText('Skip to search please')).toBe('Skip to search please');
    // Given a button named in English by an attribute
    const root = document.createElement('div');
    root.innerHTML = '<button aria-label="Increment" title="Remove tag"></button>';
    // When translated, then its name is Chinese
    translateFormTexts(root).disconnect();
    expect(root.querySelector('button')?.getAttribute('aria-label')).toBe('增加');
    expect(root.querySelector('button')?.getAttribute('title')).toBe('移除');
  });
});
