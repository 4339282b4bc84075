/** Error codes (→ HTTP status) of proxies (代理): a deputy for a principal's new tasks during a date window. */
export const PROXY_ERROR_CODES = {
  PROXY_INVALID_WINDOW: 422,
  PROXY_NOT_FOUND: 404,
  PROXY_REASON_REQUIRED: 422,
  PROXY_SELF_APPOINTMENT: 403,
  PROXY_DEPUTY_OUTSIDE_ORG: 422,
  PROXY_DEPUTY_LACKS_ROLE: 422,
} as const;

/** Chinese text the client shows for each of them. */
export const PROXY_ERROR_MESSAGES_ZH: Record<keyof typeof PROXY_ERROR_CODES, string> = {
  PROXY_INVALID_WINDOW: '代理的结束时间应晚于开始时间，且代理人不能是本人',
  PROXY_NOT_FOUND: '没有有效的代理设置',
  PROXY_REASON_REQUIRED: '为他人设置代理须填写理由',
  PROXY_SELF_APPOINTMENT: '不能为他人设置代理并指定自己为代理人',
  PROXY_DEPUTY_OUTSIDE_ORG: '代理人须为被代理人所在单位或其上级单位的人员',
  PROXY_DEPUTY_LACKS_ROLE: '代理人须具有被代理人的角色（领导由领导代理，文书由文书代理）',
};
