import { RE2JS } from 're2js';

/**
 * FEEL's regular-expression built-ins (`matches`, `replace`, `split`) on RE2 (re2js): matching
 * time is linear in the input, whatever the pattern. A pattern RE2 cannot run in linear time
 * (back-references, lookahead, lookbehind) is refused instead of being run by a backtracking engine.
 */

export const REGEX_LIMITS = {
  maxPatternLength: 1000,
} as const;

export type RegexCompileResult = { ok: true; regex: RE2JS } | { ok: false; error: string };

/** The error every refused pattern carries: deploy and runtime messages start with it. */
export const REGEX_REFUSED = 'regular expression not supported';

// Memoisation only: a compiled RE2JS is immutable and its matchers are created per call.
const CACHE_SIZE = 200;
const cache = new Map<string, RegexCompileResult>();

/** Compiles a FEEL/XPath pattern with its flags (`i`, `s`, `m`, `x`, `q`) into an RE2 program. */
export function compileFeelRegex(pattern: string, flags = ''): RegexCompileResult {
  const key = `${flags}/${pattern}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const result = compileUncached(pattern, flags);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, result);
  return result;
}

function compileUncached(pattern: string, flags: string): RegexCompileResult {
  if (pattern.length > REGEX_LIMITS.maxPatternLength) {
    return { ok: false, error: `${REGEX_REFUSED}: longer than ${REGEX_LIMITS.maxPatternLength} characters` };
  }
  const unknown = flags.replace(/[ismxq]/g, '');
  if (unknown) return { ok: false, error: `${REGEX_REFUSED}: unknown flags '${unknown}'` };
  let source = flags.includes('q') ? RE2JS.quote(pattern) : pattern;
  if (!flags.includes('q')) {
    if (flags.includes('x')) source = stripWhitespace(source);
    const unsafe = backtrackingOnly(source);
    if (unsafe) return { ok: false, error: `${REGEX_REFUSED}: ${unsafe} need a backtracking engine (no linear-time match)` };
    source = source.replace(
      /\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})/g,
      (_, braced: string, plain: string) => `\\x{${braced ?? plain}}`,
    );
  }
  let bits = 0;
  if (flags.includes('i')) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.includes('s')) bits |= RE2JS.DOTALL;
  if (flags.includes('m')) bits |= RE2JS.MULTILINE;
  try {
    return { ok: true, regex: RE2JS.compile(source, bits) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
    return { ok: false, error: `${REGEX_REFUSED}: ${reason}` };
  }
}

// Constructs only a backtracking engine runs; named so the refusal says what to change.
function backtrackingOnly(pattern: string): string | null {
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1] ?? '';
      if (!inClass && (/[1-9]/.test(next) || next === 'k')) return 'back-references';
      i++;
    } else if (inClass) {
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
      if (pattern[i + 1] === ']') i++;
    } else if (ch === '(' && /^\?(=|!|<=|<!)/.test(pattern.slice(i + 1, i + 5))) {
      return 'lookahead and lookbehind';
    }
  }
  return null;
}

// XPath's `x` flag: whitespace outside character classes is not part of the pattern.
function stripWhitespace(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
    } else if (inClass) {
      out += ch;
      if (ch === ']') inClass = false;
    } else if (!/\s/.test(ch)) {
      if (ch === '[') inClass = true;
      out += ch;
    }
  }
  return out;
}

/** `matches(input, pattern)`: true when the pattern matches somewhere in the input (XPath fn:matches). */
export function regexMatches(regex: RE2JS, input: string): boolean {
  return regex.test(input);
}

/** `replace(input, pattern, replacement)`: every match replaced; `$0`/`$&` is the match, `$1`… its groups. */
export function regexReplace(regex: RE2JS, input: string, replacement: string): string {
  return regex.matcher(input).replaceAll(replacement.replace(/\$0/g, '$$&'), false);
}

/**
 * `split(string, delimiter)` with the results JavaScript's String.prototype.split gives for the
 * same pattern (feelin's behaviour before RE2): captured groups are included, an empty match
 * at the start of a piece does not split.
 */
export function regexSplit(regex: RE2JS, input: string): Array<string | null> {
  if (input.length === 0) return regex.test(input) ? [] : [input];
  const matcher = regex.matcher(input);
  const out: Array<string | null> = [];
  let piece = 0;
  let from = 0;
  while (from < input.length && matcher.find(from)) {
    const start = matcher.start();
    const end = matcher.end();
    if (start >= input.length) break;
    if (end === piece) {
      // an empty match splits between characters, never at the start of a piece
      from = start + 1;
      continue;
    }
    out.push(input.slice(piece, start));
    for (let group = 1; group <= matcher.groupCount(); group++) out.push(matcher.group(group));
    piece = end;
    from = end === start ? end + 1 : end;
  }
  out.push(input.slice(piece));
  return out;
}
