import { HttpErrorResponse } from '@angular/common/http';
import { ApiError, ERROR_MESSAGES_ZH } from '@liuzhuan/contracts';
import type { I18nService } from '../i18n/i18n.service';

/** The `{code, message, details?}` body of a failed API call, or null for anything else. */
export function toApiError(error: unknown): ApiError | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const body: unknown = error.error;
  if (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as ApiError).code === 'string' &&
    typeof (body as ApiError).message === 'string'
  ) {
    return body as ApiError;
  }
  return null;
}

/**
 * Text for the user: the Chinese text of the error code (the API's `message` is English and
 * meant for developers), the API message in English, a generic text for unknown codes.
 */
export function apiErrorText(error: unknown, i18n: I18nService): string {
  const apiError = toApiError(error);
  if (!apiError) {
    const offline = error instanceof HttpErrorResponse && error.status === 0;
    return i18n.t(offline ? 'error.network' : 'error.generic');
  }
  if (!i18n.isChinese()) return apiError.message || i18n.t('error.generic');
  return (ERROR_MESSAGES_ZH as Record<string, string>)[apiError.code] ?? i18n.t('error.generic');
}
