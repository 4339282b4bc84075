import { Inject, Injectable } from '@nestjs/common';
import type { LoginRequest, LoginResponse, SessionUser } from '@liuzhuan/contracts';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { verifyPassword } from '../../platform/crypto/password';
import { sm3Hex } from '../../platform/crypto/sm3';
import { AuthErrors } from './auth.errors';
import { newId } from '../../platform/ids/ids';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { OrgRepository, UserChanges, UserRepository } from '../org/org.api';
import { SessionCache } from './session-cache';
import { SessionEntity } from './session.entity';
import { SessionRepository } from './session.repository';

/** The last-seen time is written at most this often, so reads do not become writes. */
const TOUCH_INTERVAL_MS = 60_000;

/** A fixed argon2id hash to verify against when the username is unknown, so timing reveals nothing. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$ScpTtYyfelycgqnB6t3lyQ$jlf+8cU0mCgJ74bj5UTcYKlu0QyEm4woNXrkiNaT24E';

@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UserRepository,
    private readonly orgs: OrgRepository,
    private readonly sessions: SessionRepository,
    // every write goes through the shared runner: on SQLite it serializes writers on the one connection
    private readonly tx: TransactionRunner,
    changes: UserChanges,
  ) {
    changes.subscribe((userId) => (userId ? this.cache.forgetUser(userId) : this.cache.clear()));
  }

  private readonly cache = new SessionCache();

  async login(input: LoginRequest, ip: string | null): Promise<LoginResponse> {
    const user = await this.users.findByUsername(input.username);
    const now = new Date();
    if (!user) {
      await verifyPassword(DUMMY_HASH, input.password);
      throw AuthErrors.invalidCredentials();
    }
    if (!user.enabled) throw AuthErrors.userDisabled();
    if (user.lockedUntil && user.lockedUntil > now) {
      throw AuthErrors.accountLocked(user.lockedUntil);
    }
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      await this.tx.run(async ({ manager }) => {
        const failures = await this.users.incrementFailedLogins(user.id, manager);
        if (failures >= this.config.login.maxFailures) {
          await this.users.update(user.id, { lockedUntil: new Date(now.getTime() + this.config.login.lockoutMinutes * 60_000) }, manager);
        }
      });
      throw AuthErrors.invalidCredentials();
    }

    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + this.config.session.maxHours * 3_600_000);
    const session = Object.assign(new SessionEntity(), {
      id: newId(),
      tokenHash: sm3Hex(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      revokedAt: null,
      ip,
    });
    await this.tx.run(async ({ manager }) => {
      if (user.failedLogins || user.lockedUntil) await this.users.update(user.id, { failedLogins: 0, lockedUntil: null }, manager);
      await this.sessions.insert(session, manager);
    });
    return { accessToken: token, expiresAt: expiresAt.toISOString(), user: await this.sessionUser(user.id) };
  }

  async logout(sessionId: string): Promise<void> {
    await this.tx.run(({ manager }) => this.sessions.revoke(sessionId, new Date(), manager));
    this.cache.forgetSession(sessionId);
  }

  /**
   * Resolves a bearer token to its user. Checked on every request: a revoked, expired or idle
   * session, or a user disabled since sign-in, is refused — at once in this process, within
   * the session cache's 2 s in another (see SessionCache).
   */
  async authenticate(token: string): Promise<{ user: SessionUser; sessionId: string }> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw AuthErrors.malformedToken();
    const tokenHash = sm3Hex(token);
    const now = new Date();
    let found = this.cache.get(tokenHash, now.getTime()) ?? null;
    if (!found) {
      found = await this.sessions.findWithUser(tokenHash);
      if (found && !found.session.revokedAt) this.cache.set(tokenHash, found, now.getTime());
    }
    if (!found || found.session.revokedAt) throw AuthErrors.sessionEnded();
    const { session, user: row } = found;
    const idleLimit = session.lastSeenAt.getTime() + this.config.session.idleMinutes * 60_000;
    if (session.expiresAt <= now || idleLimit <= now.getTime()) {
      throw AuthErrors.sessionExpired();
    }
    if (!row.enabled) throw AuthErrors.userDisabled();
    const { enabled: _enabled, ...user } = row;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
      await this.tx.run(({ manager }) => this.sessions.touch(session.id, now, manager));
      session.lastSeenAt = now;
    }
    return { user, sessionId: session.id };
  }

  private async sessionUser(userId: string): Promise<SessionUser> {
    const user = await this.users.findById(userId);
    if (!user) throw AuthErrors.sessionEnded();
    if (!user.enabled) throw AuthErrors.userDisabled();
    const [roles, org] = await Promise.all([this.users.rolesOf([user.id]), this.orgs.findById(user.orgId)]);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      orgId: user.orgId,
      orgName: org?.name ?? '',
      position: user.position,
      roles: roles.get(user.id) ?? [],
      clearance: (user.clearance ?? 'none') as SessionUser['clearance'],
    };
  }
}
