import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approval operations: who a task belongs to (委派 owner, 代理 on behalf of), server-side signer
 * tasks (加签), which completion created a task (撤回); immutable opinions, proxies, copies (抄送),
 * urges (催办) and common phrases (常用语).
 */
export class Approvals1796000000005 implements MigrationInterface {
  name = 'Approvals1796000000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task ADD COLUMN owner VARCHAR(32) NULL`);
    await q.query(`ALTER TABLE task ADD COLUMN on_behalf_of VARCHAR(32) NULL`);
    await q.query(`ALTER TABLE task ADD COLUMN kind VARCHAR(12) NOT NULL DEFAULT 'user'`);
    await q.query(`ALTER TABLE task ADD COLUMN parent_task_id VARCHAR(26) NULL`);
    await q.query(`ALTER TABLE task ADD COLUMN source_task_id VARCHAR(26) NULL`);
    await q.query(`ALTER TABLE task ADD COLUMN signing TEXT NULL`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_task_source ON task (source_task_id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_task_parent ON task (parent_task_id)`);
    await q.query(`CREATE TABLE IF NOT EXISTS opinion (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      instance_id VARCHAR(26) NOT NULL,
      task_id VARCHAR(26) NULL,
      element_id VARCHAR(200) NULL,
      author VARCHAR(32) NOT NULL,
      on_behalf_of VARCHAR(32) NULL,
      kind VARCHAR(20) NOT NULL,
      text VARCHAR(2000) NOT NULL,
      approve BOOLEAN NULL,
      document_id VARCHAR(26) NULL,
      document_digest VARCHAR(64) NULL,
      created_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_opinion_instance ON opinion (instance_id, created_at)`);
    await q.query(`CREATE TABLE IF NOT EXISTS task_proxy (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      principal VARCHAR(32) NOT NULL,
      deputy VARCHAR(32) NOT NULL,
      valid_from DATETIME NOT NULL,
      valid_to DATETIME NOT NULL,
      definition_keys TEXT NULL,
      created_by VARCHAR(32) NOT NULL,
      created_at DATETIME NOT NULL,
      revoked_at DATETIME NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_task_proxy_principal ON task_proxy (principal, valid_to)`);
    await q.query(`CREATE TABLE IF NOT EXISTS cc_copy (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      instance_id VARCHAR(26) NOT NULL,
      task_id VARCHAR(26) NULL,
      recipient VARCHAR(32) NOT NULL,
      sender VARCHAR(32) NOT NULL,
      note VARCHAR(500) NULL,
      created_at DATETIME NOT NULL,
      read_at DATETIME NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_cc_recipient ON cc_copy (recipient, read_at)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_cc_instance ON cc_copy (instance_id)`);
    await q.query(`CREATE TABLE IF NOT EXISTS task_urge (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      instance_id VARCHAR(26) NOT NULL,
      task_id VARCHAR(26) NOT NULL,
      urged_by VARCHAR(32) NULL,
      message VARCHAR(500) NOT NULL,
      created_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_task_urge_task ON task_urge (task_id)`);
    await q.query(`CREATE TABLE IF NOT EXISTS phrase (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      text VARCHAR(500) NOT NULL,
      scope VARCHAR(16) NOT NULL,
      owner VARCHAR(32) NULL,
      created_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_phrase_owner ON phrase (owner)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['phrase', 'task_urge', 'cc_copy', 'task_proxy', 'opinion']) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query('DROP INDEX IF EXISTS ix_task_source');
    await q.query('DROP INDEX IF EXISTS ix_task_parent');
    for (const column of ['signing', 'source_task_id', 'parent_task_id', 'kind', 'on_behalf_of', 'owner'])
      await q.query(`ALTER TABLE task DROP COLUMN ${column}`);
  }
}
