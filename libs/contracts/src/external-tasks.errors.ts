/** Error codes (→ HTTP status) of external tasks (外部任务), fetched and completed by workers with an API key. */
export const EXTERNAL_TASK_ERROR_CODES = {
  EXTERNAL_TASK_NOT_FOUND: 404,
  EXTERNAL_TASK_NOT_LOCKED: 409,
  API_KEY_INVALID: 401,
} as const;

/** Chinese text the client shows for each of them. */
export const EXTERNAL_TASK_ERROR_MESSAGES_ZH: Record<keyof typeof EXTERNAL_TASK_ERROR_CODES, string> = {
  EXTERNAL_TASK_NOT_FOUND: '外部任务不存在',
  EXTERNAL_TASK_NOT_LOCKED: '外部任务未被该执行器锁定或锁定已过期',
  API_KEY_INVALID: 'API 密钥无效或已吊销',
};
