/** Error codes (→ HTTP status) of external tasks (外部任务), fetched and completed by workers with an API key. */
export const EXTERNAL_TASK_ERROR_CODES = {
  EXTERNAL_TASK_NOT_FOUND: 404,
  EXTERNAL_TASK_NOT_LOCKED: 409,
  EXTERNAL_TASK_LOCKED_BY_OTHER: 409,
  EXTERNAL_TASK_WORKER_ID_REQUIRED: 422,
  EXTERNAL_TASK_VARIABLE_RESERVED: 422,
  API_KEY_INVALID: 401,
  API_KEY_REVOKED: 401,
  API_KEY_EXPIRED: 401,
  API_KEY_TOPIC_FORBIDDEN: 403,
  API_KEY_NOT_FOUND: 404,
  API_KEY_EXPIRY_INVALID: 422,
} as const;

/** Chinese text the client shows for each of them. */
export const EXTERNAL_TASK_ERROR_MESSAGES_ZH: Record<keyof typeof EXTERNAL_TASK_ERROR_CODES, string> = {
  EXTERNAL_TASK_NOT_FOUND: '外部任务不存在',
  EXTERNAL_TASK_NOT_LOCKED: '外部任务未被锁定或锁定已过期',
  EXTERNAL_TASK_LOCKED_BY_OTHER: '外部任务已被其他执行器锁定',
  EXTERNAL_TASK_WORKER_ID_REQUIRED: '请提供执行器标识（workerId）',
  EXTERNAL_TASK_VARIABLE_RESERVED: '外部执行器不能设置系统保留的流程变量',
  API_KEY_INVALID: 'API 密钥无效',
  API_KEY_REVOKED: 'API 密钥已吊销',
  API_KEY_EXPIRED: 'API 密钥已过期',
  API_KEY_TOPIC_FORBIDDEN: '该 API 密钥无权处理此主题的外部任务',
  API_KEY_NOT_FOUND: 'API 密钥不存在',
  API_KEY_EXPIRY_INVALID: '有效期须晚于当前时间，且不超过三年',
};
