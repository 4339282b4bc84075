import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { sql, Tables } from '../../platform/database/table';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { UserChanges, UserEntity, UserRepository } from '../org/org.api';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import type { SessionUser } from '@liuzhuan/contracts';
import { AuthErrors } from './auth.errors';

/** What a reservation found: whether the password may be checked, and the failures counted with this one. */
export interface Reservation {
  reserved: boolean;
  failures: number;
}

/**
 * The account lockout (身份鉴别): `maxFailures` wrong passwords within `windowMinutes` lock the
 * account for `lockoutMinutes`. Atomic under parallel guesses on both dialects: an attempt is
 * counted *before* its password is checked, by one conditional UPDATE that only succeeds while
 * the window holds fewer than the limit and the account is not locked. A sign-in that is not
 * reserved is refused without checking the password; a right password clears the count.
 * Any number of parallel guesses therefore checks exactly `maxFailures` passwords.
 */
@Injectable()
export class AccountLockout {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tables: Tables,
    private readonly tx: TransactionRunner,
    private readonly users: UserRepository,
    private readonly audit: AuditTrail,
    private readonly changes: UserChanges,
  ) {}

  /** The security admin's early unlock (`POST /api/users/:id/unlock`), never of their own account; an `auth.unlock` event. */
  async unlock(targetId: string, actor: SessionUser, context: AuditContext): Promise<void> {
    const event = { type: 'auth.unlock' as const, targetType: 'user', targetId };
    await this.audit.failureRecorded(context, event, async () => {
      if (targetId === actor.id) throw AuthErrors.selfUnlock();
      await this.tx.run(async (tx) => {
        const user = await this.users.findById(targetId, tx.manager);
        if (!user) throw AuthErrors.userNotFound(targetId);
        const wasLocked = this.isLocked(user, new Date());
        await this.clear(targetId, tx.manager);
        this.audit.record(tx, context, { ...event, details: { username: user.username, wasLocked, failures: user.failedLogins } });
      });
    });
    this.changes.changed(targetId);
  }

  /**
   * Counts an attempt if the account may take one. The window restarts once it has passed or a
   * lock has run out. Assignments are ordered so that MySQL (which sees columns already assigned
   * to the left) and SQLite (which sees the old row) compute the same: each expression reads only
   * columns assigned after it, and `locked_until` (cleared: the WHERE proves no lock holds) last.
   */
  async reserve(userId: string, now: Date): Promise<Reservation> {
    const users = this.tables.of(UserEntity);
    const at = users.value('lockedUntil', now);
    const floor = users.value('loginWindowStart', new Date(now.getTime() - this.config.login.windowMinutes * 60_000));
    const fresh = `(login_window_start IS NULL OR login_window_start <= ? OR (locked_until IS NOT NULL AND locked_until <= ?))`;
    return this.tx.run(async ({ manager }) => {
      const { affected } = await sql(
        manager,
        `UPDATE ${users.name} SET
           failed_logins = CASE WHEN ${fresh} THEN 1 ELSE failed_logins + 1 END,
           login_window_start = CASE WHEN ${fresh} THEN ? ELSE login_window_start END,
           locked_until = NULL
         WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?) AND (${fresh} OR failed_logins < ?)`,
        [floor, at, floor, at, at, userId, at, floor, at, this.config.login.maxFailures],
      );
      const { records } = await sql(manager, `SELECT failed_logins FROM ${users.name} WHERE id = ?`, [userId]);
      return { reserved: affected > 0, failures: Number(records[0]?.failed_logins ?? 0) };
    });
  }

  /** After a wrong password: the lock's end when this failure reached the limit, else null. */
  async lockIfReached(userId: string, failures: number, now: Date, manager: EntityManager): Promise<Date | null> {
    if (failures < this.config.login.maxFailures) return null;
    const lockedUntil = new Date(now.getTime() + this.config.login.lockoutMinutes * 60_000);
    const users = this.tables.of(UserEntity);
    await sql(manager, `UPDATE ${users.name} SET locked_until = ? WHERE id = ?`, [users.value('lockedUntil', lockedUntil), userId]);
    return lockedUntil;
  }

  /**
   * A right password whose sign-in asks for the second factor next: the attempt reserved for it
   * was no failure, so it is given back (an abandoned code prompt must not lock the account).
   */
  async giveBack(userId: string): Promise<void> {
    const users = this.tables.of(UserEntity);
    await this.tx.run(async ({ manager }) => {
      await sql(manager, `UPDATE ${users.name} SET failed_logins = failed_logins - 1 WHERE id = ? AND failed_logins > 0`, [userId]);
    });
  }

  /** A right password, a reset or the security admin's unlock: nothing counted, no lock. */
  async clear(userId: string, manager: EntityManager): Promise<void> {
    const users = this.tables.of(UserEntity);
    await sql(manager, `UPDATE ${users.name} SET failed_logins = 0, login_window_start = NULL, locked_until = NULL WHERE id = ?`, [userId]);
  }

  /** Whether the account is locked now (a lock set, or the window full and its last failure still being checked). */
  isLocked(user: Pick<UserEntity, 'lockedUntil' | 'failedLogins' | 'loginWindowStart'>, now: Date): boolean {
    if (user.lockedUntil && user.lockedUntil > now) return true;
    const windowMs = this.config.login.windowMinutes * 60_000;
    return Boolean(
      user.loginWindowStart &&
        user.loginWindowStart.getTime() > now.getTime() - windowMs &&
        user.failedLogins >= this.config.login.maxFailures,
    );
  }
}
