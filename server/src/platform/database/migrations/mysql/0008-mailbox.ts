import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 领导信箱: letters (found by the digest of their query code) and their extensions. */
export class Mailbox1796000000008 implements MigrationInterface {
  name = 'Mailbox1796000000008';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
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
      time_limit_workdays INT NOT NULL,
      reply TEXT NULL,
      replied_by VARCHAR(32) NULL,
      replied_at DATETIME(3) NULL,
      published_reply TEXT NULL,
      published_at DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_letter_code (query_code_digest),
      UNIQUE KEY uq_letter_instance (instance_id),
      KEY ix_letter_ip (ip_digest, created_at),
      KEY ix_letter_created (created_at)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS letter_extension (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      letter_id VARCHAR(26) NOT NULL,
      workdays INT NOT NULL,
      reason VARCHAR(500) NOT NULL,
      requested_by VARCHAR(32) NOT NULL,
      due_at DATETIME(3) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY ix_letter_extension_letter (letter_id, created_at),
      CONSTRAINT fk_letter_extension_letter FOREIGN KEY (letter_id) REFERENCES letter (id)
    ) ${opts}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS letter_extension');
    await q.query('DROP TABLE IF EXISTS letter');
  }
}
