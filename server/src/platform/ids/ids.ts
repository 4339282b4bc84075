import { randomFillSync } from 'node:crypto';

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // Crockford base32, lower case

/** Random bytes drawn from the OS 4 KB at a time: one system call per 256 ids, not one per id. */
const pool = Buffer.alloc(4096);
let used = pool.length;

function random16(): Buffer {
  if (used + 16 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 16;
  return pool.subarray(used - 16, used);
}

/**
 * Time-ordered 26-character ids (48-bit milliseconds + 80 random bits, like ULID):
 * they index well in MySQL B-trees and sort by creation time.
 */
export function newId(now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = random16();
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[bytes[i] % 32];
  return time + rand;
}

export const ID_PATTERN = /^[0-9a-hjkmnp-tv-z]{26}$/;
