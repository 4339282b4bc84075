import { processName } from '../features/inbox/inbox-rows';

/**
 * The shipped groups (demo city) by their Chinese names, for a candidate group a task names by
 * code (office-leaders → 市政府办公室领导); an unknown code is shown as it is.
 */
export const GROUP_NAMES: Record<string, string> = {
  'city-leaders': '市政府领导',
  'office-clerks': '市政府办公室文书',
  'office-leaders': '市政府办公室领导',
  'dept-heads': '各部门负责人',
  'dept-clerks': '各部门文书',
};
export const groupName = (code: string): string => GROUP_NAMES[code] ?? code;

/**
 * The name of the process `key` in a deployed definition's BPMN XML (`<process id="key" name="…">`),
 * else the shipped processes' names, else the key.
 */
export function processNameOf(key: string, xml: string | null): string {
  const known = processName(key);
  if (known !== key || !xml) return known;
  try {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    for (const el of Array.from(doc.getElementsByTagNameNS('*', 'process'))) {
      const name = el.getAttribute('name')?.trim();
      if (el.getAttribute('id') === key && name) return name;
    }
  } catch {
    // not XML: the key
  }
  return key;
}
