import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 涉密等级 of users, the paper copy's custody of classified documents (份号, 保管人, 存放位置)
 * and the record of every 变更密级 with its reason.
 */
export class ClearanceAndClassification1796000000011 implements MigrationInterface {
  name = 'ClearanceAndClassification1796000000011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN clearance VARCHAR(12) NOT NULL DEFAULT 'none'`);
    await q.query(`ALTER TABLE official_document ADD COLUMN copy_number VARCHAR(6) NULL`);
    await q.query(`ALTER TABLE official_document ADD COLUMN custodian VARCHAR(40) NULL`);
    await q.query(`ALTER TABLE official_document ADD COLUMN storage_location VARCHAR(200) NULL`);
    await q.query(`CREATE TABLE IF NOT EXISTS document_classification_change (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      document_id VARCHAR(26) NOT NULL,
      from_level VARCHAR(16) NOT NULL,
      to_level VARCHAR(16) NOT NULL,
      reason VARCHAR(500) NOT NULL,
      changed_by VARCHAR(32) NOT NULL,
      changed_at DATETIME NOT NULL
    )`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS ix_classification_change_document ON document_classification_change (document_id, changed_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS document_classification_change');
    await q.query('ALTER TABLE official_document DROP COLUMN storage_location');
    await q.query('ALTER TABLE official_document DROP COLUMN custodian');
    await q.query('ALTER TABLE official_document DROP COLUMN copy_number');
    await q.query('ALTER TABLE app_user DROP COLUMN clearance');
  }
}
