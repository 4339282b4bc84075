import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { Injector, inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { I18nService } from '../i18n/i18n.service';
import { apiErrorText } from './api-error';
import { showMessage } from './lazy-message';
import { SKIP_AUTH_REDIRECT, SKIP_ERROR_MESSAGE, isApiRequest } from './http-context';

const toldElsewhere = (error: HttpErrorResponse, method: string, noRedirect: boolean) =>
  (error.status === 0 && method === 'GET') || (error.status === 401 && !noRedirect);

/**
 * One place that tells the user an API call failed; callers can opt out with SKIP_ERROR_MESSAGE.
 * Two failures are told elsewhere, once: a read that found no network (the shell's offline
 * banner, while the read is retried) and a 401 (the auth interceptor's 会话已过期).
 */
export const errorInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiRequest(req.url) || req.context.get(SKIP_ERROR_MESSAGE)) return next(req);
  const injector = inject(Injector);
  const i18n = inject(I18nService);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && !toldElsewhere(error, req.method, req.context.get(SKIP_AUTH_REDIRECT)))
        void showMessage(injector, 'error', apiErrorText(error, i18n));
      return throwError(() => error);
    }),
  );
};
