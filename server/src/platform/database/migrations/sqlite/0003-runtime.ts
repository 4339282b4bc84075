import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The process runtime: deployed definitions, instances with their engine state, the task and
 * candidate projection for inbox queries, append-only history, the job table (the outbox) and
 * event subscriptions for message/signal correlation.
 */
export class Runtime1796000000003 implements MigrationInterface {
  name = 'Runtime1796000000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS deployment (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      xml TEXT NOT NULL,
      deployed_by VARCHAR(32) NOT NULL,
      deployed_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE TABLE IF NOT EXISTS process_definition (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      deployment_id VARCHAR(26) NOT NULL,
      process_key VARCHAR(200) NOT NULL,
      version INTEGER NOT NULL,
      name VARCHAR(200) NULL,
      executable BOOLEAN NOT NULL,
      compiled TEXT NOT NULL,
      deployed_by VARCHAR(32) NOT NULL,
      deployed_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS uq_definition_key_version ON process_definition (process_key, version)`);
    await q.query(`CREATE TABLE IF NOT EXISTS process_instance (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      definition_id VARCHAR(26) NOT NULL,
      definition_key VARCHAR(200) NOT NULL,
      definition_version INTEGER NOT NULL,
      business_key VARCHAR(200) NULL,
      parent_id VARCHAR(26) NULL,
      parent_element_instance_id VARCHAR(26) NULL,
      initiator VARCHAR(32) NULL,
      initiator_org_id VARCHAR(26) NULL,
      status VARCHAR(12) NOT NULL,
      state TEXT NOT NULL,
      version INTEGER NOT NULL,
      history_seq INTEGER NOT NULL,
      started_at DATETIME NOT NULL,
      ended_at DATETIME NULL,
      updated_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_instance_key_status ON process_instance (definition_key, status)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_instance_business_key ON process_instance (business_key)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_instance_parent ON process_instance (parent_id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_instance_initiator ON process_instance (initiator, status)`);
    await q.query(`CREATE TABLE IF NOT EXISTS history_event (
      instance_id VARCHAR(26) NOT NULL,
      seq INTEGER NOT NULL,
      type VARCHAR(40) NOT NULL,
      element_id VARCHAR(200) NULL,
      actor VARCHAR(32) NULL,
      at DATETIME NOT NULL,
      details TEXT NOT NULL,
      PRIMARY KEY (instance_id, seq)
    )`);
    await q.query(`CREATE TABLE IF NOT EXISTS task (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      instance_id VARCHAR(26) NOT NULL,
      definition_key VARCHAR(200) NOT NULL,
      element_id VARCHAR(200) NOT NULL,
      name VARCHAR(200) NULL,
      assignee VARCHAR(32) NULL,
      status VARCHAR(12) NOT NULL,
      form_key VARCHAR(200) NULL,
      due_at DATETIME NULL,
      created_at DATETIME NOT NULL,
      opened_at DATETIME NULL,
      completed_at DATETIME NULL,
      completed_by VARCHAR(32) NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_task_assignee ON task (assignee, status, due_at)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_task_instance ON task (instance_id, status)`);
    await q.query(`CREATE TABLE IF NOT EXISTS task_candidate (
      task_id VARCHAR(26) NOT NULL,
      kind VARCHAR(8) NOT NULL,
      value VARCHAR(64) NOT NULL,
      PRIMARY KEY (task_id, kind, value)
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_task_candidate_value ON task_candidate (value, kind)`);
    await q.query(`CREATE TABLE IF NOT EXISTS job (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      type VARCHAR(32) NOT NULL,
      instance_id VARCHAR(26) NULL,
      definition_id VARCHAR(26) NULL,
      element_id VARCHAR(200) NULL,
      ref VARCHAR(64) NULL,
      due_at DATETIME NOT NULL,
      status VARCHAR(12) NOT NULL,
      attempts INTEGER NOT NULL,
      last_error VARCHAR(2000) NULL,
      payload TEXT NOT NULL,
      created_at DATETIME NOT NULL,
      updated_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_job_status_due ON job (status, due_at)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_job_instance ON job (instance_id, status)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_job_ref ON job (ref)`);
    await q.query(`CREATE TABLE IF NOT EXISTS event_subscription (
      id VARCHAR(64) NOT NULL PRIMARY KEY,
      kind VARCHAR(8) NOT NULL,
      name VARCHAR(200) NOT NULL,
      correlation_key VARCHAR(200) NULL,
      model_key BOOLEAN NOT NULL,
      instance_id VARCHAR(26) NULL,
      definition_id VARCHAR(26) NULL,
      element_id VARCHAR(200) NULL,
      created_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_subscription_name ON event_subscription (kind, name, correlation_key)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_subscription_instance ON event_subscription (instance_id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_subscription_definition ON event_subscription (definition_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'event_subscription',
      'job',
      'task_candidate',
      'task',
      'history_event',
      'process_instance',
      'process_definition',
      'deployment',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
