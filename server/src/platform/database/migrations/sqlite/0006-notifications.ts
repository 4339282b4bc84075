import type { MigrationInterface, QueryRunner } from 'typeorm';

/** In-app notifications; the stream polls them by (recipient, id), the inbox by (recipient, read_at, created_at). */
export class Notifications1796000000006 implements MigrationInterface {
  name = 'Notifications1796000000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS notification (
      id VARCHAR(26) NOT NULL PRIMARY KEY,
      recipient VARCHAR(32) NOT NULL,
      kind VARCHAR(32) NOT NULL,
      title VARCHAR(200) NOT NULL,
      body VARCHAR(2000) NOT NULL,
      instance_id VARCHAR(26) NULL,
      task_id VARCHAR(26) NULL,
      link VARCHAR(300) NULL,
      actor VARCHAR(32) NULL,
      dedupe_key VARCHAR(120) NULL,
      created_at DATETIME NOT NULL,
      read_at DATETIME NULL
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_notification_inbox ON notification (recipient, read_at, created_at)`);
    await q.query(`CREATE INDEX IF NOT EXISTS ix_notification_stream ON notification (recipient, id)`);
    await q.query(`CREATE UNIQUE INDEX IF NOT EXISTS uq_notification_dedupe ON notification (dedupe_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS notification');
  }
}
