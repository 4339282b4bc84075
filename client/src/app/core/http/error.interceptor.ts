import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { NzMessageService } from 'ng-zorro-antd/message';
import { catchError, throwError } from 'rxjs';
import { I18nService } from '../i18n/i18n.service';
import { apiErrorText } from './api-error';
import { SKIP_ERROR_MESSAGE, isApiRequest } from './http-context';

/** One place that tells the user an API call failed; callers can opt out with SKIP_ERROR_MESSAGE. */
export const errorInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiRequest(req.url) || req.context.get(SKIP_ERROR_MESSAGE)) return next(req);
  const message = inject(NzMessageService);
  const i18n = inject(I18nService);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse) message.error(apiErrorText(error, i18n));
      return throwError(() => error);
    }),
  );
};
