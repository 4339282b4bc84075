import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The process runtime: deployed definitions, instances with their engine state, the task and
 * candidate projection for inbox queries, append-only history, the job table (the outbox) and
 * event subscriptions for message/signal correlation.
 */
export class Runtime1796000000003 implements MigrationInterface {
  name = 'Runtime1796000000003';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    // MySQL DDL commits implicitly; IF NOT EXISTS lets a start that died half-way run this again
    await q.query(`CREATE TABLE IF NOT EXISTS deployment (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      xml MEDIUMTEXT NOT NULL,
      deployed_by VARCHAR(32) NOT NULL,
      deployed_at DATETIME(3) NOT NULL
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS process_definition (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      deployment_id VARCHAR(26) NOT NULL,
      process_key VARCHAR(200) NOT NULL,
      version INT NOT NULL,
      name VARCHAR(200) NULL,
      executable TINYINT(1) NOT NULL,
      compiled LONGTEXT NOT NULL,
      deployed_by VARCHAR(32) NOT NULL,
      deployed_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_definition_key_version (process_key, version)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS process_instance (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      definition_id VARCHAR(26) NOT NULL,
      definition_key VARCHAR(200) NOT NULL,
      definition_version INT NOT NULL,
      business_key VARCHAR(200) NULL,
      parent_id VARCHAR(26) NULL,
      parent_element_instance_id VARCHAR(26) NULL,
      initiator VARCHAR(32) NULL,
      initiator_org_id VARCHAR(26) NULL,
      status VARCHAR(12) NOT NULL,
      state LONGTEXT NOT NULL,
      version INT NOT NULL,
      history_seq INT NOT NULL,
      started_at DATETIME(3) NOT NULL,
      ended_at DATETIME(3) NULL,
      updated_at DATETIME(3) NOT NULL,
      KEY ix_instance_key_status (definition_key, status),
      KEY ix_instance_business_key (business_key),
      KEY ix_instance_parent (parent_id),
      KEY ix_instance_initiator (initiator, status)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS history_event (
      instance_id VARCHAR(26) NOT NULL,
      seq INT NOT NULL,
      type VARCHAR(40) NOT NULL,
      element_id VARCHAR(200) NULL,
      actor VARCHAR(32) NULL,
      at DATETIME(3) NOT NULL,
      details MEDIUMTEXT NOT NULL,
      PRIMARY KEY (instance_id, seq)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS task (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      instance_id VARCHAR(26) NOT NULL,
      definition_key VARCHAR(200) NOT NULL,
      element_id VARCHAR(200) NOT NULL,
      name VARCHAR(200) NULL,
      assignee VARCHAR(32) NULL,
      status VARCHAR(12) NOT NULL,
      form_key VARCHAR(200) NULL,
      due_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      opened_at DATETIME(3) NULL,
      completed_at DATETIME(3) NULL,
      completed_by VARCHAR(32) NULL,
      KEY ix_task_assignee (assignee, status, due_at),
      KEY ix_task_instance (instance_id, status)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS task_candidate (
      task_id VARCHAR(26) NOT NULL,
      kind VARCHAR(8) NOT NULL,
      value VARCHAR(64) NOT NULL,
      PRIMARY KEY (task_id, kind, value),
      KEY ix_task_candidate_value (value, kind)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS job (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      type VARCHAR(32) NOT NULL,
      instance_id VARCHAR(26) NULL,
      definition_id VARCHAR(26) NULL,
      element_id VARCHAR(200) NULL,
      ref VARCHAR(64) NULL,
      due_at DATETIME(3) NOT NULL,
      status VARCHAR(12) NOT NULL,
      attempts INT NOT NULL,
      last_error VARCHAR(2000) NULL,
      payload MEDIUMTEXT NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      KEY ix_job_status_due (status, due_at),
      KEY ix_job_instance (instance_id, status),
      KEY ix_job_ref (ref)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS event_subscription (
      id VARCHAR(64) NOT NULL PRIMARY KEY,
      kind VARCHAR(8) NOT NULL,
      name VARCHAR(200) NOT NULL,
      correlation_key VARCHAR(200) NULL,
      model_key TINYINT(1) NOT NULL,
      instance_id VARCHAR(26) NULL,
      definition_id VARCHAR(26) NULL,
      element_id VARCHAR(200) NULL,
      created_at DATETIME(3) NOT NULL,
      KEY ix_subscription_name (kind, name, correlation_key),
      KEY ix_subscription_instance (instance_id),
      KEY ix_subscription_definition (definition_id)
    ) ${opts}`);
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
