import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyStore } from './key-store';
import { maskIdNumber, maskPhone } from './personal-data';

describe('KeyStore', () => {
  const K1 = 'k1:00112233445566778899aabbccddeeff';
  const K2 = 'k2:ffeeddccbbaa99887766554433221100';

  it('should name its key in the cipher text and open text of a retired key after a rotation', () => {
    // given text sealed under k1
    const before = KeyStore.fromSpecs(K1).encrypt('13912345678', 'letter.phone');
    // when the current key is k2 and k1 is kept as an old key
    const rotated = KeyStore.fromSpecs(K2, [K1]);
    // then
    expect(before).toMatch(/^k1:[A-Za-z0-9+/]+=*$/);
    expect(rotated.decrypt(before, 'letter.phone')).toBe('13912345678');
    expect(rotated.isStale(before)).toBe(true);
    expect(rotated.encrypt('13912345678', 'letter.phone')).toMatch(/^k2:/);
    expect(() => KeyStore.fromSpecs(K2).decrypt(before, 'letter.phone')).toThrow(/no data key/);
  });

  it('should give a stable keyed blind index, different per key and per domain, and match old rows after a rotation', () => {
    const k1 = KeyStore.fromSpecs(K1);
    expect(k1.blindIndex('phone', '13912345678')).toBe(k1.blindIndex('phone', '13912345678'));
    expect(k1.blindIndex('phone', '13912345678')).toMatch(/^[0-9a-f]{64}$/);
    expect(k1.blindIndex('phone', '13912345678')).not.toBe(KeyStore.fromSpecs(K2).blindIndex('phone', '13912345678'));
    expect(k1.blindIndex('phone', '1')).not.toBe(k1.blindIndex('idNumber', '1'));
    expect(KeyStore.fromSpecs(K2, [K1]).blindIndexes('phone', '13912345678')).toContain(k1.blindIndex('phone', '13912345678'));
  });

  it('should create the embedded key file with 0600 once, and refuse a missing file in production mode', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lz-keys-'));
    try {
      const file = join(dir, 'keys', 'data.key');
      const config = { dataKeys: { current: null, file, old: [] }, database: { kind: 'sqlite' as const, file: ':memory:' } };
      const first = KeyStore.load(config);
      const content = readFileSync(file, 'utf8');
      const again = KeyStore.load(config);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8')).toBe(content);
      expect(again.decrypt(first.encrypt('x', 'c'), 'c')).toBe('x');
      expect(() =>
        KeyStore.load({
          dataKeys: { current: null, file: join(dir, 'none'), old: [] },
          database: { kind: 'mysql', url: 'mysql://x', pool: 2 },
        }),
      ).toThrow(/no such file/);
      writeFileSync(join(dir, 'bad'), 'k1:short\n');
      expect(() => KeyStore.load({ ...config, dataKeys: { current: null, file: join(dir, 'bad'), old: [] } })).toThrow(/32 hex digits/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should refuse one key id configured with two keys', () => {
    expect(() => KeyStore.fromSpecs(K1, ['k1:ffeeddccbbaa99887766554433221100'])).toThrow(/twice/);
  });
});

describe('masks', () => {
  it('should mask phones and 身份证 numbers as the answers show them', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('0915-3212345')).toBe('091*****2345');
    expect(maskIdNumber('420102199001011234')).toBe('4201**********1234');
  });
});
