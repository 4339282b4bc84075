import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Task forms: form-js schemas as JSON text, one row per version of a key. */
export class Forms1796000000009 implements MigrationInterface {
  name = 'Forms1796000000009';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS form (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      form_key VARCHAR(200) NOT NULL,
      version INTEGER NOT NULL,
      schema_json TEXT NOT NULL,
      created_by VARCHAR(64) NOT NULL,
      created_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS uq_form_key_version ON form (form_key, version)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS form');
  }
}
