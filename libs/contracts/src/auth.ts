import * as z from 'zod';
import { ClearanceSchema } from './clearance';
import { EnrolmentRequiredSchema } from './second-factor';

/** The six roles; 三员分立: sysadmin, secadmin and auditor are held by different people. */
export const ROLES = ['clerk', 'leader', 'workflow_admin', 'system_admin', 'security_admin', 'auditor'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS_ZH: Record<Role, string> = {
  clerk: '文书',
  leader: '领导',
  workflow_admin: '流程管理员',
  system_admin: '系统管理员',
  security_admin: '安全保密管理员',
  auditor: '安全审计员',
};

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

/** The password rule, in Chinese, as the client explains it (the server's check is password-policy.ts). */
export const PASSWORD_RULE_ZH = '新密码至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类，且不得包含用户名';
