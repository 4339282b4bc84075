import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { KeyStore } from '../../platform/crypto/key-store';
import { sm2KeyPair, sm2Sign, sm2Verify } from '../../platform/crypto/sm2';
import { ConcurrencyConflict, type Tx } from '../../platform/database/transaction-runner';
import { isDuplicateKey } from '../../platform/database/driver-error';
import { newId } from '../../platform/ids/ids';
import { AuditTrail } from '../audit/audit.api';
import type { SignatureValue, Signer } from './signer.port';
import { SigningKeyRepository, type SigningKeyRow } from './signing-key.repository';

export const SM2_SM3 = 'SM2-SM3';

/** What a sealed private key is bound to: a key sealed for one user does not open as another's. */
const sealContext = (username: string) => `signing-key/${username}`;

/**
 * The server-held driver of the {@link Signer} port: each user's SM2 key pair (GM/T 0003) lives in
 * `signing_key`, the private key sealed with SM4 under the configured data key (KeyStore) and
 * opened only for the moment of a signature. The pair is created at the user's first signing,
 * in that signing's unit of work, and the creation is in the audit trail.
 */
@Injectable()
export class ServerKeySigner implements Signer {
  constructor(
    private readonly keys: KeyStore,
    private readonly repository: SigningKeyRepository,
    private readonly trail: AuditTrail,
  ) {}

  async sign(tx: Tx, username: string, message: string): Promise<SignatureValue> {
    const row = (await this.repository.ofUser(username, tx.manager)) ?? (await this.create(tx, username));
    const privateKey = this.keys.decrypt(row.privateKey, sealContext(username));
    if (this.keys.isStale(row.privateKey))
      await this.repository.reseal(row.id, this.keys.encrypt(privateKey, sealContext(username)), tx.manager);
    return { algorithm: SM2_SM3, keyId: row.id, signature: sm2Sign(message, { privateKey, publicKey: row.publicKey }) };
  }

  async verify(message: string, value: SignatureValue, m?: EntityManager): Promise<boolean> {
    if (value.algorithm !== SM2_SM3) return false;
    const row = await this.repository.byId(value.keyId, m);
    return !!row && sm2Verify(message, value.signature, row.publicKey);
  }

  async holderOf(keyId: string, m?: EntityManager): Promise<string | null> {
    return (await this.repository.byId(keyId, m))?.username ?? null;
  }

  private async create(tx: Tx, username: string): Promise<SigningKeyRow> {
    const pair = sm2KeyPair();
    const row: SigningKeyRow = {
      id: newId(),
      username,
      algorithm: SM2_SM3,
      publicKey: pair.publicKey,
      privateKey: this.keys.encrypt(pair.privateKey, sealContext(username)),
      createdAt: Date.now(),
    };
    try {
      await this.repository.insert(row, tx.manager);
    } catch (error) {
      // the user's first two signings at once: the other unit created the key; this one runs again and uses it
      if (isDuplicateKey(error)) throw new ConcurrencyConflict(`signing key of ${username} created meanwhile`);
      throw error;
    }
    this.trail.record(
      tx,
      { actor: username, roles: [], ip: null, userAgent: null },
      {
        type: 'signing.key.create',
        targetType: 'user',
        targetId: username,
        details: { keyId: row.id, algorithm: SM2_SM3, keyHolder: 'server' },
      },
    );
    return row;
  }
}
