import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Official documents (公文): elements and versions, 收文登记, 发文字号 sequences, attachments, 传阅. */
export class Documents1796000000007 implements MigrationInterface {
  name = 'Documents1796000000007';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
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
      body MEDIUMTEXT NULL,
      instance_id VARCHAR(26) NULL,
      version INT NOT NULL,
      digest VARCHAR(64) NOT NULL,
      created_by VARCHAR(32) NOT NULL,
      created_org_id VARCHAR(26) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      KEY ix_document_instance (instance_id),
      KEY ix_document_creator (created_by, created_at),
      UNIQUE KEY uq_document_number (doc_number)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS document_version (
      document_id VARCHAR(26) NOT NULL,
      version INT NOT NULL,
      digest VARCHAR(64) NOT NULL,
      content MEDIUMTEXT NOT NULL,
      changed_by VARCHAR(32) NOT NULL,
      changed_at DATETIME(3) NOT NULL,
      PRIMARY KEY (document_id, version)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS incoming_registration (
      document_id VARCHAR(26) NOT NULL PRIMARY KEY,
      reg_no VARCHAR(40) NOT NULL,
      source_org VARCHAR(200) NOT NULL,
      source_doc_number VARCHAR(60) NULL,
      signed_for_by VARCHAR(32) NOT NULL,
      signed_for_at DATETIME(3) NOT NULL,
      channel VARCHAR(12) NOT NULL,
      handling_type VARCHAR(8) NOT NULL,
      copies INT NOT NULL,
      time_limit_workdays INT NULL,
      due_at DATETIME(3) NULL,
      due_provisional TINYINT NOT NULL,
      calendar_version INT NULL,
      lead_dept VARCHAR(26) NULL,
      assist_depts TEXT NOT NULL,
      KEY ix_incoming_reg_no (reg_no)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS doc_number_sequence (
      seq_key VARCHAR(64) NOT NULL,
      year INT NOT NULL,
      last_seq INT NOT NULL,
      PRIMARY KEY (seq_key, year)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS doc_number (
      org_code VARCHAR(20) NOT NULL,
      year INT NOT NULL,
      seq INT NOT NULL,
      text VARCHAR(60) NOT NULL,
      document_id VARCHAR(26) NOT NULL,
      status VARCHAR(10) NOT NULL,
      allocated_by VARCHAR(32) NOT NULL,
      allocated_at DATETIME(3) NOT NULL,
      voided_by VARCHAR(32) NULL,
      voided_at DATETIME(3) NULL,
      void_reason VARCHAR(500) NULL,
      PRIMARY KEY (org_code, year, seq),
      KEY ix_doc_number_document (document_id)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS document_attachment (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      document_id VARCHAR(26) NOT NULL,
      name VARCHAR(200) NOT NULL,
      content_type VARCHAR(100) NOT NULL,
      size BIGINT NOT NULL,
      sm3 VARCHAR(64) NOT NULL,
      storage_key VARCHAR(100) NOT NULL,
      uploaded_by VARCHAR(32) NOT NULL,
      uploaded_at DATETIME(3) NOT NULL,
      KEY ix_attachment_document (document_id)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS circulation (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      document_id VARCHAR(26) NOT NULL,
      order_kind VARCHAR(12) NOT NULL,
      status VARCHAR(12) NOT NULL,
      created_by VARCHAR(32) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY ix_circulation_document (document_id)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS circulation_reader (
      circulation_id VARCHAR(26) NOT NULL,
      username VARCHAR(32) NOT NULL,
      seq INT NOT NULL,
      status VARCHAR(10) NOT NULL,
      read_at DATETIME(3) NULL,
      note VARCHAR(500) NULL,
      skip_reason VARCHAR(500) NULL,
      PRIMARY KEY (circulation_id, username),
      KEY ix_circulation_reader (username, status)
    ) ${opts}`);
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
