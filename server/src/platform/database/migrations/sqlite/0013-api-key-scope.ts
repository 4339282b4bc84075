import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API keys get topics, an expiry and a last-use time; an external task's lock remembers the key
 * that took it. Keys issued before keep working for every topic (`["*"]`) and never expire until
 * the system admin revokes them (docs/security.md, "API keys", says how to replace them).
 */
export class ApiKeyScope1796000000013 implements MigrationInterface {
  name = 'ApiKeyScope1796000000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE api_key ADD COLUMN topics TEXT NOT NULL DEFAULT '["*"]'`);
    await q.query(`ALTER TABLE api_key ADD COLUMN expires_at DATETIME NULL`);
    await q.query(`ALTER TABLE api_key ADD COLUMN last_used_at DATETIME NULL`);
    await q.query(`ALTER TABLE external_task ADD COLUMN lock_key_id VARCHAR(26) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE external_task DROP COLUMN lock_key_id');
    await q.query('ALTER TABLE api_key DROP COLUMN last_used_at');
    await q.query('ALTER TABLE api_key DROP COLUMN expires_at');
    await q.query('ALTER TABLE api_key DROP COLUMN topics');
  }
}
