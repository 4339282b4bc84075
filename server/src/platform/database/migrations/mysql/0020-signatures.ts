import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Electronic signatures (电子签名, GM/T 0003 SM2): each leader's server-held key pair (the private
 * key sealed with SM4 under the configured data key, created at first signing; the unique
 * username makes a second key for the same leader fail, and its unit retry) and each 签发's
 * signature over the signed version's SM3 digest, the opinion, the signer and the time.
 * Append-only: a signature is never updated; verification recomputes it at every read.
 */
export class Signatures1796000000020 implements MigrationInterface {
  name = 'Signatures1796000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS signing_key (
      id VARCHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
      username VARCHAR(32) NOT NULL,
      algorithm VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      public_key VARCHAR(130) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      private_key TEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      created_at BIGINT NOT NULL,
      UNIQUE KEY uq_signing_key_username (username)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
    await q.query(`CREATE TABLE IF NOT EXISTS document_signature (
      id VARCHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
      document_id VARCHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      instance_id VARCHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      opinion_id VARCHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      signer VARCHAR(32) NOT NULL,
      on_behalf_of VARCHAR(32) NULL,
      signed_at BIGINT NOT NULL,
      version_digest CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      algorithm VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      key_id VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      signature TEXT CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      KEY ix_document_signature_document (document_id, signed_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS document_signature');
    await q.query('DROP TABLE IF EXISTS signing_key');
  }
}
