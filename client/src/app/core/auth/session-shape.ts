import type { LoginResult, Role, SessionUser, TotpEnrolment } from '@liuzhuan/contracts';
import { CLEARANCES, ROLES } from '@liuzhuan/contracts';

/*
 * The sign-in answers checked by hand, not with the contract's zod schemas: these run before
 * sign-in, and zod (about 100 kB) would be part of every first load. Each check matches its
 * schema in libs/contracts (auth.ts, second-factor.ts) and throws on anything else.
 */

type Json = Record<string, unknown>;

export class UnexpectedAnswer extends Error {
  constructor(what: string) {
    super(`Unexpected answer from the server: ${what}`);
    this.name = 'UnexpectedAnswer';
  }
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function string(body: Json, key: string, what: string): string {
  const value = body[key];
  if (typeof value !== 'string') throw new UnexpectedAnswer(`${what}.${key}`);
  return value;
}

function object(value: unknown, what: string): Json {
  if (!isObject(value)) throw new UnexpectedAnswer(what);
  return value;
}

/** SessionUserSchema. */
export function toSessionUser(value: unknown): SessionUser {
  const body = object(value, 'user');
  const position = body['position'];
  if (position !== null && typeof position !== 'string') throw new UnexpectedAnswer('user.position');
  const roles = body['roles'];
  if (!Array.isArray(roles) || !roles.every((role) => (ROLES as readonly unknown[]).includes(role)))
    throw new UnexpectedAnswer('user.roles');
  const clearance = body['clearance'];
  if (clearance !== undefined && !(CLEARANCES as readonly unknown[]).includes(clearance)) throw new UnexpectedAnswer('user.clearance');
  return {
    id: string(body, 'id', 'user'),
    username: string(body, 'username', 'user'),
    displayName: string(body, 'displayName', 'user'),
    orgId: string(body, 'orgId', 'user'),
    orgName: string(body, 'orgName', 'user'),
    position,
    roles: roles as Role[],
    ...(clearance === undefined ? {} : { clearance: clearance as SessionUser['clearance'] }),
  };
}

/** LoginResultSchema: a session, or a token for the password change or the enrolment only. */
export function toLoginResult(value: unknown): LoginResult {
  const body = object(value, 'login');
  const accessToken = string(body, 'accessToken', 'login');
  const expiresAt = string(body, 'expiresAt', 'login');
  if (body['enrolmentRequired'] === true) return { enrolmentRequired: true, accessToken, expiresAt };
  if (body['passwordChangeRequired'] === true) {
    const reason = body['reason'];
    if (reason !== undefined && reason !== 'expired') throw new UnexpectedAnswer('login.reason');
    return { passwordChangeRequired: true, accessToken, expiresAt, ...(reason === undefined ? {} : { reason }) };
  }
  return { accessToken, expiresAt, user: toSessionUser(body['user']) };
}

/** TotpEnrolmentSchema. */
export function toTotpEnrolment(value: unknown): TotpEnrolment {
  const body = object(value, 'enrolment');
  return {
    secret: string(body, 'secret', 'enrolment'),
    otpauthUrl: string(body, 'otpauthUrl', 'enrolment'),
    qrDataUrl: string(body, 'qrDataUrl', 'enrolment'),
  };
}

/** TotpRecoveryCodesSchema's codes. */
export function toRecoveryCodes(value: unknown): string[] {
  const codes = object(value, 'activation')['recoveryCodes'];
  if (!Array.isArray(codes) || !codes.every((code) => typeof code === 'string')) throw new UnexpectedAnswer('activation.recoveryCodes');
  return codes;
}
