import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizationAndSignIn1796000000001 implements MigrationInterface {
  name = 'OrganizationAndSignIn1796000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE org (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      parent_id VARCHAR(26) NULL,
      code VARCHAR(40) NOT NULL,
      name VARCHAR(100) NOT NULL,
      short_name VARCHAR(40) NULL,
      kind VARCHAR(16) NOT NULL,
      sort_order INTEGER NOT NULL DEFAULT 0,
      created_at DATETIME NOT NULL,
      updated_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_org_code ON org (code)`);
    await q.query(`CREATE INDEX ix_org_parent ON org (parent_id, sort_order)`);
    await q.query(`CREATE TABLE app_user (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      username VARCHAR(32) NOT NULL,
      display_name VARCHAR(40) NOT NULL,
      pinyin VARCHAR(200) NOT NULL,
      initials VARCHAR(40) NOT NULL,
      org_id VARCHAR(26) NOT NULL,
      position VARCHAR(40) NULL,
      password_hash VARCHAR(255) NOT NULL,
      enabled BOOLEAN NOT NULL DEFAULT 1,
      failed_logins INTEGER NOT NULL DEFAULT 0,
      locked_until DATETIME NULL,
      created_at DATETIME NOT NULL,
      updated_at DATETIME NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_user_username ON app_user (username)`);
    await q.query(`CREATE INDEX ix_user_org ON app_user (org_id)`);
    await q.query(`CREATE INDEX ix_user_pinyin ON app_user (pinyin)`);
    await q.query(`CREATE INDEX ix_user_initials ON app_user (initials)`);
    await q.query(`CREATE TABLE user_role (
      user_id VARCHAR(26) NOT NULL,
      role VARCHAR(32) NOT NULL,
      PRIMARY KEY (user_id, role)
    )`);
    await q.query(`CREATE INDEX ix_user_role_role ON user_role (role)`);
    await q.query(`CREATE TABLE user_group (
      code VARCHAR(64) NOT NULL PRIMARY KEY,
      name VARCHAR(100) NOT NULL,
      org_id VARCHAR(26) NULL
    )`);
    await q.query(`CREATE TABLE group_member (
      group_code VARCHAR(64) NOT NULL,
      user_id VARCHAR(26) NOT NULL,
      PRIMARY KEY (group_code, user_id)
    )`);
    await q.query(`CREATE INDEX ix_group_member_user ON group_member (user_id)`);
    await q.query(`CREATE TABLE session (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      token_hash VARCHAR(64) NOT NULL,
      user_id VARCHAR(26) NOT NULL,
      created_at DATETIME NOT NULL,
      last_seen_at DATETIME NOT NULL,
      expires_at DATETIME NOT NULL,
      revoked_at DATETIME NULL,
      ip VARCHAR(64) NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX uq_session_token ON session (token_hash)`);
    await q.query(`CREATE INDEX ix_session_user ON session (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['session', 'group_member', 'user_group', 'user_role', 'app_user', 'org']) await q.query(`DROP TABLE ${t}`);
  }
}
