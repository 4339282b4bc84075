import { createHash, getHashes } from 'node:crypto';
import { sm3 } from 'sm-crypto-v2';

/** OpenSSL 3 (Node 18+) has SM3 built in; the pure-JS digest is the fallback for builds without it. */
const NATIVE = getHashes().includes('sm3');

/** SM3 digest (GB/T 32905) as lower-case hex; used for tokens, attachments and the audit chain. */
export function sm3Hex(data: string | Uint8Array): string {
  return NATIVE ? createHash('sm3').update(data).digest('hex') : sm3(data);
}

/** The pure-JS digest, for checking the native one against (tests). */
export const sm3HexPortable = (data: string | Uint8Array): string => sm3(data);
