import { Inject, Injectable } from '@nestjs/common';
import type { LoginRequest, LoginResult, SessionUser } from '@liuzhuan/contracts';
import { randomBytes } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../../platform/config/config';
import { verifyPassword } from '../../platform/crypto/password';
import { sm3Hex } from '../../platform/crypto/sm3';
import { AuthErrors } from './auth.errors';
import { DomainError } from '../../platform/errors/domain-error';
import { newId } from '../../platform/ids/ids';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { OrgRepository, UserChanges, UserRepository } from '../org/org.api';
import { type AuditContext, AuditTrail } from '../audit/audit.api';
import { SessionCache } from './session-cache';
import { SessionEntity } from './session.entity';
import { SessionRepository, type SessionWithUser } from './session.repository';
import { AccountLockout } from './lockout';
import { LoginThrottle } from './login-throttle';
import { PasswordHistory } from './password-history';
import { SecondFactorService } from './second-factor/second-factor.service';

/** The last-seen time is written at most this often, so reads do not become writes. */
const TOUCH_INTERVAL_MS = 60_000;

/** A sign-in with a one-time password is good for the change only, and not for long. */
const CHANGE_ONLY_SESSION_MS = 15 * 60_000;

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
    private readonly audit: AuditTrail,
    private readonly lockout: AccountLockout,
    private readonly throttle: LoginThrottle,
    private readonly passwords: PasswordHistory,
    private readonly secondFactor: SecondFactorService,
    changes: UserChanges,
  ) {
    changes.subscribe((userId) => (userId ? this.cache.forgetUser(userId) : this.cache.clear()));
    // a user disabled or given other roles: every open session ends, in the unit that changes them
    changes.onSessionsEnd((userId, at, manager) => this.sessions.revokeAllOf(userId, at, manager));
  }

  private readonly cache = new SessionCache();

  /**
   * Signs in. Every attempt is an audit event (`auth.login.success` / `auth.login.failure`, and
   * `auth.login.locked` when this failure locks the account) whose details name the true reason;
   * the answer to the client does not change with it.
   */
  async login(input: LoginRequest, request: Omit<AuditContext, 'actor' | 'roles'>): Promise<LoginResult> {
    const ip = request.ip;
    const now = new Date();
    const user = await this.users.findByUsername(input.username);
    // the actor of an attempt is the account it names (as typed, when there is none)
    const attempt = (roles: readonly string[]): AuditContext => ({ ...request, actor: user?.username ?? input.username, roles });
    // every refusal answers the same (AUTH_INVALID_CREDENTIALS) after the same work; the audit event keeps the true reason
    const refused = async (reason: string, roles: readonly string[], details: Record<string, unknown> = {}) => {
      const error = AuthErrors.invalidCredentials();
      await verifyPassword(DUMMY_HASH, input.password);
      await this.audit.recordAlone(attempt(roles), {
        type: 'auth.login.failure',
        targetType: 'user',
        targetId: user?.id ?? null,
        result: 'failure',
        errorCode: error.code,
        details: { reason, ...details },
      });
      return error;
    };
    const address = ip ?? 'unknown';
    const addressWindow = await this.throttle.reserve(address, now);
    if (addressWindow === null) throw await refused('throttled', []);
    if (!user) throw await refused('unknown_user', []);
    const roles = (await this.users.rolesOf([user.id])).get(user.id) ?? [];
    if (!user.enabled) throw await refused('disabled', roles);
    // counted before the password is checked: parallel guesses check at most the limit (lockout.ts)
    const { reserved, failures } = await this.lockout.reserve(user.id, now);
    if (!reserved) throw await refused('locked', roles, { failures });
    if (!(await verifyPassword(user.passwordHash, input.password))) {
      const context = attempt(roles);
      const error = AuthErrors.invalidCredentials();
      await this.tx.run(async (tx) => {
        const lockedUntil = await this.lockout.lockIfReached(user.id, failures, now, tx.manager);
        this.audit.record(tx, context, {
          type: 'auth.login.failure',
          targetType: 'user',
          targetId: user.id,
          result: 'failure',
          errorCode: error.code,
          details: { reason: 'wrong_password', failures },
        });
        if (lockedUntil) {
          this.audit.record(tx, context, {
            type: 'auth.login.locked',
            targetType: 'user',
            targetId: user.id,
            details: { failures, lockedUntil: lockedUntil.toISOString() },
          });
        }
      });
      throw error;
    }
    // the second factor (second-factor.service.ts): throws AUTH_TOTP_REQUIRED, or AUTH_TOTP_INVALID (a failure for the account and the address)
    const factor = await this.secondFactor.atSignIn(user, roles, input.totp, attempt(roles), failures).catch(async (error: unknown) => {
      // a right password told to send its code failed nothing: both counts are given back
      if (error instanceof DomainError && error.code === 'AUTH_TOTP_REQUIRED') {
        await this.lockout.giveBack(user.id);
        await this.throttle.release(address, addressWindow);
      }
      throw error;
    });
    await this.throttle.release(address, addressWindow);
    // the demo city's documented password never expires (docs/security.md)
    const demoPassword = this.config.demo.enabled && input.password === this.config.demo.password;
    const expired = !user.mustChangePassword && !demoPassword && this.passwords.isExpired(user, now);
    const token = randomBytes(32).toString('base64url');
    const changeOnly = Boolean(user.mustChangePassword) || expired;
    const enrolOnly = !changeOnly && factor === 'enrol';
    const limited = changeOnly || enrolOnly;
    const expiresAt = new Date(now.getTime() + (limited ? CHANGE_ONLY_SESSION_MS : this.config.session.maxHours * 3_600_000));
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
    await this.tx.run(async (tx) => {
      const { manager } = tx;
      await this.lockout.clear(user.id, manager);
      // an expired password signs in for the change only, as a one-time password does
      if (expired) await this.users.update(user.id, { mustChangePassword: true }, manager);
      await this.sessions.insert(session, manager);
      this.audit.record(tx, attempt(roles), {
        type: 'auth.login.success',
        targetType: 'user',
        targetId: user.id,
        details: { sessionId: session.id, ...(expired ? { passwordExpired: true } : {}) },
      });
    });
    // the token answers POST /api/auth/password only (AuthGuard), whatever the user's roles
    if (changeOnly) {
      return {
        passwordChangeRequired: true,
        accessToken: token,
        expiresAt: expiresAt.toISOString(),
        ...(expired ? { reason: 'expired' as const } : {}),
      };
    }
    // an account that must enrol a second factor: good for enrolment only (AuthGuard), never admin rights
    if (enrolOnly) return { enrolmentRequired: true, accessToken: token, expiresAt: expiresAt.toISOString() };
    return { accessToken: token, expiresAt: expiresAt.toISOString(), user: await this.sessionUser(user.id) };
  }

  async logout(sessionId: string, context: AuditContext): Promise<void> {
    await this.tx.run(async (tx) => {
      await this.sessions.revoke(sessionId, new Date(), tx.manager);
      this.audit.record(tx, context, { type: 'auth.logout', targetType: 'session', targetId: sessionId });
    });
    this.cache.forgetSession(sessionId);
  }

  /**
   * Resolves a bearer token to its user. Checked on every request: a revoked, expired or idle
   * session, or a user disabled since sign-in, is refused — at once in this process, within
   * the session cache's 2 s in another (see SessionCache).
   */
  async authenticate(
    token: string,
    request: Omit<AuditContext, 'actor' | 'roles'> = { ip: null, userAgent: null },
  ): Promise<{ user: SessionUser; sessionId: string; mustChangePassword: boolean; enrolmentRequired: boolean }> {
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
    const idleMs = this.config.session.idleMinutes * 60_000;
    const idleLimit = session.lastSeenAt.getTime() + idleMs;
    if (session.expiresAt <= now || idleLimit <= now.getTime()) {
      await this.expire(found, session.expiresAt <= now ? 'absolute' : 'idle', now, request);
      throw AuthErrors.sessionExpired();
    }
    if (!row.enabled) throw AuthErrors.userDisabled();
    const { enabled: _enabled, mustChangePassword, secondFactor, ...user } = row;
    // sliding idle time, written at most once a minute (more often only when the idle limit is shorter)
    if (now.getTime() - session.lastSeenAt.getTime() > Math.min(TOUCH_INTERVAL_MS, idleMs / 4)) {
      await this.tx.run(({ manager }) => this.sessions.touch(session.id, now, manager));
      session.lastSeenAt = now;
    }
    // an account that must have a second factor and has none is good for enrolment only, whatever the session
    const enrolmentRequired = !secondFactor && this.secondFactor.mustEnrol(user.roles);
    return { user, sessionId: session.id, mustChangePassword, enrolmentRequired };
  }

  /** An expired session ends, recorded once (`auth.session.expired`) by whichever request or replica ends it. */
  private async expire(found: SessionWithUser, reason: 'idle' | 'absolute', now: Date, request: Omit<AuditContext, 'actor' | 'roles'>) {
    const { session, user } = found;
    await this.tx.run(async (tx) => {
      if (!(await this.sessions.endIfOpen(session.id, now, tx.manager))) return;
      this.audit.record(
        tx,
        { ...request, actor: user.username, roles: user.roles },
        {
          type: 'auth.session.expired',
          targetType: 'session',
          targetId: session.id,
          details: { reason, lastSeenAt: session.lastSeenAt.toISOString(), expiresAt: session.expiresAt.toISOString() },
        },
      );
    });
    this.cache.forgetSession(session.id);
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
