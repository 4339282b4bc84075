import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in (身份鉴别, issue 16): the start of an account's failure window (the lockout counts
 * failures within it), when its password was last set (expiry), the previous password hashes
 * (none of the last 5 again) and the per-address failure counters (login_throttle).
 */
export class SignInHardening1796000000015 implements MigrationInterface {
  name = 'SignInHardening1796000000015';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`ALTER TABLE app_user ADD COLUMN login_window_start DATETIME(3) NULL, ADD COLUMN password_changed_at DATETIME(3) NULL`);
    await q.query(`CREATE TABLE password_history (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      user_id VARCHAR(26) NOT NULL,
      changed_at DATETIME(3) NOT NULL,
      password_hash VARCHAR(255) NOT NULL,
      KEY ix_password_history_user (user_id, changed_at)
    ) ${opts}`);
    await q.query(`CREATE TABLE login_throttle (
      address VARCHAR(64) NOT NULL,
      window_start BIGINT NOT NULL,
      failures INT NOT NULL,
      PRIMARY KEY (address, window_start)
    ) ${opts}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_throttle');
    await q.query('DROP TABLE password_history');
    await q.query('ALTER TABLE app_user DROP COLUMN password_changed_at, DROP COLUMN login_window_start');
  }
}
