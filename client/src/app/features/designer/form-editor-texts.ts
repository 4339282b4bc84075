/**
 * form-js's editor names its palette in English (its field registry's `name`s and its own texts).
 * The designer shows it in Chinese: the field names are set on the registry's configs before the
 * editor renders (so that the palette's search finds 文本框 too), and the palette's own texts —
 * its heading, group titles, search placeholder — are put into Chinese in the DOM.
 */
export const FIELD_NAMES: Readonly<Record<string, string>> = {
  'Text field': '单行文本',
  'Text area': '多行文本',
  Number: '数字',
  'Date time': '日期时间',
  Expression: '表达式',
  'File picker': '文件上传',
  Checkbox: '复选框',
  'Checkbox group': '多选组',
  'Radio group': '单选组',
  Select: '下拉选择',
  'Tag list': '标签选择',
  'Text view': '文本说明',
  'Image view': '图片',
  Table: '表格',
  'HTML view': 'HTML 内容',
  'Document preview': '文档预览',
  Spacer: '间距',
  Separator: '分隔线',
  Group: '分组',
  'Dynamic list': '动态列表',
  iFrame: '内嵌网页',
  Button: '按钮',
};

/** The palette's own texts (not field names). */
const PALETTE_TEXTS: Readonly<Record<string, string>> = {
  Components: '组件',
  'Search components': '搜索组件',
  Input: '输入',
  Selection: '选择',
  Presentation: '展示',
  Containers: '容器',
  Action: '操作',
  'No components found.': '没有找到组件。',
  'Clear content': '清除',
  // the empty form's hint beside the palette
  'Build your form': '设计表单',
  'Drag and drop components here to start designing.': '把左侧的组件拖到这里开始设计。',
  'Use the preview window to test your form.': '可在预览中试填表单。',
};

/** The parts of the editor translated here: the palette and the empty form's hint. */
const TRANSLATED = '.fjs-palette, .fjs-empty-editor';

interface FieldLike {
  config?: { name?: string; label?: string };
}

/**
 * Sets the Chinese name on each field config (a copy: the viewer's own configs are left as they are
 * apart from the name, which only the editor shows). `fields` is form-js's `formFields` list or the
 * editor registry's values.
 */
export function nameFields(fields: Iterable<FieldLike>): void {
  for (const field of fields) {
    const config = field.config;
    const english = config?.name ?? config?.label;
    const chinese = english ? FIELD_NAMES[english] : undefined;
    if (config && chinese) field.config = { ...config, name: chinese };
  }
}

const paletteText = (text: string): string => PALETTE_TEXTS[text.trim()] ?? FIELD_NAMES[text.trim()] ?? text;

/** Puts the palette's texts (and the empty form's hint) under `root` into Chinese now and whenever form-js renders them again. */
export function translatePalette(root: HTMLElement): MutationObserver {
  const apply = (node: Node) => {
    const el = node instanceof HTMLElement ? node : node.parentElement;
    if (!el?.closest(TRANSLATED)) {
      if (node instanceof HTMLElement) node.querySelectorAll<HTMLElement>(TRANSLATED).forEach(apply);
      return;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const next = paletteText(node.nodeValue ?? '');
      if (next !== node.nodeValue) node.nodeValue = next;
      return;
    }
    if (!(node instanceof HTMLElement)) return;
    for (const item of [node, ...Array.from(node.querySelectorAll<HTMLElement>('[placeholder], [title]'))]) {
      for (const attribute of ['placeholder', 'title']) {
        const value = item.getAttribute(attribute);
        if (value && paletteText(value) !== value) item.setAttribute(attribute, paletteText(value));
      }
    }
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) apply(text);
  };
  apply(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'childList') record.addedNodes.forEach(apply);
      else apply(record.target);
    }
  });
  observer.observe(root, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['placeholder', 'title'],
  });
  return observer;
}
