import { APPROVAL_ERROR_CODES, APPROVAL_ERROR_MESSAGES_ZH } from './approvals.errors';
import { DOCUMENT_ERROR_CODES, DOCUMENT_ERROR_MESSAGES_ZH } from './documents.errors';
import { NOTIFICATION_ERROR_CODES, NOTIFICATION_ERROR_MESSAGES_ZH } from './notifications.errors';
import { MAILBOX_ERROR_CODES, MAILBOX_ERROR_MESSAGES_ZH } from './mailbox.errors';
import { FORM_ERROR_CODES, FORM_ERROR_MESSAGES_ZH } from './forms.errors';

/**
 * Stable error codes of the HTTP API. Each error response is
 * `{ code, message, details? }`; `code` never changes once released, `message` is English,
 * and the client shows the Chinese text from {@link ERROR_MESSAGES_ZH}.
 */
const CORE_ERROR_CODES = {
  // generic
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
  // auth
  AUTH_REQUIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_SESSION_EXPIRED: 401,
  AUTH_USER_DISABLED: 401,
  AUTH_ACCOUNT_LOCKED: 401,
  FORBIDDEN_ROLE: 403,
  // org
  ORG_NOT_FOUND: 404,
  ORG_CODE_TAKEN: 409,
  ORG_PARENT_CYCLE: 422,
  USER_NOT_FOUND: 404,
  USERNAME_TAKEN: 409,
  PASSWORD_TOO_WEAK: 422,
  ROLE_SEPARATION: 422,
  GROUP_NOT_FOUND: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  // calendar
  CALENDAR_INVALID_DATE: 400,
  CALENDAR_INVALID_WORKDAYS: 400,
  CALENDAR_YEAR_UNKNOWN: 422,
  CALENDAR_DAY_OUTSIDE_YEAR: 422,
  CALENDAR_DUPLICATE_DAY: 422,
  CALENDAR_OVERRIDE_NOT_FOUND: 404,
  // runtime: definitions, instances, tasks, jobs
  BPMN_INVALID: 422,
  DEFINITION_NOT_FOUND: 404,
  PROCESS_NOT_EXECUTABLE: 422,
  INSTANCE_NOT_FOUND: 404,
  INSTANCE_NOT_ACTIVE: 409,
  INCIDENT_NOT_FOUND: 404,
  TASK_NOT_FOUND: 404,
  TASK_NOT_OPEN: 409,
  TASK_NOT_YOURS: 403,
  TASK_ALREADY_CLAIMED: 409,
  JOB_NOT_FOUND: 404,
  MESSAGE_NOT_CORRELATED: 404,
  COMMAND_REJECTED: 409,
  COMMAND_INVALID: 422,
  CONCURRENT_UPDATE: 409,
  EXTERNAL_TASK_NOT_FOUND: 404,
  EXTERNAL_TASK_NOT_LOCKED: 409,
  API_KEY_INVALID: 401,
} as const;

export const ERROR_CODES = {
  ...CORE_ERROR_CODES,
  ...APPROVAL_ERROR_CODES,
  ...DOCUMENT_ERROR_CODES,
  ...NOTIFICATION_ERROR_CODES,
  ...MAILBOX_ERROR_CODES,
  ...FORM_ERROR_CODES,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Every error body the API returns. */
export interface ApiError {
  code: ErrorCode | string;
  message: string;
  details?: unknown;
}

/** Chinese text the client shows for each code. */
export const ERROR_MESSAGES_ZH: Record<ErrorCode, string> = {
  ...APPROVAL_ERROR_MESSAGES_ZH,
  ...DOCUMENT_ERROR_MESSAGES_ZH,
  ...NOTIFICATION_ERROR_MESSAGES_ZH,
  ...MAILBOX_ERROR_MESSAGES_ZH,
  ...FORM_ERROR_MESSAGES_ZH,
  VALIDATION_FAILED: '提交的内容不符合要求，请检查后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  NOT_FOUND: '请求的对象不存在',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL_ERROR: '系统内部错误，请联系管理员',
  AUTH_REQUIRED: '请先登录',
  AUTH_INVALID_CREDENTIALS: '用户名或密码错误',
  AUTH_SESSION_EXPIRED: '登录已过期，请重新登录',
  AUTH_USER_DISABLED: '该账号已停用',
  AUTH_ACCOUNT_LOCKED: '登录失败次数过多，账号已暂时锁定',
  FORBIDDEN_ROLE: '您没有执行此操作的权限',
  ORG_NOT_FOUND: '机构不存在',
  ORG_CODE_TAKEN: '机构代码已被使用',
  ORG_PARENT_CYCLE: '上级机构不能是其自身或下级机构',
  USER_NOT_FOUND: '用户不存在',
  USERNAME_TAKEN: '用户名已被使用（用户名不可重复使用）',
  PASSWORD_TOO_WEAK: '密码强度不足：至少 8 位，并包含大小写字母、数字和符号中的三类',
  ROLE_SEPARATION: '三员分立：系统管理员、安全保密管理员、安全审计员不能由同一人兼任',
  GROUP_NOT_FOUND: '用户组不存在',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  CALENDAR_INVALID_DATE: '日期格式不正确，应为带时区的 ISO 8601 日期时间或 YYYY-MM-DD 日期',
  CALENDAR_INVALID_WORKDAYS: '工作日天数应为 0 至 365 之间的整数',
  CALENDAR_YEAR_UNKNOWN: '内置节假日数据不含该年份，请按国务院办公厅通知逐日录入后导入',
  CALENDAR_DAY_OUTSIDE_YEAR: '导入的日期不属于所导入的年份',
  CALENDAR_DUPLICATE_DAY: '导入的日期有重复',
  CALENDAR_OVERRIDE_NOT_FOUND: '该日期没有本地调整，无需删除',
  BPMN_INVALID: '流程定义文件有错误，无法部署',
  DEFINITION_NOT_FOUND: '流程定义不存在',
  PROCESS_NOT_EXECUTABLE: '该流程未标记为可执行，不能发起',
  INSTANCE_NOT_FOUND: '流程实例不存在',
  INSTANCE_NOT_ACTIVE: '流程已结束，不能再办理',
  INCIDENT_NOT_FOUND: '该异常不存在或已处理',
  TASK_NOT_FOUND: '待办事项不存在',
  TASK_NOT_OPEN: '该事项已办理或已取消',
  TASK_NOT_YOURS: '该事项不由您办理',
  TASK_ALREADY_CLAIMED: '该事项已被他人签收',
  JOB_NOT_FOUND: '作业不存在',
  MESSAGE_NOT_CORRELATED: '没有等待该消息的流程',
  COMMAND_REJECTED: '流程当前状态不允许该操作',
  COMMAND_INVALID: '操作不符合流程定义',
  CONCURRENT_UPDATE: '流程正被他人同时办理，请稍后重试',
  EXTERNAL_TASK_NOT_FOUND: '外部任务不存在',
  EXTERNAL_TASK_NOT_LOCKED: '外部任务未被该执行器锁定或锁定已过期',
  API_KEY_INVALID: 'API 密钥无效或已吊销',
};
