import { createCipheriv, createDecipheriv, createHmac, getCiphers, randomBytes, timingSafeEqual } from 'node:crypto';
import { smPortable } from './sm-portable';

/**
 * SM4 (GB/T 32907) with authentication: SM4-CBC, then HMAC-SM3 over the IV and the cipher text
 * (encrypt-then-MAC). OpenSSL 3 provides SM4-CBC and SM3 but no SM4-GCM, so the authenticated mode
 * is built from these two; sm-crypto-v2 (sm-portable.ts, loaded only then) is the fallback for
 * builds of OpenSSL without SM4.
 *
 * Sealed form: iv (16) | cipher text (16·n, PKCS#7 padding) | tag (first 16 bytes of HMAC-SM3).
 */
const NATIVE = getCiphers().includes('sm4-cbc');
const BLOCK = 16;
const TAG = 16;

export interface Sm4Keys {
  /** the SM4 key, 16 bytes */
  enc: Buffer;
  /** the HMAC-SM3 key, any length (32 bytes as derived) */
  mac: Buffer;
}

export class Sm4AuthError extends Error {
  constructor() {
    super('SM4 cipher text failed authentication (wrong key or altered data)');
    this.name = 'Sm4AuthError';
  }
}

export function hmacSm3(key: Buffer, ...parts: (string | Buffer)[]): Buffer {
  const h = createHmac('sm3', key);
  for (const p of parts) h.update(p);
  return h.digest();
}

function cbcEncrypt(key: Buffer, iv: Buffer, plain: Buffer): Buffer {
  if (NATIVE) {
    const c = createCipheriv('sm4-cbc', key, iv);
    return Buffer.concat([c.update(plain), c.final()]);
  }
  return Buffer.from(
    smPortable().sm4.encrypt(new Uint8Array(plain), new Uint8Array(key), { mode: 'cbc', iv: new Uint8Array(iv), output: 'array' }),
  );
}

function cbcDecrypt(key: Buffer, iv: Buffer, cipher: Buffer): Buffer {
  if (NATIVE) {
    const d = createDecipheriv('sm4-cbc', key, iv);
    return Buffer.concat([d.update(cipher), d.final()]);
  }
  return Buffer.from(
    smPortable().sm4.decrypt(new Uint8Array(cipher), new Uint8Array(key), { mode: 'cbc', iv: new Uint8Array(iv), output: 'array' }),
  );
}

/** Encrypts and authenticates `plain`; `context` (e.g. the column) is bound into the tag, not stored. */
export function sm4Seal(keys: Sm4Keys, plain: Buffer, context = ''): Buffer {
  const iv = randomBytes(BLOCK);
  const cipher = cbcEncrypt(keys.enc, iv, plain);
  const tag = hmacSm3(keys.mac, context, '\0', iv, cipher).subarray(0, TAG);
  return Buffer.concat([iv, cipher, tag]);
}

/** Checks the tag first (constant time), then decrypts; throws Sm4AuthError on any mismatch. */
export function sm4Open(keys: Sm4Keys, sealed: Buffer, context = ''): Buffer {
  if (sealed.length < BLOCK * 2 + TAG || (sealed.length - TAG) % BLOCK !== 0) throw new Sm4AuthError();
  const iv = sealed.subarray(0, BLOCK);
  const cipher = sealed.subarray(BLOCK, sealed.length - TAG);
  const tag = sealed.subarray(sealed.length - TAG);
  const expected = hmacSm3(keys.mac, context, '\0', iv, cipher).subarray(0, TAG);
  if (!timingSafeEqual(tag, expected)) throw new Sm4AuthError();
  return cbcDecrypt(keys.enc, iv, cipher);
}

/** Whether this Node's OpenSSL does SM4 itself (else the pure-JS implementation is used). */
export const SM4_NATIVE = NATIVE;

/** The pure-JS SM4-CBC, for checking the native one against (tests). */
export const sm4CbcPortable = {
  encrypt: (key: Buffer, iv: Buffer, plain: Buffer): Buffer =>
    Buffer.from(
      smPortable().sm4.encrypt(new Uint8Array(plain), new Uint8Array(key), { mode: 'cbc', iv: new Uint8Array(iv), output: 'array' }),
    ),
  decrypt: (key: Buffer, iv: Buffer, cipher: Buffer): Buffer =>
    Buffer.from(
      smPortable().sm4.decrypt(new Uint8Array(cipher), new Uint8Array(key), { mode: 'cbc', iv: new Uint8Array(iv), output: 'array' }),
    ),
};
export const sm4CbcNative = { encrypt: cbcEncrypt, decrypt: cbcDecrypt };
