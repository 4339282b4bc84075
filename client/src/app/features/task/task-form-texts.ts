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
];

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
      for (const el of [node, ...Array.from(node.querySelectorAll<HTMLElement>('[placeholder]'))]) {
        const placeholder = el.getAttribute('placeholder');
        if (placeholder && formText(placeholder) !== placeholder) el.setAttribute('placeholder', formText(placeholder));
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
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['placeholder'] });
  return observer;
}
