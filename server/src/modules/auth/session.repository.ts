import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull, Not } from 'typeorm';
import type { Clearance, Role } from '@liuzhuan/contracts';
import { sql, Tables } from '../../platform/database/table';
import { SessionEntity } from './session.entity';

/** A session with what every request needs of its user, read in one statement. */
export interface SessionWithUser {
  session: SessionEntity;
  user: {
    id: string;
    username: string;
    displayName: string;
    orgId: string;
    orgName: string;
    position: string | null;
    enabled: boolean;
    mustChangePassword: boolean;
    /** an active second factor (user_second_factor.activated_at set) */
    secondFactor: boolean;
    roles: Role[];
    clearance: Clearance;
  };
}

@Injectable()
export class SessionRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: Tables,
  ) {}

  async insert(session: SessionEntity, manager: EntityManager): Promise<void> {
    await manager.insert(SessionEntity, session);
  }

  /**
   * The session, its user, the user's organization name and roles in one statement: this runs
   * on every authenticated request, so it must not cost four round trips.
   */
  async findWithUser(tokenHash: string): Promise<SessionWithUser | null> {
    const sessions = this.tables.of(SessionEntity);
    const { records } = await sql(
      this.dataSource.manager,
      `SELECT ${sessions.select('s')}, u.username AS u_username, u.display_name AS u_display_name, u.org_id AS u_org_id, u.position AS u_position, u.enabled AS u_enabled, u.must_change_password AS u_must_change, u.clearance AS u_clearance, o.name AS o_name,
         (SELECT GROUP_CONCAT(r.role) FROM user_role r WHERE r.user_id = s.user_id) AS u_roles,
         (SELECT f.activated_at FROM user_second_factor f WHERE f.user_id = s.user_id) AS u_factor_at
       FROM ${sessions.name} s JOIN app_user u ON u.id = s.user_id LEFT JOIN org o ON o.id = u.org_id
       WHERE ${sessions.col('tokenHash', 's')} = ?`,
      [tokenHash],
    );
    const row = records[0];
    if (!row) return null;
    const session = sessions.hydrate(row);
    // GROUP_CONCAT with the default ',' separator is spelled the same in MySQL and SQLite
    const roles = typeof row.u_roles === 'string' && row.u_roles ? (row.u_roles.split(',').sort() as Role[]) : [];
    return {
      session,
      user: {
        id: session.userId,
        username: String(row.u_username),
        displayName: String(row.u_display_name),
        orgId: String(row.u_org_id),
        orgName: row.o_name == null ? '' : String(row.o_name),
        position: row.u_position == null ? null : String(row.u_position),
        enabled: Boolean(Number(row.u_enabled)),
        mustChangePassword: Boolean(Number(row.u_must_change)),
        secondFactor: row.u_factor_at != null,
        roles,
        clearance: (row.u_clearance == null ? 'none' : String(row.u_clearance)) as Clearance,
      },
    };
  }

  async touch(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(SessionEntity, { id }, { lastSeenAt: at });
  }

  /** Ends every open session of the user but `exceptId` (a password changed or reset). */
  async revokeAllOf(userId: string, at: Date, manager: EntityManager, exceptId?: string): Promise<void> {
    await manager.update(SessionEntity, { userId, revokedAt: IsNull(), ...(exceptId ? { id: Not(exceptId) } : {}) }, { revokedAt: at });
  }

  /** Ends a session still open; false when another request (or replica) already ended it. */
  async endIfOpen(id: string, at: Date, manager: EntityManager): Promise<boolean> {
    const sessions = this.tables.of(SessionEntity);
    const { affected } = await sql(
      manager,
      `UPDATE ${sessions.name} SET ${sessions.col('revokedAt')} = ? WHERE ${sessions.col('id')} = ? AND ${sessions.col('revokedAt')} IS NULL`,
      [sessions.value('revokedAt', at), id],
    );
    return affected > 0;
  }

  async revoke(id: string, at: Date, manager: EntityManager): Promise<void> {
    await manager.update(SessionEntity, { id, revokedAt: IsNull() }, { revokedAt: at });
  }
}
