import type { ExpressionDialect } from './expression.types';

export type DialectDecision = { ok: true; dialect: ExpressionDialect; body: string } | { ok: false; error: string };

const JUEL_WRAPPED = /^[$#]\{([\s\S]*)\}$/;

/**
 * Decides the dialect from the BPMN `language` attribute, else from the text itself.
 * No JavaScript, Groovy or XPath is ever evaluated from a model (ARCHITECTURE.md).
 */
export function decideDialect(source: string, language: string | undefined): DialectDecision {
  const text = source.trim();
  const lang = language?.trim().toLowerCase() ?? '';
  if (lang === '') return detectFromText(text);
  if (lang.includes('feel')) return { ok: true, dialect: 'feel', body: stripFeelPrefix(text) };
  if (lang.includes('juel') || lang.includes('/jsp') || lang.endsWith('/el')) {
    const wrapped = JUEL_WRAPPED.exec(text);
    if (!wrapped) return { ok: false, error: 'a JUEL expression must be wrapped in ${…}' };
    return { ok: true, dialect: 'juel', body: wrapped[1] };
  }
  return { ok: false, error: `unsupported expression language ${language?.trim()}` };
}

function detectFromText(text: string): DialectDecision {
  if (text.startsWith('${') || text.startsWith('#{')) {
    const wrapped = JUEL_WRAPPED.exec(text);
    if (!wrapped) return { ok: false, error: 'unterminated JUEL expression: missing closing }' };
    return { ok: true, dialect: 'juel', body: wrapped[1] };
  }
  return { ok: true, dialect: 'feel', body: stripFeelPrefix(text) };
}

// Zeebe marks FEEL with a leading '=' (`=amount > 1000`); feelin itself does not know it.
function stripFeelPrefix(text: string): string {
  return text.startsWith('=') ? text.slice(1).trim() : text;
}
