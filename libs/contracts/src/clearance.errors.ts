/** Error codes (→ HTTP status) of clearances. */
export const CLEARANCE_ERROR_CODES = {
  CLEARANCE_OWN_FORBIDDEN: 403,
} as const;

export const CLEARANCE_ERROR_MESSAGES_ZH: Record<keyof typeof CLEARANCE_ERROR_CODES, string> = {
  CLEARANCE_OWN_FORBIDDEN: '不能设定本人的涉密等级',
};
