import { getHashes, hash } from 'node:crypto';
import { smPortable } from './sm-portable';

/** OpenSSL 3 (Node 18+) has SM3 built in; the pure-JS digest is the fallback for builds without it. */
const NATIVE = getHashes().includes('sm3');

/**
 * SM3 digest (GB/T 32905) as lower-case hex; used for tokens, attachments and the audit chain.
 * `crypto.hash` is the one-shot form (Node 20.12+): no Hash object per digest, which is most of
 * the cost of hashing a short text (bench/RESULTS.md, session 8).
 */
export function sm3Hex(data: string | Uint8Array): string {
  return NATIVE ? hash('sm3', data, 'hex') : smPortable().sm3(data);
}

/** The pure-JS digest, for checking the native one against (tests). */
export const sm3HexPortable = (data: string | Uint8Array): string => smPortable().sm3(data);
