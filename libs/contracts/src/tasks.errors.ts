/** Error codes (→ HTTP status) of the inbox and plain task operations (签收, 办理); approval operations are in approvals.errors.ts. */
export const TASK_ERROR_CODES = {
  TASK_NOT_FOUND: 404,
  TASK_NOT_OPEN: 409,
  TASK_NOT_YOURS: 403,
  TASK_ALREADY_CLAIMED: 409,
} as const;

/** Chinese text the client shows for each of them. */
export const TASK_ERROR_MESSAGES_ZH: Record<keyof typeof TASK_ERROR_CODES, string> = {
  TASK_NOT_FOUND: '待办事项不存在',
  TASK_NOT_OPEN: '该事项已办理或已取消',
  TASK_NOT_YOURS: '该事项不由您办理',
  TASK_ALREADY_CLAIMED: '该事项已被他人签收',
};
