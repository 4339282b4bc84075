import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { newId } from '../../../platform/ids/ids';
import { sql } from '../../../platform/database/table';

/** A user's second factor as stored (times in epoch ms). */
export interface StoredFactor {
  userId: string;
  kind: string;
  secretCipher: string;
  activatedAt: number | null;
  lastUsedStep: number | null;
}

const num = (v: unknown): number | null => (v == null ? null : Number(v));

/** `user_second_factor` and `user_recovery_code` (migration 0016), by hand-written statements. */
@Injectable()
export class SecondFactorRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async find(userId: string, manager: EntityManager = this.dataSource.manager): Promise<StoredFactor | null> {
    const { records } = await sql(
      manager,
      'SELECT user_id, kind, secret_cipher, activated_at, last_used_step FROM user_second_factor WHERE user_id = ?',
      [userId],
    );
    const r = records[0];
    if (!r) return null;
    return {
      userId: String(r.user_id),
      kind: String(r.kind),
      secretCipher: String(r.secret_cipher),
      activatedAt: num(r.activated_at),
      lastUsedStep: num(r.last_used_step),
    };
  }

  /** A new, not yet active factor in place of any earlier one; its recovery codes go with it. */
  async replace(userId: string, kind: string, secretCipher: string, at: number, manager: EntityManager): Promise<void> {
    await this.remove(userId, manager);
    await sql(manager, 'INSERT INTO user_second_factor (user_id, kind, secret_cipher, created_at) VALUES (?, ?, ?, ?)', [
      userId,
      kind,
      secretCipher,
      at,
    ]);
  }

  /** Activates the inactive factor and accepts its first step; false when it was active already (a parallel activation). */
  async activate(userId: string, step: number, at: number, codeHashes: string[], manager: EntityManager): Promise<boolean> {
    const r = await sql(
      manager,
      'UPDATE user_second_factor SET activated_at = ?, last_used_step = ? WHERE user_id = ? AND activated_at IS NULL',
      [at, step, userId],
    );
    if (r.affected !== 1) return false;
    for (const hash of codeHashes) {
      await sql(manager, 'INSERT INTO user_recovery_code (id, user_id, code_hash) VALUES (?, ?, ?)', [newId(), userId, hash]);
    }
    return true;
  }

  /** Accepts a code's time step if it is later than the last accepted one (atomic: two parallel uses, one wins). */
  async useStep(userId: string, step: number, manager: EntityManager): Promise<boolean> {
    const r = await sql(
      manager,
      'UPDATE user_second_factor SET last_used_step = ? WHERE user_id = ? AND activated_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < ?)',
      [step, userId, step],
    );
    return r.affected === 1;
  }

  /** Marks an unused recovery code used (atomic: it works once). */
  async useRecoveryCode(userId: string, codeHash: string, at: number, manager: EntityManager): Promise<boolean> {
    const r = await sql(manager, 'UPDATE user_recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL', [
      at,
      userId,
      codeHash,
    ]);
    return r.affected === 1;
  }

  async remove(userId: string, manager: EntityManager): Promise<boolean> {
    await sql(manager, 'DELETE FROM user_recovery_code WHERE user_id = ?', [userId]);
    const r = await sql(manager, 'DELETE FROM user_second_factor WHERE user_id = ?', [userId]);
    return r.affected > 0;
  }
}
