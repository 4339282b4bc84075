/** Error codes (→ HTTP status) of jobs (timers, async continuations, retries). */
export const JOB_ERROR_CODES = {
  JOB_NOT_FOUND: 404,
} as const;

/** Chinese text the client shows for each of them. */
export const JOB_ERROR_MESSAGES_ZH: Record<keyof typeof JOB_ERROR_CODES, string> = {
  JOB_NOT_FOUND: '作业不存在',
};
