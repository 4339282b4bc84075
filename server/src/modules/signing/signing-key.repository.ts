import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** One row of `signing_key`: a user's SM2 key pair, the private key sealed (KeyStore, SM4). */
export interface SigningKeyRow {
  id: string;
  username: string;
  algorithm: string;
  publicKey: string;
  /** `<data key id>:<base64>` (KeyStore.encrypt), never the clear key */
  privateKey: string;
  createdAt: number;
}

const COLUMNS = 'id, username, algorithm, public_key AS publicKey, private_key AS privateKey, created_at AS createdAt';

/** The server-held signing keys (one per user). */
@Injectable()
export class SigningKeyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async ofUser(username: string, m: EntityManager = this.dataSource.manager): Promise<SigningKeyRow | null> {
    const rows: SigningKeyRow[] = await m.query(`SELECT ${COLUMNS} FROM signing_key WHERE username = ?`, [username]);
    return rows[0] ? normalize(rows[0]) : null;
  }

  async byId(id: string, m: EntityManager = this.dataSource.manager): Promise<SigningKeyRow | null> {
    const rows: SigningKeyRow[] = await m.query(`SELECT ${COLUMNS} FROM signing_key WHERE id = ?`, [id]);
    return rows[0] ? normalize(rows[0]) : null;
  }

  async insert(row: SigningKeyRow, m: EntityManager): Promise<void> {
    await m.query('INSERT INTO signing_key (id, username, algorithm, public_key, private_key, created_at) VALUES (?, ?, ?, ?, ?, ?)', [
      row.id,
      row.username,
      row.algorithm,
      row.publicKey,
      row.privateKey,
      row.createdAt,
    ]);
  }

  /** Re-seals the private key (under the current data key after a rotation); the key pair itself never changes. */
  async reseal(id: string, privateKey: string, m: EntityManager): Promise<void> {
    await m.query('UPDATE signing_key SET private_key = ? WHERE id = ?', [privateKey, id]);
  }
}

// BIGINT comes back as a string from the MySQL driver
function normalize(row: SigningKeyRow): SigningKeyRow {
  return { ...row, createdAt: Number(row.createdAt) };
}
