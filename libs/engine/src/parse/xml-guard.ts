// Hostile-input checks run on the raw text before any XML parser sees it: a DOCTYPE (XXE,
// billion laughs), oversized documents and deep nesting are refused outright.
import type { Diagnostic } from './diagnostic';

export const MAX_XML_BYTES = 5 * 1024 * 1024;
export const MAX_DEPTH = 50;

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// Returns the errors that make the document unreadable; empty when it may be parsed.
export function guardXml(xml: unknown): Diagnostic[] {
  if (typeof xml !== 'string') {
    return [{ severity: 'error', code: 'BPMN_NOT_XML', elementId: null, message: 'The definition is not a string.' }];
  }
  if (xml.length > MAX_XML_BYTES || utf8Length(xml) > MAX_XML_BYTES) {
    return [
      {
        severity: 'error',
        code: 'BPMN_TOO_LARGE',
        elementId: null,
        message: `The definition is larger than ${MAX_XML_BYTES} bytes.`,
      },
    ];
  }
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  if (!text.trimStart().startsWith('<')) {
    return [{ severity: 'error', code: 'BPMN_NOT_XML', elementId: null, message: 'The definition is not XML.' }];
  }
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    return [
      {
        severity: 'error',
        code: 'BPMN_DOCTYPE',
        elementId: null,
        message: 'A DOCTYPE or entity declaration is not allowed in a BPMN definition.',
      },
    ];
  }
  const depth = maxDepth(text);
  if (depth > MAX_DEPTH) {
    return [
      {
        severity: 'error',
        code: 'BPMN_TOO_DEEP',
        elementId: null,
        message: `Elements are nested deeper than ${MAX_DEPTH} levels.`,
      },
    ];
  }
  return [];
}

// Element nesting depth, skipping comments, CDATA and processing instructions.
function maxDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      i = end === -1 ? -1 : text.indexOf('<', end + 3);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      i = end === -1 ? -1 : text.indexOf('<', end + 3);
      continue;
    }
    const close = findTagEnd(text, i + 1);
    if (close === -1) break;
    const c = text.charCodeAt(i + 1);
    if (c === 0x2f /* / */) depth--;
    else if (c !== 0x3f /* ? */ && c !== 0x21 /* ! */ && text.charCodeAt(close - 1) !== 0x2f) {
      depth++;
      if (depth > max) max = depth;
      if (max > MAX_DEPTH) return max;
    }
    i = text.indexOf('<', close + 1);
  }
  return max;
}

// Index of the `>` closing a tag, skipping quoted attribute values.
function findTagEnd(text: string, from: number): number {
  let quote = 0;
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return j;
  }
  return -1;
}
