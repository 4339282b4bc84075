import { AUTH_ERROR_CODES, AUTH_ERROR_MESSAGES_ZH } from './auth.errors';
import { ORG_ERROR_CODES, ORG_ERROR_MESSAGES_ZH } from './org.errors';
import { CALENDAR_ERROR_CODES, CALENDAR_ERROR_MESSAGES_ZH } from './calendar.errors';
import { DEFINITION_ERROR_CODES, DEFINITION_ERROR_MESSAGES_ZH } from './definitions.errors';
import { RUNTIME_ERROR_CODES, RUNTIME_ERROR_MESSAGES_ZH } from './runtime.errors';
import { TASK_ERROR_CODES, TASK_ERROR_MESSAGES_ZH } from './tasks.errors';
import { JOB_ERROR_CODES, JOB_ERROR_MESSAGES_ZH } from './jobs.errors';
import { EXTERNAL_TASK_ERROR_CODES, EXTERNAL_TASK_ERROR_MESSAGES_ZH } from './external-tasks.errors';
import { APPROVAL_ERROR_CODES, APPROVAL_ERROR_MESSAGES_ZH } from './approvals.errors';
import { PROXY_ERROR_CODES, PROXY_ERROR_MESSAGES_ZH } from './proxies.errors';
import { DOCUMENT_ERROR_CODES, DOCUMENT_ERROR_MESSAGES_ZH } from './documents.errors';
import { NOTIFICATION_ERROR_CODES, NOTIFICATION_ERROR_MESSAGES_ZH } from './notifications.errors';
import { MAILBOX_ERROR_CODES, MAILBOX_ERROR_MESSAGES_ZH } from './mailbox.errors';
import { FORM_ERROR_CODES, FORM_ERROR_MESSAGES_ZH } from './forms.errors';
import { CLEARANCE_ERROR_CODES, CLEARANCE_ERROR_MESSAGES_ZH } from './clearance.errors';
import { SECOND_FACTOR_ERROR_CODES, SECOND_FACTOR_ERROR_MESSAGES_ZH } from './second-factor.errors';
import { AUDIT_ERROR_CODES, AUDIT_ERROR_MESSAGES_ZH } from './audit.errors';

/**
 * Stable error codes of the HTTP API. Each error response is
 * `{ code, message, details? }`; `code` never changes once released, `message` is English,
 * and the client shows the Chinese text from {@link ERROR_MESSAGES_ZH}. Each module's codes are in
 * its own `<module>.errors.ts`; only the generic ones are here.
 */
const CORE_ERROR_CODES = {
  VALIDATION_FAILED: 400,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL_ERROR: 500,
} as const;

export const ERROR_CODES = {
  ...CORE_ERROR_CODES,
  ...AUTH_ERROR_CODES,
  ...ORG_ERROR_CODES,
  ...CALENDAR_ERROR_CODES,
  ...DEFINITION_ERROR_CODES,
  ...RUNTIME_ERROR_CODES,
  ...TASK_ERROR_CODES,
  ...JOB_ERROR_CODES,
  ...EXTERNAL_TASK_ERROR_CODES,
  ...APPROVAL_ERROR_CODES,
  ...PROXY_ERROR_CODES,
  ...DOCUMENT_ERROR_CODES,
  ...NOTIFICATION_ERROR_CODES,
  ...MAILBOX_ERROR_CODES,
  ...FORM_ERROR_CODES,
  ...CLEARANCE_ERROR_CODES,
  ...SECOND_FACTOR_ERROR_CODES,
  ...AUDIT_ERROR_CODES,
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
  ...AUTH_ERROR_MESSAGES_ZH,
  ...ORG_ERROR_MESSAGES_ZH,
  ...CALENDAR_ERROR_MESSAGES_ZH,
  ...DEFINITION_ERROR_MESSAGES_ZH,
  ...RUNTIME_ERROR_MESSAGES_ZH,
  ...TASK_ERROR_MESSAGES_ZH,
  ...JOB_ERROR_MESSAGES_ZH,
  ...EXTERNAL_TASK_ERROR_MESSAGES_ZH,
  ...APPROVAL_ERROR_MESSAGES_ZH,
  ...PROXY_ERROR_MESSAGES_ZH,
  ...DOCUMENT_ERROR_MESSAGES_ZH,
  ...NOTIFICATION_ERROR_MESSAGES_ZH,
  ...MAILBOX_ERROR_MESSAGES_ZH,
  ...FORM_ERROR_MESSAGES_ZH,
  ...CLEARANCE_ERROR_MESSAGES_ZH,
  ...SECOND_FACTOR_ERROR_MESSAGES_ZH,
  ...AUDIT_ERROR_MESSAGES_ZH,
  VALIDATION_FAILED: '提交的内容不符合要求，请检查后重试',
  PAYLOAD_TOO_LARGE: '提交的内容过大',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  NOT_FOUND: '请求的对象不存在',
  RATE_LIMITED: '操作过于频繁，请稍后再试',
  INTERNAL_ERROR: '系统内部错误，请联系管理员',
};
