import { randomInt } from 'node:crypto';
import { sm3Hex } from '../../../platform/crypto/sm3';

export const RECOVERY_CODE_COUNT = 10;

/** No 0/o, 1/l/i: read off paper without doubt. 10 characters of 31: about 49 bits each. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten one-time codes, `xxxxx-xxxxx`. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** A recovery code as typed: case, spaces and dashes do not matter. */
export function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}

/** What is stored: SM3 of the user's id and the normalized code (the clear code is shown once, never kept). */
export function recoveryCodeHash(userId: string, code: string): string {
  return sm3Hex(`${userId}:${normalizeRecoveryCode(code)}`);
}
