import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { SKIP_AUTH_REDIRECT, isApiRequest } from '../http/http-context';
import { AuthService } from './auth.service';

/**
 * Adds the bearer token to `/api` calls. A 401 means the session is gone (expired, revoked,
 * locked): forget it and send the user to sign in, coming back to the page they were on.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiRequest(req.url)) return next(req);
  const auth = inject(AuthService);
  const router = inject(Router);
  const token = auth.token();
  const request = token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !req.context.get(SKIP_AUTH_REDIRECT)) {
        auth.clearSession();
        const returnUrl = router.url;
        if (!returnUrl.startsWith('/login')) {
          void router.navigate(['/login'], { queryParams: { returnUrl } });
        }
      }
      return throwError(() => error);
    }),
  );
};
