/** Error codes (→ HTTP status) of Official documents (公文), document numbers, attachments and 传阅. */
export const DOCUMENT_ERROR_CODES = {} as const;

/** Chinese text the client shows for each of them. */
export const DOCUMENT_ERROR_MESSAGES_ZH: Record<keyof typeof DOCUMENT_ERROR_CODES, string> = {};
