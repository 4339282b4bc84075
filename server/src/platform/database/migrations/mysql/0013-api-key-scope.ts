import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys get topics, an expiry and a last-use time; an external task's lock remembers the key
 * that took it. Keys issued before keep working for every topic (`["*"]`) and never expire until
 * the system admin revokes them (docs/security.md, "API keys", says how to replace them).
 */
export class ApiKeyScope1796000000013 implements MigrationInterface {
  name = 'ApiKeyScope1796000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE api_key ADD COLUMN topics TEXT NULL, ADD COLUMN expires_at DATETIME(3) NULL, ADD COLUMN last_used_at DATETIME(3) NULL`,
    );
    await q.query(`UPDATE api_key SET topics = '["*"]' WHERE topics IS NULL`);
    await q.query(`ALTER TABLE api_key MODIFY topics TEXT NOT NULL`);
    await q.query(`ALTER TABLE external_task ADD COLUMN lock_key_id VARCHAR(26) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE external_task DROP COLUMN lock_key_id');
    await q.query('ALTER TABLE api_key DROP COLUMN last_used_at, DROP COLUMN expires_at, DROP COLUMN topics');
  }
}
