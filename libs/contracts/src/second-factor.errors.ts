/** Error codes (→ HTTP status) of the second factor at sign-in. */
export const SECOND_FACTOR_ERROR_CODES = {
  AUTH_TOTP_REQUIRED: 401,
  AUTH_TOTP_INVALID: 401,
  AUTH_TOTP_ENROLMENT_REQUIRED: 403,
  TOTP_ALREADY_ACTIVE: 409,
  TOTP_NOT_ENROLLED: 409,
  TOTP_CODE_WRONG: 422,
} as const;

/** Chinese text the client shows for each of them. */
export const SECOND_FACTOR_ERROR_MESSAGES_ZH: Record<keyof typeof SECOND_FACTOR_ERROR_CODES, string> = {
  AUTH_TOTP_REQUIRED: '请输入身份验证器上的 6 位动态验证码',
  AUTH_TOTP_INVALID: '动态验证码或恢复码不正确',
  AUTH_TOTP_ENROLMENT_REQUIRED: '请先绑定双因素认证（身份验证器）',
  TOTP_ALREADY_ACTIVE: '已绑定双因素认证；如需更换，请联系安全保密管理员重置',
  TOTP_NOT_ENROLLED: '请先获取密钥并在身份验证器中添加',
  TOTP_CODE_WRONG: '验证码不正确，请核对手机时间后重试',
};
