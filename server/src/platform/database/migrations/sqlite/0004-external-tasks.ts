import type { MigrationInterface, QueryRunner } from 'typeorm';

/** External tasks (service tasks done by workers outside the server) and the workers' API keys. */
export class ExternalTasks1796000000004 implements MigrationInterface {
  name = 'ExternalTasks1796000000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS external_task (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      instance_id VARCHAR(26) NOT NULL,
      job_key VARCHAR(64) NOT NULL,
      topic VARCHAR(200) NOT NULL,
      element_id VARCHAR(200) NULL,
      variables TEXT NOT NULL,
      status VARCHAR(12) NOT NULL,
      retries INTEGER NULL,
      worker_id VARCHAR(100) NULL,
      lock_expires_at DATETIME NULL,
      error_message VARCHAR(2000) NULL,
      created_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_external_task_topic ON external_task (status, topic, lock_expires_at)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_external_task_instance ON external_task (instance_id, job_key)`);
    await q.query(`CREATE TABLE IF NOT EXISTS api_key (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      key_hash VARCHAR(64) NOT NULL,
      created_by VARCHAR(32) NOT NULL,
      created_at DATETIME NOT NULL,
      revoked_at DATETIME NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS uq_api_key_hash ON api_key (key_hash)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS api_key');
    await q.query('DROP TABLE IF EXISTS external_task');
  }
}
