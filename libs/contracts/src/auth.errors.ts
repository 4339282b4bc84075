/** Error codes (→ HTTP status) of sign-in, sessions and roles (三员分立). */
export const AUTH_ERROR_CODES = {
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_SESSION_EXPIRED: 401,
  AUTH_USER_DISABLED: 401,
  AUTH_ACCOUNT_LOCKED: 401,
  FORBIDDEN_ROLE: 403,
  AUTH_PASSWORD_CHANGE_REQUIRED: 403,
  AUTH_CURRENT_PASSWORD_WRONG: 422,
  PASSWORD_UNCHANGED: 422,
  PASSWORD_REUSED: 422,
} as const;

/** Chinese text the client shows for each of them. */
export const AUTH_ERROR_MESSAGES_ZH: Record<keyof typeof AUTH_ERROR_CODES, string> = {
  AUTH_REQUIRED: '请先登录',
  AUTH_INVALID_CREDENTIALS: '用户名或密码错误',
  AUTH_SESSION_EXPIRED: '登录已过期，请重新登录',
  AUTH_USER_DISABLED: '该账号已停用',
  AUTH_ACCOUNT_LOCKED: '登录失败次数过多，账号已暂时锁定',
  FORBIDDEN_ROLE: '您没有执行此操作的权限',
  AUTH_PASSWORD_CHANGE_REQUIRED: '请先修改密码：初始密码或重置后的临时密码只能用于修改密码',
  AUTH_CURRENT_PASSWORD_WRONG: '当前密码不正确',
  PASSWORD_UNCHANGED: '新密码不能与当前密码相同',
  PASSWORD_REUSED: '新密码不能与最近使用过的密码相同',
};
