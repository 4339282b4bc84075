import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-address sign-in throttle counts from an address's first failure, not in clock-aligned
 * windows (which let an address fail twice the limit across a boundary): one row per address.
 * The counters are transient, so the table is made anew.
 */
export class AddressThrottleWindow1796000000018 implements MigrationInterface {
  name = 'AddressThrottleWindow1796000000018';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_throttle');
    await q.query(`CREATE TABLE login_throttle (
      address VARCHAR(64) NOT NULL PRIMARY KEY,
      window_start BIGINT NOT NULL,
      failures INT NOT NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_throttle');
    await q.query(`CREATE TABLE login_throttle (
      address VARCHAR(64) NOT NULL,
      window_start BIGINT NOT NULL,
      failures INT NOT NULL,
      PRIMARY KEY (address, window_start)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`);
  }
}
