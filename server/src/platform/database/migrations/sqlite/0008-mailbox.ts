import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 领导信箱: letters (found by the digest of their query code) and their extensions. */
export class Mailbox1796000000008 implements MigrationInterface {
  name = 'Mailbox1796000000008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS letter (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      query_code_digest VARCHAR(64) NOT NULL,
      instance_id VARCHAR(26) NOT NULL,
      category VARCHAR(16) NOT NULL,
      subject VARCHAR(100) NOT NULL,
      content TEXT NOT NULL,
      writer_name VARCHAR(50) NOT NULL,
      phone VARCHAR(20) NOT NULL,
      id_number VARCHAR(18) NULL,
      address VARCHAR(200) NULL,
      email VARCHAR(100) NULL,
      ip_digest VARCHAR(64) NOT NULL,
      time_limit_workdays INTEGER NOT NULL,
      reply TEXT NULL,
      replied_by VARCHAR(32) NULL,
      replied_at DATETIME NULL,
      published_reply TEXT NULL,
      published_at DATETIME NULL,
      created_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS uq_letter_code ON letter (query_code_digest)`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS uq_letter_instance ON letter (instance_id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_letter_ip ON letter (ip_digest, created_at)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_letter_created ON letter (created_at)`);
    await q.query(`CREATE TABLE IF NOT EXISTS letter_extension (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      letter_id VARCHAR(26) NOT NULL REFERENCES letter (id),
      workdays INTEGER NOT NULL,
      reason VARCHAR(500) NOT NULL,
      requested_by VARCHAR(32) NOT NULL,
      due_at DATETIME NOT NULL,
      created_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_letter_extension_letter ON letter_extension (letter_id, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS letter_extension');
    await q.query('DROP TABLE IF EXISTS letter');
  }
}
