import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The business record is chained with SM3 like the audit trail: each history event, opinion and
 * document version carries the hash of its link (SM3 of the previous link's hash of the same
 * instance or document ‖ the row's canonical form), and the instance and document rows keep the
 * last link's hash, so a writer chains in memory under the lock it already holds. Rows written
 * before this step keep a NULL hash: the verify endpoints count them as unprotected legacy rows
 * (history can be large; nothing is rewritten here).
 */
export class RecordChains1796000000017 implements MigrationInterface {
  name = 'RecordChains1796000000017';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE history_event ADD COLUMN hash VARCHAR(64) NULL`);
    await q.query(`ALTER TABLE process_instance ADD COLUMN history_hash VARCHAR(64) NULL`);
    await q.query(`ALTER TABLE process_instance ADD COLUMN opinion_seq INTEGER NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE process_instance ADD COLUMN opinion_hash VARCHAR(64) NULL`);
    await q.query(`ALTER TABLE opinion ADD COLUMN seq INTEGER NULL`);
    await q.query(`ALTER TABLE opinion ADD COLUMN hash VARCHAR(64) NULL`);
    await q.query(`ALTER TABLE document_version ADD COLUMN hash VARCHAR(64) NULL`);
    await q.query(`ALTER TABLE official_document ADD COLUMN version_hash VARCHAR(64) NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE official_document DROP COLUMN version_hash');
    await q.query('ALTER TABLE document_version DROP COLUMN hash');
    await q.query('ALTER TABLE opinion DROP COLUMN hash');
    await q.query('ALTER TABLE opinion DROP COLUMN seq');
    await q.query('ALTER TABLE process_instance DROP COLUMN opinion_hash');
    await q.query('ALTER TABLE process_instance DROP COLUMN opinion_seq');
    await q.query('ALTER TABLE process_instance DROP COLUMN history_hash');
    await q.query('ALTER TABLE history_event DROP COLUMN hash');
  }
}
