/** Error codes (→ HTTP status) of proxies (代理): a deputy for a principal's new tasks during a date window. */
export const PROXY_ERROR_CODES = {
  PROXY_INVALID_WINDOW: 422,
  PROXY_NOT_FOUND: 404,
} as const;

/** Chinese text the client shows for each of them. */
export const PROXY_ERROR_MESSAGES_ZH: Record<keyof typeof PROXY_ERROR_CODES, string> = {
  PROXY_INVALID_WINDOW: '代理的结束时间应晚于开始时间，且代理人不能是本人',
  PROXY_NOT_FOUND: '没有有效的代理设置',
};
