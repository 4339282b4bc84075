import * as z from 'zod';
import { ClearanceSchema } from './clearance';
import { ROLES } from './roles';
import { EnrolmentRequiredSchema } from './second-factor';

export const RoleSchema = z.enum(ROLES);

export const LoginRequestSchema = z
  .object({
    username: z.string().min(1).max(64),
    password: z.string().min(1).max(256),
    /** the authenticator's 6-digit code, or a recovery code, when the account has a second factor */
    totp: z.string().min(1).max(32).optional(),
  })
  .strict()
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const SessionUserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    orgId: z.string(),
    orgName: z.string(),
    position: z.string().nullable(),
    roles: z.array(RoleSchema),
    /** 涉密等级 (none | general | important | core); absent counts as none */
    clearance: ClearanceSchema.optional(),
  })
  .meta({ id: 'SessionUser' });
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const LoginResponseSchema = z
  .object({
    accessToken: z.string(),
    expiresAt: z.string(),
    user: SessionUserSchema,
  })
  .meta({ id: 'LoginResponse' });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/**
 * The answer to a sign-in whose account must change its password first (a new account's
 * initial password, or one the security admin reset): the token is good only for
 * `POST /api/auth/password`.
 */
export const PasswordChangeRequiredSchema = z
  .object({
    passwordChangeRequired: z.literal(true),
    accessToken: z.string(),
    expiresAt: z.string(),
    /** `expired`: the password outlived its maximum age (LIUZHUAN_PASSWORD_MAX_AGE_DAYS); absent for a one-time password */
    reason: z.enum(['expired']).optional(),
  })
  .meta({ id: 'PasswordChangeRequired' });
export type PasswordChangeRequired = z.infer<typeof PasswordChangeRequiredSchema>;

/** What `POST /api/auth/login` answers with 200. */
export const LoginResultSchema = z
  .union([LoginResponseSchema, PasswordChangeRequiredSchema, EnrolmentRequiredSchema])
  .meta({ id: 'LoginResult' });
export type LoginResult = z.infer<typeof LoginResultSchema>;

/** Self-service password change: the current password and the new one (rule: password-policy.ts on the server). */
export const ChangePasswordSchema = z
  .object({
    current: z.string().min(1).max(256),
    next: z.string().min(1).max(128),
  })
  .strict()
  .meta({ id: 'ChangePassword' });
export type ChangePassword = z.infer<typeof ChangePasswordSchema>;
