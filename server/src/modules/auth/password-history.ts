import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { verifyPassword } from '../../platform/crypto/password';
import { sql, Tables } from '../../platform/database/table';
import { newId } from '../../platform/ids/ids';
import { UserEntity } from '../org/org.api';

/**
 * Password history and expiry (身份鉴别). A new password may be none of the last `history`
 * (the current one and the previous ones kept in `password_history`, argon2id hashes only);
 * a password expires `maxAgeDays` after it was set.
 */
@Injectable()
export class PasswordHistory {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tables: Tables,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Whether `password` is the current one or one of the previous `history - 1`. */
  async isRecent(user: Pick<UserEntity, 'id' | 'passwordHash'>, password: string, manager?: EntityManager): Promise<boolean> {
    const limit = Math.max(0, this.config.password.history - 1);
    const { records } = limit
      ? await sql(
          manager ?? this.dataSource.manager,
          `SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY changed_at DESC, id DESC LIMIT ${limit}`,
          [user.id],
        )
      : { records: [] };
    for (const hash of [user.passwordHash, ...records.map((r) => String(r.password_hash))]) {
      if (await verifyPassword(hash, password)) return true;
    }
    return false;
  }

  /** Keeps the hash being replaced (a change or a reset), in the unit that replaces it. */
  async remember(userId: string, replacedHash: string, at: Date, manager: EntityManager): Promise<void> {
    const at_ = this.tables.of(UserEntity).value('passwordChangedAt', at);
    await sql(manager, 'INSERT INTO password_history (id, user_id, changed_at, password_hash) VALUES (?, ?, ?, ?)', [
      newId(),
      userId,
      at_,
      replacedHash,
    ]);
  }

  /** Whether the password has outlived `maxAgeDays` (0: passwords never expire). */
  isExpired(user: Pick<UserEntity, 'passwordChangedAt' | 'createdAt'>, now: Date): boolean {
    const days = this.config.password.maxAgeDays;
    if (!days) return false;
    const since = user.passwordChangedAt ?? user.createdAt;
    return now.getTime() - since.getTime() >= days * 86_400_000;
  }
}
