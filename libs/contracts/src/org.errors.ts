/** Error codes (→ HTTP status) of organizations, users and groups. */
export const ORG_ERROR_CODES = {
  ORG_NOT_FOUND: 404,
  ORG_CODE_TAKEN: 409,
  ORG_PARENT_CYCLE: 422,
  USER_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  PASSWORD_TOO_WEAK: 422,
  ROLE_SEPARATION: 422,
  GROUP_NOT_FOUND: 422,
  SELF_ADMINISTRATION: 403,
  LAST_ADMIN: 409,
} as const;

/** Chinese text the client shows for each of them. */
export const ORG_ERROR_MESSAGES_ZH: Record<keyof typeof ORG_ERROR_CODES, string> = {
  ORG_NOT_FOUND: '机构不存在',
  ORG_CODE_TAKEN: '机构代码已被使用',
  ORG_PARENT_CYCLE: '上级机构不能是其自身或下级机构',
  USER_NOT_FOUND: '用户不存在',
  USERNAME_TAKEN: '用户名已被使用（用户名不可重复使用）',
  PASSWORD_TOO_WEAK: '密码强度不足：至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类，且不得包含用户名',
  ROLE_SEPARATION: '三员分立：系统管理员、安全保密管理员、安全审计员不能由同一人兼任',
  GROUP_NOT_FOUND: '用户组不存在',
  SELF_ADMINISTRATION: '管理员不能更改本人的角色、用户组或密码，也不能停用本人账号',
  LAST_ADMIN: '该用户是最后一名在用的系统管理员、安全保密管理员或安全审计员，不能停用或撤销其角色',
};
