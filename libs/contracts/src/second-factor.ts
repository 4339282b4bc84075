// The second factor at sign-in (身份鉴别): TOTP (RFC 6238) today, room for SM2 certificates (UKey).
import * as z from 'zod';
import type { Role } from './roles';

/** Roles that must sign in with a second factor; `leader` too when the deployment says so (LIUZHUAN_TOTP_LEADERS). */
export const SECOND_FACTOR_ROLES = ['system_admin', 'security_admin', 'auditor', 'workflow_admin'] as const satisfies readonly Role[];

/**
 * The answer to a sign-in whose account must enrol a second factor first: the token is good
 * only for `POST /api/auth/totp/enroll` and `POST /api/auth/totp/activate`.
 */
export const EnrolmentRequiredSchema = z
  .object({
    enrolmentRequired: z.literal(true),
    accessToken: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'EnrolmentRequired' });
export type EnrolmentRequired = z.infer<typeof EnrolmentRequiredSchema>;

/** `POST /api/auth/totp/enroll`: a new secret (not active until activated), shown to the user once. */
export const TotpEnrolmentSchema = z
  .object({
    /** base32, for typing into the authenticator by hand */
    secret: z.string(),
    otpauthUrl: z.string(),
    /** the otpauth URL as a QR code, `data:image/png;base64,…` */
    qrDataUrl: z.string(),
  })
  .meta({ id: 'TotpEnrolment' });
export type TotpEnrolment = z.infer<typeof TotpEnrolmentSchema>;

/** `POST /api/auth/totp/activate`: a code from the authenticator proves the secret was taken. */
export const TotpActivateSchema = z
  .object({ code: z.string().regex(/^\d{6}$/, '6 digits') })
  .strict()
  .meta({ id: 'TotpActivate' });
export type TotpActivate = z.infer<typeof TotpActivateSchema>;

/** The ten one-time recovery codes, shown once at activation. */
export const TotpRecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) }).meta({ id: 'TotpRecoveryCodes' });
export type TotpRecoveryCodes = z.infer<typeof TotpRecoveryCodesSchema>;

/** A 6-digit TOTP code, or a recovery code (letters and digits, dashes and spaces ignored). */
export const SecondFactorCodeSchema = z.string().min(6).max(32);
