import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizationAndSignIn1796000000001 implements MigrationInterface {
  name = 'OrganizationAndSignIn1796000000001';

  async up(q: QueryRunner): Promise<void> {
    const opts = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
    await q.query(`CREATE TABLE org (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      parent_id VARCHAR(26) NULL,
      code VARCHAR(40) NOT NULL,
      name VARCHAR(100) NOT NULL,
      short_name VARCHAR(40) NULL,
      kind VARCHAR(16) NOT NULL,
      sort_order INT NOT NULL DEFAULT 0,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_org_code (code),
      KEY ix_org_parent (parent_id, sort_order)
    ) ${opts}`);
    await q.query(`CREATE TABLE app_user (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      username VARCHAR(32) NOT NULL,
      display_name VARCHAR(40) NOT NULL,
      pinyin VARCHAR(200) NOT NULL,
      initials VARCHAR(40) NOT NULL,
      org_id VARCHAR(26) NOT NULL,
      position VARCHAR(40) NULL,
      password_hash VARCHAR(255) NOT NULL,
      enabled TINYINT(1) NOT NULL DEFAULT 1,
      failed_logins INT NOT NULL DEFAULT 0,
      locked_until DATETIME(3) NULL,
      created_at DATETIME(3) NOT NULL,
      updated_at DATETIME(3) NOT NULL,
      UNIQUE KEY uq_user_username (username),
      KEY ix_user_org (org_id),
      KEY ix_user_pinyin (pinyin),
      KEY ix_user_initials (initials)
    ) ${opts}`);
    await q.query(`CREATE TABLE user_role (
      user_id VARCHAR(26) NOT NULL,
      role VARCHAR(32) NOT NULL,
      PRIMARY KEY (user_id, role),
      KEY ix_user_role_role (role)
    ) ${opts}`);
    await q.query(`CREATE TABLE user_group (
      code VARCHAR(64) NOT NULL PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      org_id VARCHAR(26) NULL
    ) ${opts}`);
    await q.query(`CREATE TABLE group_member (
      group_code VARCHAR(64) NOT NULL,
      user_id VARCHAR(26) NOT NULL,
      PRIMARY KEY (group_code, user_id),
      KEY ix_group_member_user (user_id)
    ) ${opts}`);
    await q.query(`CREATE TABLE session (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      token_hash VARCHAR(64) NOT NULL,
      user_id VARCHAR(26) NOT NULL,
      created_at DATETIME(3) NOT NULL,
      last_seen_at DATETIME(3) NOT NULL,
      expires_at DATETIME(3) NOT NULL,
      revoked_at DATETIME(3) NULL,
      ip VARCHAR(64) NULL,
      UNIQUE KEY uq_session_token (token_hash),
      KEY ix_session_user (user_id)
    ) ${opts}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['session', 'group_member', 'user_group', 'user_role', 'app_user', 'org']) await q.query(`DROP TABLE ${t}`);
  }
}
