import { randomInt } from 'node:crypto';

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

const CLASSES = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];

/**
 * The one password rule (GB/T 22239 asks for complexity): at least {@link MIN_PASSWORD_LENGTH}
 * characters, three of the four classes (lower case, upper case, digit, symbol), and not
 * containing the username (case-insensitive). Every path that sets a password chosen by a
 * person checks it here; the Chinese text the client shows is PASSWORD_RULE_ZH in libs/contracts.
 * History and expiry, when they come, belong here too.
 */
export function meetsPasswordPolicy(password: string, username: string): boolean {
  if (password.length < MIN_PASSWORD_LENGTH) return false;
  if (CLASSES.filter((r) => r.test(password)).length < 3) return false;
  return !(username && password.toLowerCase().includes(username.toLowerCase()));
}

// no look-alikes (0/O, 1/l/I) in a password read off a screen and typed by hand
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const SYMBOLS = '#%+=@';

/**
 * A one-time password for a new account or a reset: 16 characters from a CSPRNG, all four
 * classes, so it meets {@link meetsPasswordPolicy} for any username of 2 characters or more.
 */
export function generatePassword(username: string): string {
  const pools = [LOWER, UPPER, DIGITS, SYMBOLS];
  const all = pools.join('');
  for (;;) {
    const chars = pools.map((p) => p[randomInt(p.length)]);
    while (chars.length < 16) chars.push(all[randomInt(all.length)]);
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j], chars[i]];
    }
    const password = chars.join('');
    if (meetsPasswordPolicy(password, username)) return password;
  }
}
