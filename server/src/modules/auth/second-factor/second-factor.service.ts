import { Inject, Injectable } from '@nestjs/common';
import type { SessionUser, TotpEnrolment, TotpRecoveryCodes } from '@liuzhuan/contracts';
import { APP_CONFIG, type AppConfig } from '../../../platform/config/config';
import { KeyStore } from '../../../platform/crypto/key-store';
import { TransactionRunner } from '../../../platform/database/transaction-runner';
import { type AuditContext, AuditTrail } from '../../audit/audit.api';
import { UserChanges, UserRepository } from '../../org/org.api';
import { AuthErrors } from '../auth.errors';
import { AccountLockout } from '../lockout';
import { SessionRepository } from '../session.repository';
import { SecondFactorErrors } from './second-factor.errors';
import { requiresSecondFactor } from './second-factor.policy';
import { SECOND_FACTOR, type SecondFactor } from './second-factor.port';
import { SecondFactorRepository } from './second-factor.repository';
import { generateRecoveryCodes, recoveryCodeHash } from './recovery-codes';

/** The KeyStore context the secret is sealed for (cipher text of another column does not open as this). */
const SECRET_CONTEXT = 'user_second_factor.secret';

/** What the second factor says about a sign-in whose password was right. */
export type SignInFactor = 'passed' | 'enrol' | 'none';

/**
 * The second factor (docs/security.md, "Sign-in"): enrolment and activation, the check at sign-in,
 * and the security admin's reset. Every step is an audit event (`auth.totp.*`).
 */
@Injectable()
export class SecondFactorService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECOND_FACTOR) private readonly factor: SecondFactor,
    private readonly factors: SecondFactorRepository,
    private readonly keys: KeyStore,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditTrail,
    private readonly changes: UserChanges,
    private readonly lockout: AccountLockout,
  ) {}

  mustEnrol(roles: readonly string[]): boolean {
    return requiresSecondFactor(roles, this.config.totp.leaders);
  }

  /**
   * After the password was right: 'passed' when the account has a factor and `code` proves it
   * (a TOTP code of a step not used before, or an unused recovery code), 'enrol' when it must
   * enrol first, 'none' when it has none and needs none. A missing code: AUTH_TOTP_REQUIRED. A
   * wrong one: AUTH_TOTP_INVALID, counted like a wrong password (the same counter and lock).
   */
  async atSignIn(
    user: { id: string },
    roles: readonly string[],
    code: string | undefined,
    context: AuditContext,
    failures: number,
  ): Promise<SignInFactor> {
    const stored = await this.factors.find(user.id);
    if (!stored?.activatedAt) return this.mustEnrol(roles) ? 'enrol' : 'none';
    const event = { targetType: 'user', targetId: user.id, result: 'failure' as const };
    // the client sends the password first and asks for the code only when told: not a failure of the
    // factor, so no audit event, and the sign-in gives back the attempt the lockout counted (auth.service.ts)
    if (!code) throw SecondFactorErrors.codeRequired();
    const now = Date.now();
    const step = /^\d{6}$/.test(code) ? await this.factor.verify(this.keys.decrypt(stored.secretCipher, SECRET_CONTEXT), code, now) : null;
    const reason = await this.tx.run(async ({ manager }) => {
      if (/^\d{6}$/.test(code)) {
        if (step === null) return 'wrong_code';
        return (await this.factors.useStep(user.id, step, manager)) ? null : 'code_reused';
      }
      return (await this.factors.useRecoveryCode(user.id, recoveryCodeHash(user.id, code), now, manager)) ? null : 'wrong_recovery_code';
    });
    if (!reason) return 'passed';
    const error = SecondFactorErrors.codeInvalid();
    await this.tx.run(async (tx) => {
      // the attempt was counted before the password was checked (lockout.ts): a wrong code locks as a wrong password does
      const lockedUntil = await this.lockout.lockIfReached(user.id, failures, new Date(now), tx.manager);
      this.audit.record(tx, context, { ...event, type: 'auth.totp.failure', errorCode: error.code, details: { reason, failures } });
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

  /** A new secret for the signed-in user (an enrolment-only session, or anyone's own choice); replaces one not yet activated. */
  async enroll(user: SessionUser, context: AuditContext): Promise<TotpEnrolment> {
    if ((await this.factors.find(user.id))?.activatedAt) throw SecondFactorErrors.alreadyActive();
    const { secret, enrolment } = await this.factor.begin(user.username);
    await this.tx.run(async (tx) => {
      await this.factors.replace(user.id, this.factor.kind, this.keys.encrypt(secret, SECRET_CONTEXT), Date.now(), tx.manager);
      this.audit.record(tx, context, {
        type: 'auth.totp.enroll',
        targetType: 'user',
        targetId: user.id,
        details: { stage: 'secret_issued', kind: this.factor.kind },
      });
    });
    return enrolment as TotpEnrolment;
  }

  /**
   * A code proves the device holds the secret: the factor becomes active, its step used, and ten
   * recovery codes are made and answered once. An enrolment-only session ends here: the next
   * step is a sign-in with a code.
   */
  async activate(user: SessionUser, sessionId: string, code: string, context: AuditContext): Promise<TotpRecoveryCodes> {
    const stored = await this.factors.find(user.id);
    if (!stored) throw SecondFactorErrors.notEnrolled();
    if (stored.activatedAt) throw SecondFactorErrors.alreadyActive();
    const now = Date.now();
    const step = await this.factor.verify(this.keys.decrypt(stored.secretCipher, SECRET_CONTEXT), code, now);
    if (step === null) {
      const error = SecondFactorErrors.activationCodeWrong();
      await this.audit.recordAlone(context, {
        type: 'auth.totp.failure',
        targetType: 'user',
        targetId: user.id,
        result: 'failure',
        errorCode: error.code,
        details: { reason: 'activation_code_wrong' },
      });
      throw error;
    }
    const recoveryCodes = generateRecoveryCodes();
    const endSession = this.mustEnrol(user.roles);
    await this.tx.run(async (tx) => {
      const hashes = recoveryCodes.map((c) => recoveryCodeHash(user.id, c));
      if (!(await this.factors.activate(user.id, step, now, hashes, tx.manager))) throw SecondFactorErrors.alreadyActive();
      if (endSession) await this.sessions.revoke(sessionId, new Date(now), tx.manager);
      this.audit.record(tx, context, {
        type: 'auth.totp.enroll',
        targetType: 'user',
        targetId: user.id,
        details: { stage: 'activated', kind: stored.kind, sessionEnded: endSession },
      });
    });
    this.changes.changed(user.id);
    return { recoveryCodes };
  }

  /** The security admin's reset of someone else's factor: removed with its recovery codes, every session of the user ended. */
  async reset(targetId: string, actor: SessionUser, context: AuditContext): Promise<void> {
    if (targetId === actor.id) throw SecondFactorErrors.selfReset();
    const target = await this.users.findById(targetId);
    if (!target) throw AuthErrors.userNotFound(targetId);
    await this.tx.run(async (tx) => {
      const had = await this.factors.remove(target.id, tx.manager);
      await this.sessions.revokeAllOf(target.id, new Date(), tx.manager);
      this.audit.record(tx, context, { type: 'auth.totp.reset', targetType: 'user', targetId: target.id, details: { hadFactor: had } });
    });
    // this process forgets the cached sessions now; another API process within the session cache's 2 s
    this.changes.changed(target.id);
  }
}
