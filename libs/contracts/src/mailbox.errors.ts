/** Error codes (→ HTTP status) of the leader mailbox (领导信箱). */
export const MAILBOX_ERROR_CODES = {
  LETTER_NOT_FOUND: 404,
  LETTER_NOT_IN_STEP: 409,
  LETTER_NOT_YOURS: 403,
  LETTER_EXTENSION_LIMIT: 422,
  CAPTCHA_REQUIRED: 422,
  CAPTCHA_INVALID: 422,
} as const;

/** Chinese text the client shows for each of them. */
export const MAILBOX_ERROR_MESSAGES_ZH: Record<keyof typeof MAILBOX_ERROR_CODES, string> = {
  LETTER_NOT_FOUND: '来信不存在，请核对查询码',
  LETTER_NOT_IN_STEP: '该来信当前不在此办理环节',
  LETTER_NOT_YOURS: '该来信的此环节不由您办理',
  LETTER_EXTENSION_LIMIT: '延期后办理时限将超过 15 个工作日，不能延期',
  CAPTCHA_REQUIRED: '请填写验证码',
  CAPTCHA_INVALID: '验证码错误或已过期，请刷新后重新输入',
};
