import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Chain anchors of the audit trail (归档锚点): each archive of old events leaves one row holding
 * the last archived event's `seq` and `hash` and the SM3 digest and store key of the archive
 * file. Append-only like `audit_event`.
 */
export class AuditAnchor1796000000019 implements MigrationInterface {
  name = 'AuditAnchor1796000000019';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS audit_anchor (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      seq BIGINT NOT NULL,
      hash CHAR(64) NOT NULL,
      at BIGINT NOT NULL,
      archived_from_seq BIGINT NOT NULL,
      archived_count INTEGER NOT NULL,
      archived_before BIGINT NOT NULL,
      file_digest CHAR(64) NOT NULL,
      file_key VARCHAR(255) NOT NULL,
      file_name VARCHAR(255) NOT NULL,
      file_size BIGINT NOT NULL,
      created_by VARCHAR(128) NOT NULL,
      created_at BIGINT NOT NULL
    )`);
    await q.query('CREATE UNIQUE INDEX IF NOT EXISTS uq_audit_anchor_seq ON audit_anchor (seq)');
    await q.query('CREATE UNIQUE INDEX IF NOT EXISTS uq_audit_anchor_from ON audit_anchor (archived_from_seq)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS audit_anchor');
  }
}
