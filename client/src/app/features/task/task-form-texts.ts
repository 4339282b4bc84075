/**
 * form-js writes its own texts in English (validation messages, select placeholders). The task
 * form shows them in Chinese: each English text maps to its Chinese one, with `{n}` for a number.
 */
const TEXTS: readonly [RegExp, string][] = [
  [/^Field is required\.$/, '此项为必填项。'],
  [/^Field must be a valid email\.$/, '请填写有效的电子邮箱。'],
  [/^Field must have minimum length of (\S+)\.$/, '至少填写 $1 个字。'],
  [/^Field must have maximum length of (\S+)\.$/, '最多填写 $1 个字。'],
  [/^Field must have minimum value of (\S+)\.$/, '不能小于 $1。'],
  [/^Field must have maximum value of (\S+)\.$/, '不能大于 $1。'],
  [/^Field must match pattern .*$/, '格式不正确。'],
  [/^Date and time must both be entered\.$/, '请同时填写日期和时间。'],
  [/^Select$/, '请选择'],
  [/^Search$/, '搜索'],
  [/^No results$/, '无匹配项'],
  [/^All values selected$/, '已全部选择'],
  [/^No files selected$/, '未选择文件'],
  [/^Value is expected to be an integer\.$/, '请填写整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, '最多保留 $1 位小数。'],
  // the viewer's hidden and assistive texts (a skip link read by screen readers, buttons' names)
  [/^Skip to search$/, '跳到搜索'],
  [/^Remove tag$/, '移除'],
  [/^Increment$/, '增加'],
  [/^Decrement$/, '减少'],
  [/^Previous page$/, '上一页'],
  [/^Next page$/, '下一页'],
  [/^Nothing to show\.$/, '暂无数据'],
  [/^Click to remove sorting$/, '点击取消排序'],
  [/^Browse$/, '浏览'],
  [/^Unable to download document$/, '无法下载文件'],
  [/^No options source defined in the form definition$/, '表单未定义选项来源'],
];

/** The attributes form-js writes English into: a field's hint, and the names of its buttons. */
const ATTRIBUTES = ['placeholder', 'aria-label', 'title'] as const;

/** The Chinese text of a form-js text; the text itself when it is not one of form-js's own. */
export function formText(text: string): string {
  const trimmed = text.trim();
  for (const [pattern, chinese] of TEXTS) if (pattern.test(trimmed)) return trimmed.replace(pattern, chinese);
  return text;
}

/** Puts every form-js text under `root` into Chinese now and whenever form-js renders again. */
export function translateFormTexts(root: HTMLElement): MutationObserver {
  const apply = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const next = formText(node.nodeValue ?? '');
      if (next !== node.nodeValue) node.nodeValue = next;
      return;
    }
    if (node instanceof HTMLElement) {
      for (const el of [node, ...Array.from(node.querySelectorAll<HTMLElement>(ATTRIBUTES.map((a) => `[${a}]`).join(',')))]) {
        for (const name of ATTRIBUTES) {
          const value = el.getAttribute(name);
          if (value && formText(value) !== value) el.setAttribute(name, formText(value));
        }
      }
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) apply(text);
    }
  };
  apply(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'characterData') apply(record.target);
      else if (record.type === 'attributes') apply(record.target);
      else record.addedNodes.forEach(apply);
    }
  });
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: [...ATTRIBUTES] });
  return observer;
}
