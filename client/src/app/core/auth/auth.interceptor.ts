import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { Injector, inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { I18nService } from '../i18n/i18n.service';
import { SKIP_AUTH_REDIRECT, isApiRequest } from '../http/http-context';
import { showMessage } from '../http/lazy-message';
import { AuthService } from './auth.service';

/**
 * Adds the bearer token to `/api` calls. A 401 means the session is gone (expired, revoked,
 * locked): forget it and send the user to sign in, saying so (会话已过期，请重新登录), coming back
 * to the page they were on. Only a 401 does: a lost network is the offline banner's (network.interceptor.ts).
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiRequest(req.url)) return next(req);
  const auth = inject(AuthService);
  const router = inject(Router);
  const injector = inject(Injector);
  const i18n = inject(I18nService);
  const token = auth.token();
  const request = token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !req.context.get(SKIP_AUTH_REDIRECT)) {
        const returnUrl = router.url;
        // several calls in flight fail together: one message
        if (auth.signedIn() && !returnUrl.startsWith('/login')) void showMessage(injector, 'warning', i18n.t('error.sessionExpired'));
        auth.clearSession();
        if (!returnUrl.startsWith('/login')) {
          void router.navigate(['/login'], { queryParams: { returnUrl } });
        }
      }
      return throwError(() => error);
    }),
  );
};
