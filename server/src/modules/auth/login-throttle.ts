import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { sql, Tables } from '../../platform/database/table';
import { TransactionRunner } from '../../platform/database/transaction-runner';

/**
 * The per-address throttle on sign-in: one address may fail `addressMaxFailures` times per
 * `addressWindowMinutes` (fixed windows), so one machine cannot lock the leaders out in turn.
 * Counted in the database (`login_throttle`, one row per address and window), so every API
 * replica shares it. Like the lockout, an attempt is counted before its password is checked and
 * given back when it succeeds: parallel attempts cannot pass the limit.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tables: Tables,
    private readonly tx: TransactionRunner,
  ) {}

  private windowOf(now: Date): number {
    const ms = Math.max(1, Math.round(this.config.login.addressWindowMinutes * 60_000));
    return Math.floor(now.getTime() / ms) * ms;
  }

  /** Counts an attempt from `address`: its window, or null when the address has used up its failures there. */
  async reserve(address: string, now: Date): Promise<number | null> {
    const window = this.windowOf(now);
    const upsert =
      this.tables.dialect === 'mysql'
        ? 'INSERT INTO login_throttle (address, window_start, failures) VALUES (?, ?, 1) ON DUPLICATE KEY UPDATE failures = failures + 1'
        : 'INSERT INTO login_throttle (address, window_start, failures) VALUES (?, ?, 1) ON CONFLICT (address, window_start) DO UPDATE SET failures = failures + 1';
    return this.tx.run(async ({ manager }) => {
      await sql(manager, upsert, [address, window]);
      const { records } = await sql(manager, 'SELECT failures FROM login_throttle WHERE address = ? AND window_start = ?', [
        address,
        window,
      ]);
      const failures = Number(records[0]?.failures ?? 0);
      // the first attempt of a window sweeps the address's past windows (other addresses sweep their own)
      if (failures === 1) await sql(manager, 'DELETE FROM login_throttle WHERE address = ? AND window_start < ?', [address, window]);
      return failures <= this.config.login.addressMaxFailures ? window : null;
    });
  }

  /** A sign-in that succeeded is no failure: its count is given back. */
  async release(address: string, window: number): Promise<void> {
    await this.tx.run(({ manager }) =>
      sql(manager, 'UPDATE login_throttle SET failures = failures - 1 WHERE address = ? AND window_start = ? AND failures > 0', [
        address,
        window,
      ]),
    );
  }
}
