import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: `audit_event` (append-only, SM3-chained by `seq`; the primary key keeps the
 * rows in chain order) and `audit_chain_head`, the one row that holds the chain's tail; a unit
 * that appends locks it FOR UPDATE (modules/audit/audit-chain.ts). Codes and hashes are ASCII.
 */
export class AuditTrail1796000000014 implements MigrationInterface {
  name = 'AuditTrail1796000000014';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`CREATE TABLE IF NOT EXISTS audit_event (
      seq BIGINT NOT NULL PRIMARY KEY,
      id VARCHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      at BIGINT NOT NULL,
      actor VARCHAR(128) NOT NULL,
      roles VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      ip VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
      user_agent VARCHAR(255) NULL,
      event_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      target_type VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
      target_id VARCHAR(128) NULL,
      result VARCHAR(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      error_code VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NULL,
      details MEDIUMTEXT NOT NULL,
      hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      UNIQUE KEY uq_audit_event_id (id),
      KEY ix_audit_event_at (at),
      KEY ix_audit_event_actor (actor, at),
      KEY ix_audit_event_type (event_type, at),
      KEY ix_audit_event_target (target_type, target_id)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS audit_chain_head (
      id INT NOT NULL PRIMARY KEY,
      seq BIGINT NOT NULL,
      hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL
    ) ${opts}`);
    await q.query(`INSERT IGNORE INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS audit_chain_head');
    await q.query('DROP TABLE IF EXISTS audit_event');
  }
}
