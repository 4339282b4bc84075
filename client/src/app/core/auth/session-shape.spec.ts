import { LoginResultSchema, SessionUserSchema, TotpEnrolmentSchema, TotpRecoveryCodesSchema } from '@liuzhuan/contracts';
import { sessionUser } from './auth.testing';
import { toLoginResult, toRecoveryCodes, toSessionUser, toTotpEnrolment } from './session-shape';

/** The hand-written check agrees with the contract's schema: the same value, or both refuse. */
function agrees(check: (value: unknown) => unknown, schema: { parse: (value: unknown) => unknown }, value: unknown): void {
  let expected: unknown;
  try {
    expected = schema.parse(value);
  } catch {
    expect(() => check(value)).toThrow();
    return;
  }
  expect(check(value)).toEqual(expected);
}

const token = { accessToken: 't', expiresAt: '2099-01-01T00:00:00Z' };

describe('sign-in answers checked without zod', () => {
  it('should read a session user as SessionUserSchema does', () => {
    // Given users the server may send, and some it must not
    const samples: unknown[] = [
      sessionUser(),
      sessionUser({ position: null, roles: ['leader', 'clerk'], clearance: 'core' }),
      { ...sessionUser(), extra: 'dropped' },
      { ...sessionUser(), roles: ['king'] },
      { ...sessionUser(), clearance: 'secret' },
      { ...sessionUser(), position: 3 },
      { ...sessionUser(), id: undefined },
      null,
      [],
    ];
    // Then each is read the same way, or refused by both
    for (const sample of samples) agrees(toSessionUser, SessionUserSchema, sample);
  });

  it('should read each kind of login answer as LoginResultSchema does', () => {
    const samples: unknown[] = [
      { ...token, user: sessionUser() },
      { ...token, passwordChangeRequired: true },
      { ...token, passwordChangeRequired: true, reason: 'expired' },
      { ...token, passwordChangeRequired: true, reason: 'bored' },
      { ...token, enrolmentRequired: true },
      { ...token },
      { accessToken: 't', user: sessionUser() },
      'token',
    ];
    for (const sample of samples) agrees(toLoginResult, LoginResultSchema, sample);
  });

  it('should read an enrolment and the recovery codes as their schemas do', () => {
    const enrolment = { secret: 'S', otpauthUrl: 'otpauth://totp/x', qrDataUrl: 'data:image/png;base64,x' };
    for (const sample of [enrolment, { ...enrolment, secret: 1 }, {}]) agrees(toTotpEnrolment, TotpEnrolmentSchema, sample);
    for (const sample of [{ recoveryCodes: ['a', 'b'] }, { recoveryCodes: [1] }, { recoveryCodes: 'a' }, {}]) {
      agrees(toRecoveryCodes, { parse: (value) => TotpRecoveryCodesSchema.parse(value).recoveryCodes }, sample);
    }
  });
});
