import { pinyin } from 'pinyin-pro';

/**
 * Search keys for a Chinese name: full pinyin without tones and the initials, with surname
 * readings (曾 zeng, 单 shan) and ü written as v, as people type it: 吕布 → lvbu / lb.
 */
export function pinyinKeys(name: string): { pinyin: string; initials: string } {
  const options = { toneType: 'none', type: 'array', surname: 'head', v: true } as const;
  const full = pinyin(name, options).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''));
  const initials = pinyin(name, { ...options, pattern: 'first' }).map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''));
  return { pinyin: full.join('').slice(0, 200), initials: initials.join('').slice(0, 40) };
}

/**
 * Escapes LIKE wildcards so that user input matches literally. The escape character is `!`
 * (used with `ESCAPE '!'`) because a backslash means different things in MySQL and SQLite literals.
 */
export function likeEscape(text: string): string {
  return text.replace(/[!%_]/g, (c) => `!${c}`);
}
