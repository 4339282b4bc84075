import { sm3 } from 'sm-crypto-v2';

/** SM3 digest (GB/T 32905) as lower-case hex; used for tokens, attachments and the audit chain. */
export function sm3Hex(data: string | Uint8Array): string {
  return sm3(data);
}
