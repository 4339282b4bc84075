/** Error codes (→ HTTP status) of In-app notifications and their event stream. */
export const NOTIFICATION_ERROR_CODES = {
  NOTIFICATION_NOT_FOUND: 404,
} as const;

/** Chinese text the client shows for each of them. */
export const NOTIFICATION_ERROR_MESSAGES_ZH: Record<keyof typeof NOTIFICATION_ERROR_CODES, string> = {
  NOTIFICATION_NOT_FOUND: '消息不存在',
};
