import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { sql, Tables } from '../../platform/database/table';
import { TransactionRunner } from '../../platform/database/transaction-runner';

/**
 * The per-address throttle on sign-in: one address may fail `addressMaxFailures` times within
 * `addressWindowMinutes` of its first failure, so one machine cannot lock the leaders out in turn.
 * Counted in the database (`login_throttle`, one row per address: the start of its window and
 * the failures in it), so every API replica shares it. Like the lockout, an attempt is counted
 * before its password is checked and given back when it succeeds: parallel attempts cannot pass
 * the limit. A row whose count is given back to nothing is removed, so the next window starts
 * at the next failure, not at an earlier success.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tables: Tables,
    private readonly tx: TransactionRunner,
  ) {}

  /**
   * Counts an attempt from `address`: the start of its window, or null when the address has used
   * up its failures there. The window restarts when it has passed. `failures` is assigned before
   * `window_start` and reads only `window_start`, so MySQL (which sees columns already assigned to
   * the left) and SQLite (which sees the old row) compute the same.
   */
  async reserve(address: string, now: Date): Promise<number | null> {
    const at = now.getTime();
    const floor = at - Math.max(1, Math.round(this.config.login.addressWindowMinutes * 60_000));
    const update = `failures = CASE WHEN window_start <= ? THEN 1 ELSE failures + 1 END,
       window_start = CASE WHEN window_start <= ? THEN ? ELSE window_start END`;
    const upsert =
      this.tables.dialect === 'mysql'
        ? `INSERT INTO login_throttle (address, window_start, failures) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE ${update}`
        : `INSERT INTO login_throttle (address, window_start, failures) VALUES (?, ?, 1) ON CONFLICT (address) DO UPDATE SET ${update}`;
    return this.tx.run(async ({ manager }) => {
      await sql(manager, upsert, [address, at, floor, floor, at]);
      const { records } = await sql(manager, 'SELECT window_start, failures FROM login_throttle WHERE address = ?', [address]);
      const failures = Number(records[0]?.failures ?? 0);
      return failures <= this.config.login.addressMaxFailures ? Number(records[0]?.window_start) : null;
    });
  }

  /** A sign-in that succeeded is no failure: its count is given back (and an empty row removed). */
  async release(address: string, window: number): Promise<void> {
    await this.tx.run(async ({ manager }) => {
      await sql(manager, 'UPDATE login_throttle SET failures = failures - 1 WHERE address = ? AND window_start = ? AND failures > 0', [
        address,
        window,
      ]);
      await sql(manager, 'DELETE FROM login_throttle WHERE address = ? AND failures <= 0', [address]);
    });
  }
}
