import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Electronic signatures (电子签名, GM/T 0003 SM2): each leader's server-held key pair (the private
 * key sealed with SM4 under the configured data key, created at first signing) and each 签发's
 * signature over the signed version's SM3 digest, the opinion, the signer and the time.
 * Append-only: a signature is never updated; verification recomputes it at every read.
 */
export class Signatures1796000000020 implements MigrationInterface {
  name = 'Signatures1796000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS signing_key (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      username VARCHAR(32) NOT NULL,
      algorithm VARCHAR(16) NOT NULL,
      public_key VARCHAR(130) NOT NULL,
      private_key TEXT NOT NULL,
      created_at BIGINT NOT NULL
    )`);
    await q.query('CREATE UNIQUE INDEX IF NOT EXISTS uq_signing_key_username ON signing_key (username)');
    await q.query(`CREATE TABLE IF NOT EXISTS document_signature (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      document_id VARCHAR(26) NOT NULL,
      instance_id VARCHAR(26) NOT NULL,
      opinion_id VARCHAR(26) NOT NULL,
      signer VARCHAR(32) NOT NULL,
      on_behalf_of VARCHAR(32),
      signed_at BIGINT NOT NULL,
      version_digest CHAR(64) NOT NULL,
      algorithm VARCHAR(16) NOT NULL,
      key_id VARCHAR(64) NOT NULL,
      signature TEXT NOT NULL
    )`);
    await q.query('CREATE INDEX IF NOT EXISTS ix_document_signature_document ON document_signature (document_id, signed_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS document_signature');
    await q.query('DROP TABLE IF EXISTS signing_key');
  }
}
