/** Tokens of the JUEL safe subset (Jakarta Expression Language 3.0, chapter 1). */
export type JuelToken =
  | { kind: 'number'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'ident'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number }
  | { kind: 'eof'; pos: number };

export class JuelSyntaxError extends Error {}

/** Keywords that are operators or literals, never variable names (EL spec 1.17). */
export const JUEL_KEYWORDS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'not',
  'eq',
  'ne',
  'lt',
  'gt',
  'le',
  'ge',
  'true',
  'false',
  'null',
  'instanceof',
  'empty',
  'div',
  'mod',
]);

const OPERATORS = [
  '==',
  '!=',
  '<=',
  '>=',
  '&&',
  '||',
  '+=',
  '->',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '?',
  ':',
  '.',
  '[',
  ']',
  '(',
  ')',
  ',',
  '=',
  ';',
  '{',
  '}',
];

// Operators lexed only so that the parser can name them in its error message.
const UNSUPPORTED: Record<string, string> = {
  '=': 'assignment is not supported',
  '+=': 'string concatenation with += is not supported',
  '->': 'lambda expressions are not supported',
  ';': 'multiple expressions separated by ; are not supported',
  '{': 'set and map literals are not supported',
  '}': 'unexpected }',
  ',': 'unexpected ,',
};

const IDENT_START = /[A-Za-z_$\u00C0-\uFFFF]/;
const IDENT_PART = /[A-Za-z0-9_$\u00C0-\uFFFF]/;

export function tokenizeJuel(text: string): JuelToken[] {
  const tokens: JuelToken[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9]/.test(ch) || (ch === '.' && /[0-9]/.test(text[i + 1] ?? ''))) {
      i = readNumber(text, i, tokens);
    } else if (ch === "'" || ch === '"') {
      i = readString(text, i, tokens);
    } else if (IDENT_START.test(ch)) {
      const start = i;
      while (i < text.length && IDENT_PART.test(text[i])) i++;
      tokens.push({ kind: 'ident', value: text.slice(start, i), pos: start });
    } else {
      const op = OPERATORS.find((candidate) => text.startsWith(candidate, i));
      if (!op) throw new JuelSyntaxError(`unexpected character '${ch}' at ${i}`);
      const problem = UNSUPPORTED[op];
      if (problem) throw new JuelSyntaxError(`${problem} (at ${i})`);
      tokens.push({ kind: 'op', value: op, pos: i });
      i += op.length;
    }
  }
  tokens.push({ kind: 'eof', pos: text.length });
  return tokens;
}

function readNumber(text: string, start: number, tokens: JuelToken[]): number {
  const match = /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/.exec(text.slice(start));
  const literal = match ? match[0] : '';
  const value = Number(literal);
  if (!Number.isFinite(value)) throw new JuelSyntaxError(`number out of range at ${start}`);
  tokens.push({ kind: 'number', value, pos: start });
  return start + literal.length;
}

function readString(text: string, start: number, tokens: JuelToken[]): number {
  const quote = text[start];
  let value = '';
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    // EL escapes only \\, \' and \" inside string literals
    if (text[i] === '\\' && (text[i + 1] === '\\' || text[i + 1] === "'" || text[i + 1] === '"')) {
      value += text[i + 1];
      i += 2;
    } else {
      value += text[i];
      i++;
    }
  }
  if (i >= text.length) throw new JuelSyntaxError(`unterminated string starting at ${start}`);
  tokens.push({ kind: 'string', value, pos: start });
  return i + 1;
}
