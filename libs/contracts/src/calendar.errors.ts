/** Error codes (→ HTTP status) of the working-day calendar. */
export const CALENDAR_ERROR_CODES = {
  CALENDAR_INVALID_DATE: 400,
  CALENDAR_INVALID_WORKDAYS: 400,
  CALENDAR_YEAR_UNKNOWN: 422,
  CALENDAR_DAY_OUTSIDE_YEAR: 422,
  CALENDAR_DUPLICATE_DAY: 422,
  CALENDAR_OVERRIDE_NOT_FOUND: 404,
} as const;

/** Chinese text the client shows for each of them. */
export const CALENDAR_ERROR_MESSAGES_ZH: Record<keyof typeof CALENDAR_ERROR_CODES, string> = {
  CALENDAR_INVALID_DATE: '日期格式不正确，应为带时区的 ISO 8601 日期时间或 YYYY-MM-DD 日期',
  CALENDAR_INVALID_WORKDAYS: '工作日天数应为 0 至 365 之间的整数',
  CALENDAR_YEAR_UNKNOWN: '内置节假日数据不含该年份，请按国务院办公厅通知逐日录入后导入',
  CALENDAR_DAY_OUTSIDE_YEAR: '导入的日期不属于所导入的年份',
  CALENDAR_DUPLICATE_DAY: '导入的日期有重复',
  CALENDAR_OVERRIDE_NOT_FOUND: '该日期没有本地调整，无需删除',
};
