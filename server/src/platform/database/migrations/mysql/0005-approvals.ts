import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Approval operations: who a task belongs to (委派 owner, 代理 on behalf of), server-side signer
 * tasks (加签), which completion created a task (撤回); immutable opinions, proxies, copies (抄送),
 * urges (催办) and common phrases (常用语).
 */
export class Approvals1796000000005 implements MigrationInterface {
  name = 'Approvals1796000000005';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`ALTER TABLE task
      ADD COLUMN owner VARCHAR(32) NULL,
      ADD COLUMN on_behalf_of VARCHAR(32) NULL,
      ADD COLUMN kind VARCHAR(12) NOT NULL DEFAULT 'user',
      ADD COLUMN parent_task_id VARCHAR(26) NULL,
      ADD COLUMN source_task_id VARCHAR(26) NULL,
      ADD COLUMN signing MEDIUMTEXT NULL,
      ADD KEY ix_task_source (source_task_id),
      ADD KEY ix_task_parent (parent_task_id)`);
    await q.query(`CREATE TABLE IF NOT EXISTS opinion (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      instance_id VARCHAR(26) NOT NULL,
      task_id VARCHAR(26) NULL,
      element_id VARCHAR(200) NULL,
      author VARCHAR(32) NOT NULL,
      on_behalf_of VARCHAR(32) NULL,
      kind VARCHAR(20) NOT NULL,
      text VARCHAR(2000) NOT NULL,
      approve TINYINT(1) NULL,
      document_id VARCHAR(26) NULL,
      document_digest VARCHAR(64) NULL,
      created_at DATETIME(3) NOT NULL,
      KEY ix_opinion_instance (instance_id, created_at)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS task_proxy (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      principal VARCHAR(32) NOT NULL,
      deputy VARCHAR(32) NOT NULL,
      valid_from DATETIME(3) NOT NULL,
      valid_to DATETIME(3) NOT NULL,
      definition_keys TEXT NULL,
      created_by VARCHAR(32) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      revoked_at DATETIME(3) NULL,
      KEY ix_task_proxy_principal (principal, valid_to)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS cc_copy (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      instance_id VARCHAR(26) NOT NULL,
      task_id VARCHAR(26) NULL,
      recipient VARCHAR(32) NOT NULL,
      sender VARCHAR(32) NOT NULL,
      note VARCHAR(500) NULL,
      created_at DATETIME(3) NOT NULL,
      read_at DATETIME(3) NULL,
      KEY ix_cc_recipient (recipient, read_at),
      KEY ix_cc_instance (instance_id)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS task_urge (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      instance_id VARCHAR(26) NOT NULL,
      task_id VARCHAR(26) NOT NULL,
      urged_by VARCHAR(32) NULL,
      message VARCHAR(500) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY ix_task_urge_task (task_id)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS phrase (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      text VARCHAR(500) NOT NULL,
      scope VARCHAR(16) NOT NULL,
      owner VARCHAR(32) NULL,
      created_at DATETIME(3) NOT NULL,
      KEY ix_phrase_owner (owner)
    ) ${opts}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['phrase', 'task_urge', 'cc_copy', 'task_proxy', 'opinion']) await q.query(`DROP TABLE IF EXISTS ${table}`);
    await q.query(`ALTER TABLE task DROP KEY ix_task_source, DROP KEY ix_task_parent, DROP COLUMN signing, DROP COLUMN source_task_id,
      DROP COLUMN parent_task_id, DROP COLUMN kind, DROP COLUMN on_behalf_of, DROP COLUMN owner`);
  }
}
