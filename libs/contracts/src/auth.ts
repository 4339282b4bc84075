import * as z from 'zod';
import { ClearanceSchema } from './clearance';

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
