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
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`ALTER TABLE letter
      CHANGE phone phone_cipher VARCHAR(160) NOT NULL,
      CHANGE id_number id_number_cipher VARCHAR(160) NULL,
      ADD COLUMN phone_index VARCHAR(64) NULL,
      ADD COLUMN id_number_index VARCHAR(64) NULL,
      ADD KEY ix_letter_phone_index (phone_index),
      ADD KEY ix_letter_id_number_index (id_number_index)`);
    await q.query(`CREATE TABLE IF NOT EXISTS letter_intake (
      ip_digest VARCHAR(64) NOT NULL PRIMARY KEY,
      last_at DATETIME(3) NOT NULL
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS captcha (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      answer_digest VARCHAR(64) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      KEY ix_captcha_expires (expires_at)
    ) ${opts}`);
    await q.query(`CREATE TABLE IF NOT EXISTS user_contact (
      user_id VARCHAR(26) NOT NULL PRIMARY KEY,
      phone_cipher VARCHAR(160) NULL,
      phone_index VARCHAR(64) NULL,
      id_number_cipher VARCHAR(160) NULL,
      id_number_index VARCHAR(64) NULL,
      updated_at DATETIME(3) NOT NULL,
      KEY ix_user_contact_phone (phone_index),
      KEY ix_user_contact_id_number (id_number_index),
      CONSTRAINT fk_user_contact_user FOREIGN KEY (user_id) REFERENCES app_user (id)
    ) ${opts}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS user_contact');
    await q.query('DROP TABLE IF EXISTS captcha');
    await q.query('DROP TABLE IF EXISTS letter_intake');
    await q.query(`ALTER TABLE letter
      DROP KEY ix_letter_id_number_index,
      DROP KEY ix_letter_phone_index,
      DROP COLUMN id_number_index,
      DROP COLUMN phone_index,
      CHANGE id_number_cipher id_number VARCHAR(18) NULL,
      CHANGE phone_cipher phone VARCHAR(20) NOT NULL`);
  }
}
