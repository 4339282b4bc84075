import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in (身份鉴别, issue 16): the start of an account's failure window (the lockout counts
 * failures within it), when its password was last set (expiry), the previous password hashes
 * (none of the last 5 again) and the per-address failure counters (login_throttle).
 */
export class SignInHardening1796000000015 implements MigrationInterface {
  name = 'SignInHardening1796000000015';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN login_window_start DATETIME NULL`);
    await q.query(`ALTER TABLE app_user ADD COLUMN password_changed_at DATETIME NULL`);
    await q.query(`CREATE TABLE IF NOT EXISTS password_history (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      user_id VARCHAR(26) NOT NULL,
      changed_at DATETIME NOT NULL,
      password_hash VARCHAR(255) NOT NULL
    )`);
    await q.query('CREATE INDEX IF NOT EXISTS ix_password_history_user ON password_history (user_id, changed_at)');
    await q.query(`CREATE TABLE IF NOT EXISTS login_throttle (
      address VARCHAR(64) NOT NULL,
      window_start BIGINT NOT NULL,
      failures INTEGER NOT NULL,
      PRIMARY KEY (address, window_start)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS login_throttle');
    await q.query('DROP TABLE IF EXISTS password_history');
    await q.query('ALTER TABLE app_user DROP COLUMN password_changed_at');
    await q.query('ALTER TABLE app_user DROP COLUMN login_window_start');
  }
}
