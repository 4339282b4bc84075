/**
 * form-js's editor names its palette and its properties panel in English (its field registry's
 * `name`s and its own texts). The designer shows them in Chinese: the field names are set on the
 * registry's configs before the editor renders (so that the palette's search finds 文本框 too), and
 * the other texts — the palette's heading, group titles, search placeholder, the properties
 * panel's groups, labels, descriptions, hints and checks — are put into Chinese in the DOM.
 *
 * In the DOM because form-js 1.23 (the newest) offers no other way: its editor hands the
 * properties panel no `translate` function (a `translate` module override reaches only the few
 * texts of @bpmn-io/properties-panel itself, and form-js passes none of them through), and its
 * labels are literals in each entry. Only exact matches of the texts below change, so a user's own
 * label or key stays as typed; FEEL and template editors are never touched.
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

/** The properties panel's own texts: group titles, entry labels, descriptions, hints and checks. */
export const PANEL_TEXTS: Readonly<Record<string, string>> = {
  // the panel's state and header
  'Select a form field to edit its properties.': '选择一个表单字段以编辑其属性。',
  'Multiple form fields are selected. Select a single form field to edit its properties.': '选中了多个字段，请只选择一个字段编辑其属性。',
  Form: '表单',
  'Field label': '字段标签',
  'Group label': '分组标签',
  'Table label': '表格标签',
  Title: '标题',
  '<empty>': '<空>',
  '<none>': '<无>',
  // groups
  General: '常规',
  Condition: '显示条件',
  Validation: '校验',
  'Custom properties': '自定义属性',
  Appearance: '外观',
  Layout: '布局',
  Serialization: '序列化',
  Constraints: '约束',
  'Security attributes': '安全属性',
  'Headers source': '表头来源',
  'Header items': '表头项',
  'Options source': '选项来源',
  'Static options': '静态选项',
  'Dynamic options': '动态选项',
  'Options expression': '选项表达式',
  // entries
  Action: '操作',
  'Allow add/delete items': '允许增删条目',
  'Alternative text': '替代文本',
  Auto: '自动',
  Bottom: '底部',
  Center: '居中',
  Top: '顶部',
  Checked: '已勾选',
  'Not checked': '未勾选',
  Column: '列',
  Columns: '列宽',
  'Compute on': '计算时机',
  'Value changes': '值变化时',
  'Form submission': '提交表单时',
  Content: '内容',
  'Custom error message': '自定义错误提示',
  'Custom regular expression': '自定义正则表达式',
  Custom: '自定义',
  Email: '电子邮件',
  Phone: '电话',
  'Data source': '数据来源',
  'Date label': '日期标签',
  'Time label': '时间标签',
  'Decimal digits': '小数位数',
  'Default number of items': '默认条目数',
  'Default value': '默认值',
  'Disable collapse': '不可折叠',
  'Number of non-collapsing items': '不折叠的条目数',
  Disabled: '禁用',
  'Disallow past dates': '不允许过去的日期',
  'Document reference': '文档引用',
  Expression: '表达式',
  'Field description': '字段说明',
  Height: '高度',
  ID: '标识',
  'Image source': '图片来源',
  Increment: '步长',
  'Input values key': '输入值的键',
  Key: '键',
  Label: '标签',
  'List of items': '条目列表',
  'Max height of preview container': '预览区最大高度',
  Maximum: '最大值',
  Minimum: '最小值',
  'Maximum length': '最大长度',
  'Minimum length': '最小长度',
  'Number of rows per page': '每页行数',
  'Output as string': '输出为字符串',
  Pagination: '分页',
  Path: '路径',
  Prefix: '前缀',
  Suffix: '后缀',
  'Read only': '只读',
  Required: '必填',
  Reset: '重置',
  Submit: '提交',
  Searchable: '可搜索',
  'Show outline': '显示边框',
  Subtype: '子类型',
  'Supported file formats': '支持的文件格式',
  'Target value': '目标值',
  Text: '文本',
  'Time format': '时间格式',
  'Time interval': '时间间隔',
  Type: '类型',
  URL: '网址',
  'Upload multiple files': '允许上传多个文件',
  'Use 24h': '24 小时制',
  'Validation pattern': '校验规则',
  Value: '值',
  'Version tag': '版本标签',
  'Vertical alignment': '垂直对齐',
  // descriptions
  'Allows arbitrary precision values': '允许任意精度的数值',
  'Binds to a form variable': '绑定到一个表单变量',
  'Define an expression to calculate the value of this field': '用表达式计算此字段的值',
  'Define an expression to populate the options from.': '用表达式生成选项。',
  'Define which input property to populate the values from': '指定从哪个输入属性取选项',
  'Expression or static value (link/data URI)': '表达式或固定值（链接或 data URI）',
  'Height of the container in pixels.': '容器的高度（像素）。',
  'Specify an expression to populate column items': '用表达式生成列',
  'Specify the source from which to populate the table': '指定表格数据的来源',
  'Where the child variables of this component are pathed to.': '此组件的子变量所在的路径。',
  // the properties panel's own buttons and marks (titles)
  'Toggle section': '展开或收起',
  'Section contains edits': '此部分有修改',
  'Section contains an error': '此部分有错误',
  'Create new list item': '新建条目',
  Create: '新建',
  'Delete item': '删除条目',
  'Toggle list item': '展开或收起条目',
  'Open documentation': '打开文档',
  'Open pop-up editor': '在弹出窗口中编辑',
  'Opened in editor': '已在编辑器中打开',
  'FEEL expression is mandatory': '必须是 FEEL 表达式',
  'Unparsable FEEL expression.': '无法解析的 FEEL 表达式。',
  // checks of the entered values
  'A number is required.': '请填写数字。',
  'Must be unique.': '不能重复。',
  'Must not be empty.': '不能为空。',
  'Must not be empty': '不能为空',
  'Must not contain spaces.': '不能包含空格。',
  'Must be a valid QName.': '必须是合法的限定名。',
  'Must be a variable or a dot separated path.': '必须是变量名或以点分隔的路径。',
  'Must not contain numerical path segments.': '路径中不能有纯数字的段。',
  'Must not be a prohibited path.': '不能使用保留的路径。',
  'Must not cause two binding paths to collide': '不能与其他字段的绑定路径冲突',
  'Must be number': '必须是数字',
  'Should be a valid number.': '应为有效的数字。',
  'Should be a valid number': '应为有效的数字',
  'Should be an integer.': '应为整数。',
  'Should be greater than or equal to zero.': '应大于或等于零。',
  'Should be greater than zero.': '应大于零。',
  'Value must be a number.': '值必须是数字。',
  'The document data source is required.': '请填写文档的数据来源。',
  'For security reasons the URL must start with "https".': '出于安全考虑，网址必须以 "https" 开头。',
};

/** The parts of the editor translated here: the palette, the empty form's hint and the properties panel. */
const TRANSLATED = '.fjs-palette, .fjs-empty-editor, .fjs-properties-panel';

/** What a user typed (FEEL and template editors): never translated, whatever it says. */
const USER_TEXT = '.cm-editor, [contenteditable="true"]';

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

const paletteText = (text: string): string => {
  const key = text.trim();
  return PALETTE_TEXTS[key] ?? FIELD_NAMES[key] ?? PANEL_TEXTS[key] ?? text;
};

/**
 * Puts the editor's texts under `root` — the palette, the empty form's hint, the properties panel —
 * into Chinese now and whenever form-js renders them again.
 */
export function translateFormEditor(root: HTMLElement): MutationObserver {
  const apply = (node: Node) => {
    const el = node instanceof HTMLElement ? node : node.parentElement;
    if (el?.closest(USER_TEXT)) return;
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
