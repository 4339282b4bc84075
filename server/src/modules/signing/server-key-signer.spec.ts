import type { EntityManager } from 'typeorm';
import { KeyStore } from '../../platform/crypto/key-store';
import { sm2Sign, sm2Verify, sm2KeyPair } from '../../platform/crypto/sm2';
import type { Tx } from '../../platform/database/transaction-runner';
import type { AuditTrail } from '../audit/audit.api';
import { ServerKeySigner } from './server-key-signer';
import type { SigningKeyRepository, SigningKeyRow } from './signing-key.repository';

/** The key table in memory (the e2e suites use the real one). */
function memoryKeys(): SigningKeyRepository & { rows: SigningKeyRow[] } {
  const rows: SigningKeyRow[] = [];
  return {
    rows,
    ofUser: async (u: string) => rows.find((r) => r.username === u) ?? null,
    byId: async (id: string) => rows.find((r) => r.id === id) ?? null,
    insert: async (row: SigningKeyRow) => void rows.push({ ...row }),
    reseal: async (id: string, sealed: string) => void Object.assign(rows.find((r) => r.id === id) ?? {}, { privateKey: sealed }),
  } as unknown as SigningKeyRepository & { rows: SigningKeyRow[] };
}

const flip = (hex: string, at: number) => hex.slice(0, at) + (hex[at] === '0' ? '1' : '0') + hex.slice(at + 1);

describe('SM2 (GM/T 0003.2) signatures', () => {
  it('should verify its own signature and refuse another message, another key or a changed byte', () => {
    const key = sm2KeyPair();
    const signature = sm2Sign('签发：同意', key);
    expect(sm2Verify('签发：同意', signature, key.publicKey)).toBe(true);
    expect(sm2Verify('签发：不同意', signature, key.publicKey)).toBe(false);
    expect(sm2Verify('签发：同意', signature, sm2KeyPair().publicKey)).toBe(false);
    expect(sm2Verify('签发：同意', flip(signature, signature.length - 4), key.publicKey)).toBe(false);
    expect(sm2Verify('签发：同意', 'not hex', key.publicKey)).toBe(false);
  });
});

describe('ServerKeySigner', () => {
  const tx = { manager: {} as EntityManager } as Tx;
  let keys: ReturnType<typeof memoryKeys>;
  let record: jest.Mock;
  let signer: ServerKeySigner;
  const store = KeyStore.fromSpecs('k1:00112233445566778899aabbccddeeff');

  beforeEach(() => {
    keys = memoryKeys();
    record = jest.fn();
    signer = new ServerKeySigner(store, keys, { record } as unknown as AuditTrail);
  });

  it("should create the leader's key pair at the first signing, sealed, and record it once", async () => {
    // given a leader who never signed
    // when they sign twice
    const first = await signer.sign(tx, 'mayor', 'm1');
    const second = await signer.sign(tx, 'mayor', 'm2');
    // then one key pair signs both, its private key is stored sealed under the data key, and its creation is recorded
    expect(keys.rows).toHaveLength(1);
    expect(first.keyId).toBe(second.keyId);
    expect(first.algorithm).toBe('SM2-SM3');
    expect(keys.rows[0].privateKey).toMatch(/^k1:/);
    expect(keys.rows[0].privateKey).not.toContain(keys.rows[0].publicKey.slice(2, 20));
    expect(record).toHaveBeenCalledTimes(1);
    expect(record.mock.calls[0][2]).toMatchObject({ type: 'signing.key.create', targetId: 'mayor' });
    expect(JSON.stringify(record.mock.calls[0][2])).not.toContain(store.decrypt(keys.rows[0].privateKey, 'signing-key/mayor'));
  });

  it('should verify a signature, and not after a byte of it or of the message changed', async () => {
    const value = await signer.sign(tx, 'mayor', 'message');
    expect(await signer.verify('message', value)).toBe(true);
    expect(await signer.verify('messagf', value)).toBe(false);
    expect(await signer.verify('message', { ...value, signature: flip(value.signature, 10) })).toBe(false);
    expect(await signer.verify('message', { ...value, keyId: 'unknown' })).toBe(false);
    expect(await signer.verify('message', { ...value, algorithm: 'RSA' })).toBe(false);
    expect(await signer.holderOf(value.keyId)).toBe('mayor');
  });

  it("should not open one leader's sealed key as another's", async () => {
    await signer.sign(tx, 'mayor', 'm');
    const sealed = keys.rows[0].privateKey;
    expect(() => store.decrypt(sealed, 'signing-key/deputy')).toThrow();
  });

  it('should re-seal the private key under the current data key after a rotation, keeping the pair', async () => {
    const value = await signer.sign(tx, 'mayor', 'm');
    const rotated = KeyStore.fromSpecs('k2:ffeeddccbbaa99887766554433221100', ['k1:00112233445566778899aabbccddeeff']);
    const after = new ServerKeySigner(rotated, keys, { record } as unknown as AuditTrail);
    const again = await after.sign(tx, 'mayor', 'm');
    expect(again.keyId).toBe(value.keyId);
    expect(keys.rows[0].privateKey).toMatch(/^k2:/);
    expect(await after.verify('m', value)).toBe(true);
  });
});
