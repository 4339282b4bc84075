import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chain anchors of the audit trail (归档锚点): each archive of old events leaves one row holding
 * the last archived event's `seq` and `hash` (the remaining chain is verified from there) and the
 * SM3 digest and store key of the archive file. Append-only like `audit_event`: the unique
 * `archived_from_seq` makes a second archive of the same events fail instead of anchoring twice.
 */
export class AuditAnchor1796000000019 implements MigrationInterface {
  name = 'AuditAnchor1796000000019';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS audit_anchor (
      id VARCHAR(26) CHARACTER SET ascii COLLATE ascii_bin NOT NULL PRIMARY KEY,
      seq BIGINT NOT NULL,
      hash CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      at BIGINT NOT NULL,
      archived_from_seq BIGINT NOT NULL,
      archived_count INT NOT NULL,
      archived_before BIGINT NOT NULL,
      file_digest CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      file_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      file_name VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      file_size BIGINT NOT NULL,
      created_by VARCHAR(128) NOT NULL,
      created_at BIGINT NOT NULL,
      UNIQUE KEY uq_audit_anchor_seq (seq),
      UNIQUE KEY uq_audit_anchor_from (archived_from_seq)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS audit_anchor');
  }
}
