import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 三员分立: an account may have to change its password at the next sign-in (a new account's
 * initial password, a security admin's reset); a 代理 set for someone else keeps its reason.
 */
export class AdminSeparation1796000000010 implements MigrationInterface {
  name = 'AdminSeparation1796000000010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN must_change_password TINYINT(1) NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE task_proxy ADD COLUMN reason VARCHAR(500) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE task_proxy DROP COLUMN reason`);
    await q.query(`ALTER TABLE app_user DROP COLUMN must_change_password`);
  }
}
