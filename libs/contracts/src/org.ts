import * as z from 'zod';
import { RoleSchema } from './auth';
import { ClearanceSchema } from './clearance';

export const ORG_KINDS = ['government', 'office', 'department', 'county'] as const;
export const OrgKindSchema = z.enum(ORG_KINDS);
export type OrgKind = z.infer<typeof OrgKindSchema>;

export const OrgSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    code: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    kind: OrgKindSchema,
    sortOrder: z.number().int(),
  })
  .meta({ id: 'Org' });
export type Org = z.infer<typeof OrgSchema>;

export const OrgListSchema = z.object({ items: z.array(OrgSchema) }).meta({ id: 'OrgList' });

/** A group (用户组) by its Chinese name: a task's candidate group `office-clerks` is shown as 市政府办公室文书. */
export const GroupSchema = z.object({ id: z.string(), name: z.string() }).meta({ id: 'Group' });
export type Group = z.infer<typeof GroupSchema>;
export const GroupListSchema = z.array(GroupSchema).meta({ id: 'GroupList' });
export type GroupList = z.infer<typeof GroupListSchema>;

export const CreateOrgSchema = z
  .object({
    parentId: z.string().max(40).nullable(),
    code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
    name: z.string().min(1).max(100),
    shortName: z.string().max(40).nullable().optional(),
    kind: OrgKindSchema,
    sortOrder: z.number().int().min(0).max(100000).optional(),
  })
  .strict()
  .meta({ id: 'CreateOrg' });
export type CreateOrg = z.infer<typeof CreateOrgSchema>;

export const UpdateOrgSchema = CreateOrgSchema.omit({ code: true }).partial().strict().meta({ id: 'UpdateOrg' });
export type UpdateOrg = z.infer<typeof UpdateOrgSchema>;

export const UserSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    pinyin: z.string(),
    initials: z.string(),
    orgId: z.string(),
    position: z.string().nullable(),
    roles: z.array(RoleSchema),
    groups: z.array(z.string()),
    enabled: z.boolean(),
    /** must change the password at the next sign-in (a new account, or a reset) */
    mustChangePassword: z.boolean(),
    /** locked by failed sign-ins until then (ISO time); null when not locked (the security admin unlocks) */
    lockedUntil: z.string().nullable().optional(),
    /** 涉密等级, set only by the security admin (PUT /users/:id/clearance) */
    clearance: ClearanceSchema,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof UserSchema>;

export const UserListSchema = z.object({ items: z.array(UserSchema), total: z.number().int() }).meta({ id: 'UserList' });
export type UserList = z.infer<typeof UserListSchema>;

export const UserQuerySchema = z
  .object({
    q: z.string().max(50).optional(),
    orgId: z.string().max(40).optional(),
    role: RoleSchema.optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type UserQuery = z.infer<typeof UserQuerySchema>;

const USERNAME = z.string().regex(/^[a-z][a-z0-9_.-]{1,31}$/, 'lowercase letters, digits, _ . - ; 2–32 characters');

/**
 * A new account (system admin). No password and no groups: the server generates a one-time
 * initial password, and groups carry approval authority, so they are the security admin's
 * (`PUT /api/users/:id/groups`).
 */
export const CreateUserSchema = z
  .object({
    username: USERNAME,
    displayName: z.string().min(1).max(40),
    orgId: z.string().max(40),
    position: z.string().max(40).nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateUser' });
export type CreateUser = z.infer<typeof CreateUserSchema>;

/** The 201 answer to a new account: the user and, this once, the initial password (never stored in clear, never shown again). */
export const CreatedUserSchema = UserSchema.extend({ initialPassword: z.string() }).meta({ id: 'CreatedUser' });
export type CreatedUser = z.infer<typeof CreatedUserSchema>;

/** Name, organization and position (system admin); no password, no groups, no roles. */
export const UpdateUserSchema = z
  .object({
    displayName: z.string().min(1).max(40),
    orgId: z.string().max(40),
    position: z.string().max(40).nullable(),
  })
  .partial()
  .strict()
  .meta({ id: 'UpdateUser' });
export type UpdateUser = z.infer<typeof UpdateUserSchema>;

/** Group membership is approval authority (批示, 签发, 会签): set by the security admin only, never for themselves. */
export const SetGroupsSchema = z
  .object({ groups: z.array(z.string().max(64)).max(50) })
  .strict()
  .meta({ id: 'SetGroups' });
export type SetGroups = z.infer<typeof SetGroupsSchema>;

/** The security admin's password reset: a temporary password shown this once; every session of the user ends. */
export const PasswordResetSchema = z.object({ temporaryPassword: z.string() }).meta({ id: 'PasswordReset' });
export type PasswordReset = z.infer<typeof PasswordResetSchema>;

/** Roles are granted by the security admin only (三员分立: the system admin creates users). */
export const SetRolesSchema = z
  .object({ roles: z.array(RoleSchema).max(6) })
  .strict()
  .meta({ id: 'SetRoles' });
export type SetRoles = z.infer<typeof SetRolesSchema>;

export const IdParamSchema = z.string().regex(/^[0-9a-z]{26}$/, 'not a valid id');
