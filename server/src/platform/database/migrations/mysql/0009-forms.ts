import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Task forms: form-js schemas as JSON text (MEDIUMTEXT: up to 256 kB is accepted), one row per
 * version of a key. Keys are ASCII and case-sensitive (ascii_bin), as `oa:formKey` values are.
 */
export class Forms1796000000009 implements MigrationInterface {
  name = 'Forms1796000000009';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`CREATE TABLE IF NOT EXISTS form (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      form_key VARCHAR(200) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
      version INT NOT NULL,
      schema_json MEDIUMTEXT NOT NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_form_key_version (form_key, version)
    ) ${opts}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS form');
  }
}
