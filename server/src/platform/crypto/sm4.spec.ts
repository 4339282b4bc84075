import { randomBytes } from 'node:crypto';
import { sm4CbcNative, sm4CbcPortable, Sm4AuthError, sm4Open, sm4Seal } from './sm4';

describe('SM4 (GB/T 32907) with HMAC-SM3', () => {
  const keys = { enc: Buffer.from('0123456789abcdeffedcba9876543210', 'hex'), mac: randomBytes(32) };

  it('should encrypt the standard test vector of GB/T 32907 (appendix A.1)', () => {
    // given the standard's key and plain text (the same 16 bytes), one block, no padding in the comparison
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    // when: CBC with a zero IV over one block is ECB of that block
    const out = sm4CbcNative.encrypt(key, Buffer.alloc(16), key).subarray(0, 16);
    // then
    expect(out.toString('hex')).toBe('681edf34d206965e86b3e94f536e4246');
  });

  it('should agree with the pure-JS implementation both ways', () => {
    const iv = randomBytes(16);
    const plain = Buffer.from('13912345678 / 61090219880506123X', 'utf8');
    expect(sm4CbcPortable.encrypt(keys.enc, iv, plain)).toEqual(sm4CbcNative.encrypt(keys.enc, iv, plain));
    expect(sm4CbcPortable.decrypt(keys.enc, iv, sm4CbcNative.encrypt(keys.enc, iv, plain))).toEqual(plain);
  });

  it('should open what it sealed, with a fresh IV each time', () => {
    const plain = Buffer.from('13912345678');
    const a = sm4Seal(keys, plain, 'letter.phone');
    const b = sm4Seal(keys, plain, 'letter.phone');
    expect(a.equals(b)).toBe(false);
    expect(sm4Open(keys, a, 'letter.phone').toString()).toBe('13912345678');
  });

  it('should refuse altered cipher text, another context and another key', () => {
    const sealed = sm4Seal(keys, Buffer.from('13912345678'), 'letter.phone');
    const altered = Buffer.from(sealed);
    altered[20] ^= 1;
    expect(() => sm4Open(keys, altered, 'letter.phone')).toThrow(Sm4AuthError);
    expect(() => sm4Open(keys, sealed, 'user.phone')).toThrow(Sm4AuthError);
    expect(() => sm4Open({ ...keys, mac: randomBytes(32) }, sealed, 'letter.phone')).toThrow(Sm4AuthError);
    expect(() => sm4Open(keys, sealed.subarray(0, 20), 'letter.phone')).toThrow(Sm4AuthError);
  });
});
