import { HttpErrorResponse } from '@angular/common/http';
import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { Role, SessionUser, TotpEnrolment } from '@liuzhuan/contracts';
import { firstValueFrom } from 'rxjs';
import { ContractApi } from '../api/contract-api.service';
import { quietRequest } from '../http/http-context';
import { toLoginResult, toRecoveryCodes, toSessionUser, toTotpEnrolment } from './session-shape';

/** sessionStorage, not localStorage: closing the browser on a shared office PC ends the session. */
export const SESSION_STORAGE_KEY = 'liuzhuan.session';

interface StoredSession {
  accessToken: string;
  expiresAt: string;
}

/**
 * Thrown by {@link AuthService.login} when the account signed in with a one-time password (a new
 * account's, or a reset's): the server's token is good for {@link AuthService.changePassword} only.
 */
export class PasswordChangeRequired extends Error {
  constructor() {
    super('The password must be changed first');
    this.name = 'PasswordChangeRequired';
  }
}

/**
 * Thrown by {@link AuthService.login} when the account must enrol a second factor first (the
 * admins): the server's token is good for {@link AuthService.enrollTotp} and
 * {@link AuthService.activateTotp} only.
 */
export class EnrolmentRequired extends Error {
  constructor() {
    super('A second factor must be enrolled first');
    this.name = 'EnrolmentRequired';
  }
}

@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(ContractApi);
  private readonly router = inject(Router);
  private readonly storage = inject(DOCUMENT).defaultView?.sessionStorage ?? null;

  private readonly session = signal<StoredSession | null>(this.readSession());
  private readonly currentUser = signal<SessionUser | null>(null);
  /** The change-only token of a one-time password, or the enrolment-only token of an admin without a second factor: in memory only, never stored. */
  private readonly changeOnlyToken = signal<string | null>(null);

  readonly user = this.currentUser.asReadonly();
  readonly signedIn = computed(() => this.currentUser() !== null);
  readonly roles = computed<readonly Role[]>(() => this.currentUser()?.roles ?? []);

  token(): string | null {
    return this.session()?.accessToken ?? this.changeOnlyToken();
  }

  hasAnyRole(roles: readonly Role[]): boolean {
    const own = this.roles();
    return roles.some((role) => own.includes(role));
  }

  /**
   * Rejects with the HttpErrorResponse of a failed sign-in (the sign-in page shows its code), or
   * with {@link PasswordChangeRequired} when the password must be changed first.
   */
  async login(username: string, password: string, totp?: string): Promise<SessionUser> {
    const body = await firstValueFrom(
      this.api.call('POST /auth/login', { body: { username, password, ...(totp ? { totp } : {}) }, context: quietRequest() }),
    );
    const response = toLoginResult(body);
    if ('enrolmentRequired' in response) {
      this.clearSession();
      this.changeOnlyToken.set(response.accessToken);
      throw new EnrolmentRequired();
    }
    if ('passwordChangeRequired' in response) {
      this.clearSession();
      this.changeOnlyToken.set(response.accessToken);
      throw new PasswordChangeRequired();
    }
    this.changeOnlyToken.set(null);
    this.storeSession({ accessToken: response.accessToken, expiresAt: response.expiresAt });
    this.currentUser.set(response.user);
    return response.user;
  }

  /**
   * Changes the signed-in (or change-only) user's password. After a change-only sign-in the
   * server has ended that session: sign in again with the new password.
   */
  async changePassword(current: string, next: string): Promise<void> {
    await firstValueFrom(this.api.call('POST /auth/password', { body: { current, next }, context: quietRequest() }));
    this.changeOnlyToken.set(null);
  }

  /** A new TOTP secret and its QR code (with an enrolment-only token, or one's own session). */
  async enrollTotp(): Promise<TotpEnrolment> {
    return toTotpEnrolment(await firstValueFrom(this.api.call('POST /auth/totp/enroll', { context: quietRequest() })));
  }

  /**
   * Activates the enrolled secret with a code; answers the ten recovery codes (shown once).
   * After an enrolment-only sign-in the server has ended that session: sign in again with a code.
   */
  async activateTotp(code: string): Promise<string[]> {
    const body = await firstValueFrom(this.api.call('POST /auth/totp/activate', { body: { code }, context: quietRequest() }));
    this.changeOnlyToken.set(null);
    return toRecoveryCodes(body);
  }

  /** On startup: turn a token kept in this tab back into a signed-in user, or forget it. */
  async restore(): Promise<void> {
    const session = this.session();
    if (!session) return;
    if (Date.parse(session.expiresAt) <= Date.now()) {
      this.clearSession();
      return;
    }
    try {
      const body = await firstValueFrom(this.api.call('GET /auth/me', { context: quietRequest() }));
      this.currentUser.set(toSessionUser(body));
    } catch (error) {
      // An expired or revoked token (401): forget it. An unreachable server (its reads are
      // retried a while first: network.interceptor.ts) says nothing about the session: keep the
      // token for the next start, and start signed out.
      if (!(error instanceof HttpErrorResponse) || error.status !== 0) this.clearSession();
    }
  }

  async logout(): Promise<void> {
    if (this.token()) {
      try {
        await firstValueFrom(this.api.call('POST /auth/logout', { context: quietRequest() }));
      } catch {
        // The server may already have dropped the session; signing out locally is what matters.
      }
    }
    this.clearSession();
    await this.router.navigate(['/login']);
  }

  /** Forget token and user, e.g. after the server answered 401. */
  clearSession(): void {
    this.storage?.removeItem(SESSION_STORAGE_KEY);
    this.session.set(null);
    this.currentUser.set(null);
    this.changeOnlyToken.set(null);
  }

  private storeSession(session: StoredSession): void {
    this.storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
    this.session.set(session);
  }

  private readSession(): StoredSession | null {
    const raw = this.storage?.getItem(SESSION_STORAGE_KEY);
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as Partial<StoredSession>;
      return typeof parsed.accessToken === 'string' && typeof parsed.expiresAt === 'string'
        ? { accessToken: parsed.accessToken, expiresAt: parsed.expiresAt }
        : null;
    } catch {
      // A corrupted entry (edited by hand, older format) is treated as no session.
      return null;
    }
  }
}
