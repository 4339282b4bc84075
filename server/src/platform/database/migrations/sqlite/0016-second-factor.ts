import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The second factor at sign-in (docs/security.md): a user's factor (`kind` 'totp' today; an SM2
 * certificate later) with its secret sealed by the SM4 KeyStore, activated once a code proved it,
 * and the last time step a code was accepted for (a code is good once); and the ten one-time
 * recovery codes, stored as SM3 digests. Times are epoch milliseconds.
 */
export class SecondFactor1796000000016 implements MigrationInterface {
  name = 'SecondFactor1796000000016';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS user_second_factor (
      user_id VARCHAR(26) NOT NULL PRIMARY KEY REFERENCES app_user (id),
      kind VARCHAR(16) NOT NULL,
      secret_cipher VARCHAR(255) NOT NULL,
      created_at BIGINT NOT NULL,
      activated_at BIGINT NULL,
      last_used_step BIGINT NULL
    )`);
    await q.query(`CREATE TABLE IF NOT EXISTS user_recovery_code (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      user_id VARCHAR(26) NOT NULL REFERENCES app_user (id),
      code_hash VARCHAR(64) NOT NULL,
      used_at BIGINT NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_user_recovery_code_user ON user_recovery_code (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS user_recovery_code');
    await q.query('DROP TABLE IF EXISTS user_second_factor');
  }
}
