import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: `audit_event` (append-only, SM3-chained by `seq`) and `audit_chain_head`, the
 * one row that holds the chain's tail; a unit that appends locks it (modules/audit/audit-chain.ts).
 */
export class AuditTrail1796000000014 implements MigrationInterface {
  name = 'AuditTrail1796000000014';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS audit_event (
      seq BIGINT NOT NULL PRIMARY KEY,
      id VARCHAR(26) NOT NULL,
      at BIGINT NOT NULL,
      actor VARCHAR(128) NOT NULL,
      roles VARCHAR(255) NOT NULL,
      ip VARCHAR(64) NULL,
      user_agent VARCHAR(255) NULL,
      event_type VARCHAR(64) NOT NULL,
      target_type VARCHAR(64) NULL,
      target_id VARCHAR(128) NULL,
      result VARCHAR(16) NOT NULL,
      error_code VARCHAR(64) NULL,
      details TEXT NOT NULL,
      hash CHAR(64) NOT NULL
    )`);
    await q.query('CREATE UNIQUE INDEX IF NOT EXISTS uq_audit_event_id ON audit_event (id)');
    await q.query('CREATE INDEX IF NOT EXISTS ix_audit_event_at ON audit_event (at)');
    await q.query('CREATE INDEX IF NOT EXISTS ix_audit_event_actor ON audit_event (actor, at)');
    await q.query('CREATE INDEX IF NOT EXISTS ix_audit_event_type ON audit_event (event_type, at)');
    await q.query('CREATE INDEX IF NOT EXISTS ix_audit_event_target ON audit_event (target_type, target_id)');
    await q.query(`CREATE TABLE IF NOT EXISTS audit_chain_head (
      id INTEGER NOT NULL PRIMARY KEY,
      seq BIGINT NOT NULL,
      hash CHAR(64) NOT NULL
    )`);
    await q.query(`INSERT OR IGNORE INTO audit_chain_head (id, seq, hash) VALUES (1, 0, '${'0'.repeat(64)}')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS audit_chain_head');
    await q.query('DROP TABLE IF EXISTS audit_event');
  }
}
