/** Error codes (→ HTTP status) of Approval operations (退回, 撤回, 转办, 加签, 代理, 催办, 抄送), opinions and common phrases. */
export const APPROVAL_ERROR_CODES = {} as const;

/** Chinese text the client shows for each of them. */
export const APPROVAL_ERROR_MESSAGES_ZH: Record<keyof typeof APPROVAL_ERROR_CODES, string> = {};
