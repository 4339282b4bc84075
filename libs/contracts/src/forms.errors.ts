/** Error codes (→ HTTP status) of the task forms. */
export const FORM_ERROR_CODES = {
  FORM_NOT_FOUND: 404,
  FORM_SCHEMA_INVALID: 400,
  FORM_SCHEMA_TOO_LARGE: 413,
} as const;

/** Chinese text the client shows for each of them. */
export const FORM_ERROR_MESSAGES_ZH: Record<keyof typeof FORM_ERROR_CODES, string> = {
  FORM_NOT_FOUND: '表单不存在，请检查表单标识',
  FORM_SCHEMA_INVALID: '表单内容不是有效的表单定义（嵌套过深或含有不允许的字段）',
  FORM_SCHEMA_TOO_LARGE: '表单内容过大（不能超过 256 KB）',
};
