import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data at rest (SM4): the letter's phone and 身份证 number columns hold cipher text
 * (`<key id>:<base64>`) with a keyed blind index beside each; existing clear rows are sealed at
 * start by the mailbox (the key is configuration, not schema). Users get their contact data in
 * `user_contact`, sealed the same way. `letter_intake` is the per-address lock row the public
 * letter limit is counted under; `captcha` holds the public form's captchas (answer as a keyed digest).
 */
export class PersonalData1796000000012 implements MigrationInterface {
  name = 'PersonalData1796000000012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE letter RENAME COLUMN phone TO phone_cipher`);
    await q.query(`ALTER TABLE letter RENAME COLUMN id_number TO id_number_cipher`);
    await q.query(`ALTER TABLE letter ADD COLUMN phone_index VARCHAR(64) NULL`);
    await q.query(`ALTER TABLE letter ADD COLUMN id_number_index VARCHAR(64) NULL`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_letter_phone_index ON letter (phone_index)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_letter_id_number_index ON letter (id_number_index)`);
    await q.query(`CREATE TABLE IF NOT EXISTS letter_intake (
      ip_digest VARCHAR(64) NOT NULL PRIMARY KEY,
      last_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE TABLE IF NOT EXISTS captcha (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      answer_digest VARCHAR(64) NOT NULL,
      expires_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_captcha_expires ON captcha (expires_at)`);
    await q.query(`CREATE TABLE IF NOT EXISTS user_contact (
      user_id VARCHAR(26) NOT NULL PRIMARY KEY REFERENCES app_user (id),
      phone_cipher VARCHAR(160) NULL,
      phone_index VARCHAR(64) NULL,
      id_number_cipher VARCHAR(160) NULL,
      id_number_index VARCHAR(64) NULL,
      updated_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_user_contact_phone ON user_contact (phone_index)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_user_contact_id_number ON user_contact (id_number_index)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS user_contact');
    await q.query('DROP TABLE IF EXISTS captcha');
    await q.query('DROP TABLE IF EXISTS letter_intake');
    await q.query('DROP INDEX IF EXISTS ix_letter_id_number_index');
    await q.query('DROP INDEX IF EXISTS ix_letter_phone_index');
    await q.query('ALTER TABLE letter DROP COLUMN id_number_index');
    await q.query('ALTER TABLE letter DROP COLUMN phone_index');
    await q.query('ALTER TABLE letter RENAME COLUMN id_number_cipher TO id_number');
    await q.query('ALTER TABLE letter RENAME COLUMN phone_cipher TO phone');
  }
}
