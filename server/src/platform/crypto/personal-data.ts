import type { KeyStore } from './key-store';

/**
 * Personal data at rest (个人信息保护法 art. 51): a phone or 身份证 number is stored as SM4 cipher
 * text with its key id, and beside it a keyed blind index of its normalized form for equality
 * look-ups; answers show it masked unless the reader needs it.
 */
export type PersonalKind = 'phone' | 'idNumber';

/** The form compared for equality: digits (and a leading +) of a phone; an upper-case X in an ID. */
export function normalizePersonal(kind: PersonalKind, value: string): string {
  return kind === 'phone' ? value.replace(/[^\d+]/g, '') : value.trim().toUpperCase();
}

/** 13912345678 → 139****5678; 0915-3212345 → 091*****2345; short numbers keep their last two. */
export function maskPhone(phone: string): string {
  const v = phone.trim();
  if (v.length >= 8) return `${v.slice(0, 3)}${'*'.repeat(v.length - 7)}${v.slice(-4)}`;
  return `${'*'.repeat(Math.max(v.length - 2, 1))}${v.slice(-2)}`;
}

/** 420102199001011234 → 4201**********1234 (the province and city stay, the birth date goes). */
export function maskIdNumber(id: string): string {
  const v = id.trim();
  return v.length >= 12 ? `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}` : '*'.repeat(v.length);
}

export const maskPersonal = (kind: PersonalKind, value: string): string => (kind === 'phone' ? maskPhone(value) : maskIdNumber(value));

/** `field` names where it is stored (e.g. `letter.phone`): cipher text of one field does not open as another. */
export function sealPersonal(keys: KeyStore, kind: PersonalKind, field: string, value: string): { cipher: string; index: string } {
  return { cipher: keys.encrypt(value, field), index: keys.blindIndex(kind, normalizePersonal(kind, value)) };
}

export function openPersonal(keys: KeyStore, field: string, cipher: string): string {
  return keys.decrypt(cipher, field);
}

/** The blind indexes a look-up of this value must match (one per configured key, for rows sealed before a rotation). */
export function personalIndexes(keys: KeyStore, kind: PersonalKind, value: string): string[] {
  return keys.blindIndexes(kind, normalizePersonal(kind, value));
}
