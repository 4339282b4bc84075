import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Official documents (公文): elements and versions, 收文登记, 发文字号 sequences, attachments, 传阅. */
export class Documents1796000000007 implements MigrationInterface {
  name = 'Documents1796000000007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS official_document (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      direction VARCHAR(10) NOT NULL,
      doc_type VARCHAR(8) NOT NULL,
      title VARCHAR(200) NOT NULL,
      title_pinyin VARCHAR(200) NOT NULL,
      title_initials VARCHAR(40) NOT NULL,
      secret_level VARCHAR(16) NOT NULL,
      secrecy_period VARCHAR(300) NULL,
      urgency VARCHAR(16) NOT NULL,
      issuer VARCHAR(200) NOT NULL,
      org_code VARCHAR(20) NULL,
      doc_number VARCHAR(60) NULL,
      signers TEXT NOT NULL,
      main_recipients TEXT NOT NULL,
      cc_recipients TEXT NOT NULL,
      written_date VARCHAR(10) NULL,
      note VARCHAR(500) NULL,
      disclosure VARCHAR(16) NOT NULL,
      disclosure_reason VARCHAR(500) NULL,
      attachment_notes TEXT NOT NULL,
      body TEXT NULL,
      instance_id VARCHAR(26) NULL,
      version INTEGER NOT NULL,
      digest VARCHAR(64) NOT NULL,
      created_by VARCHAR(32) NOT NULL,
      created_org_id VARCHAR(26) NOT NULL,
      created_at DATETIME NOT NULL,
      updated_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_document_instance ON official_document (instance_id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_document_creator ON official_document (created_by, created_at)`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS uq_document_number ON official_document (doc_number)`);
    await q.query(`CREATE TABLE IF NOT EXISTS document_version (
      document_id VARCHAR(26) NOT NULL,
      version INTEGER NOT NULL,
      digest VARCHAR(64) NOT NULL,
      content TEXT NOT NULL,
      changed_by VARCHAR(32) NOT NULL,
      changed_at DATETIME NOT NULL,
      PRIMARY KEY (document_id, version)
    )`);
    await q.query(`CREATE TABLE IF NOT EXISTS incoming_registration (
      document_id VARCHAR(26) NOT NULL PRIMARY KEY,
      reg_no VARCHAR(40) NOT NULL,
      source_org VARCHAR(200) NOT NULL,
      source_doc_number VARCHAR(60) NULL,
      signed_for_by VARCHAR(32) NOT NULL,
      signed_for_at DATETIME NOT NULL,
      channel VARCHAR(12) NOT NULL,
      handling_type VARCHAR(8) NOT NULL,
      copies INTEGER NOT NULL,
      time_limit_workdays INTEGER NULL,
      due_at DATETIME NULL,
      due_provisional INTEGER NOT NULL,
      calendar_version INTEGER NULL,
      lead_dept VARCHAR(26) NULL,
      assist_depts TEXT NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_incoming_reg_no ON incoming_registration (reg_no)`);
    await q.query(`CREATE TABLE IF NOT EXISTS doc_number_sequence (
      seq_key VARCHAR(64) NOT NULL,
      year INTEGER NOT NULL,
      last_seq INTEGER NOT NULL,
      PRIMARY KEY (seq_key, year)
    )`);
    await q.query(`CREATE TABLE IF NOT EXISTS doc_number (
      org_code VARCHAR(20) NOT NULL,
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      text VARCHAR(60) NOT NULL,
      document_id VARCHAR(26) NOT NULL,
      status VARCHAR(10) NOT NULL,
      allocated_by VARCHAR(32) NOT NULL,
      allocated_at DATETIME NOT NULL,
      voided_by VARCHAR(32) NULL,
      voided_at DATETIME NULL,
      void_reason VARCHAR(500) NULL,
      PRIMARY KEY (org_code, year, seq)
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_doc_number_document ON doc_number (document_id)`);
    await q.query(`CREATE TABLE IF NOT EXISTS document_attachment (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      document_id VARCHAR(26) NOT NULL,
      name VARCHAR(200) NOT NULL,
      content_type VARCHAR(100) NOT NULL,
      size INTEGER NOT NULL,
      sm3 VARCHAR(64) NOT NULL,
      storage_key VARCHAR(100) NOT NULL,
      uploaded_by VARCHAR(32) NOT NULL,
      uploaded_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_attachment_document ON document_attachment (document_id)`);
    await q.query(`CREATE TABLE IF NOT EXISTS circulation (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      document_id VARCHAR(26) NOT NULL,
      order_kind VARCHAR(12) NOT NULL,
      status VARCHAR(12) NOT NULL,
      created_by VARCHAR(32) NOT NULL,
      created_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_circulation_document ON circulation (document_id)`);
    await q.query(`CREATE TABLE IF NOT EXISTS circulation_reader (
      circulation_id VARCHAR(26) NOT NULL,
      username VARCHAR(32) NOT NULL,
      seq INTEGER NOT NULL,
      status VARCHAR(10) NOT NULL,
      read_at DATETIME NULL,
      note VARCHAR(500) NULL,
      skip_reason VARCHAR(500) NULL,
      PRIMARY KEY (circulation_id, username)
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_circulation_reader ON circulation_reader (username, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'circulation_reader',
      'circulation',
      'document_attachment',
      'doc_number',
      'doc_number_sequence',
      'incoming_registration',
      'document_version',
      'official_document',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
