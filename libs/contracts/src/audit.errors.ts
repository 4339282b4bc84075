/** Error codes (→ HTTP status) of the audit trail's archiving (归档) and anchors. */
export const AUDIT_ERROR_CODES = {
  /** the cut-off would archive an event younger than the retention period (网络安全法 §21: at least 180 days) */
  AUDIT_RETENTION: 422,
  /** no event before the cut-off is left to archive */
  AUDIT_ARCHIVE_EMPTY: 422,
  /** the events to archive no longer verify: an archive must not launder a broken chain */
  AUDIT_ARCHIVE_CHAIN_BROKEN: 409,
  /** another archive of the same events committed first */
  AUDIT_ARCHIVE_CONFLICT: 409,
  AUDIT_ANCHOR_NOT_FOUND: 404,
  /** the anchor's archive file is no longer in the file store */
  AUDIT_ARCHIVE_FILE_MISSING: 404,
} as const;

/** Chinese text the client shows for each of them. */
export const AUDIT_ERROR_MESSAGES_ZH: Record<keyof typeof AUDIT_ERROR_CODES, string> = {
  AUDIT_RETENTION: '审计日志须至少保存 180 天（《网络安全法》第二十一条），只能归档保存期限以前的记录',
  AUDIT_ARCHIVE_EMPTY: '所选日期之前没有可归档的审计记录',
  AUDIT_ARCHIVE_CHAIN_BROKEN: '待归档的审计记录未通过完整性校验，不能归档，请先查明被改动的记录',
  AUDIT_ARCHIVE_CONFLICT: '另一次归档刚刚完成，请刷新后重试',
  AUDIT_ANCHOR_NOT_FOUND: '归档锚点不存在',
  AUDIT_ARCHIVE_FILE_MISSING: '归档文件已不在文件存储中',
};
