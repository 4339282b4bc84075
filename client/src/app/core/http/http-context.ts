import { HttpContext, HttpContextToken } from '@angular/common/http';

/** The caller shows the error itself (e.g. inline on the sign-in form): no nz-message toast. */
export const SKIP_ERROR_MESSAGE = new HttpContextToken<boolean>(() => false);

/** A 401 on this request is expected (sign-in, session restore): do not bounce to /login. */
export const SKIP_AUTH_REDIRECT = new HttpContextToken<boolean>(() => false);

/** Context for requests whose failures the caller handles completely. */
export function quietRequest(): HttpContext {
  return new HttpContext().set(SKIP_ERROR_MESSAGE, true).set(SKIP_AUTH_REDIRECT, true);
}

export function isApiRequest(url: string): boolean {
  return /^\/api(\/|\?|$)/.test(url);
}
