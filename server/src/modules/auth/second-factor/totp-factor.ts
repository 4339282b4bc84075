import type { TOTP } from 'otpauth';
import type { SecondFactor } from './second-factor.port';

/** RFC 6238 as ordinary authenticator apps use it: SHA-1, 6 digits, 30 s. */
export const TOTP_PERIOD_SECONDS = 30;
const ISSUER = '流转';

/** Codes from one step before or after are accepted too (a phone's clock a little off). */
const WINDOW = 1;

/**
 * otpauth and qrcode are loaded by the first enrolment or code check, not at start: most
 * servers' users never use a second factor, and these libraries would otherwise sit in every
 * process's memory (bench/RESULTS.md, session 8).
 */
let otpauth: Promise<typeof import('otpauth')> | null = null;
const loadOtpauth = () => (otpauth ??= import('otpauth'));

async function totpOf(secret: string, label = ''): Promise<TOTP> {
  const { Secret, TOTP } = await loadOtpauth();
  return new TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secret) });
}

export class TotpFactor implements SecondFactor {
  readonly kind = 'totp';

  async begin(username: string): Promise<{ secret: string; enrolment: { secret: string; otpauthUrl: string; qrDataUrl: string } }> {
    const [{ Secret }, { toDataURL }] = await Promise.all([loadOtpauth(), import('qrcode')]);
    const secret = new Secret({ size: 20 }).base32;
    const otpauthUrl = (await totpOf(secret, username)).toString();
    const qrDataUrl = await toDataURL(otpauthUrl, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
    return { secret, enrolment: { secret, otpauthUrl, qrDataUrl } };
  }

  async verify(secret: string, code: string, at: number): Promise<number | null> {
    if (!/^\d{6}$/.test(code)) return null;
    const delta = (await totpOf(secret)).validate({ token: code, timestamp: at, window: WINDOW });
    return delta === null ? null : Math.floor(at / 1000 / TOTP_PERIOD_SECONDS) + delta;
  }
}
