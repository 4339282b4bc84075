import { processName } from '../features/inbox/inbox-rows';

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
