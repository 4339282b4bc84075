import { HttpErrorResponse, type HttpEvent, HttpEventType, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { retry, tap, throwError, timer } from 'rxjs';
import { Connectivity } from './connectivity.service';
import { isApiRequest } from './http-context';

/** Waits before each retry of a read that found no network: 1 s, 2 s, 4 s, then every 5 s. */
export const RETRY_DELAYS_MS = [1000, 2000, 4000, 5000];
/** A read is retried this many times (about two minutes) before its caller is given the error. */
export const MAX_RETRIES = 25;

const noNetwork = (error: unknown) => error instanceof HttpErrorResponse && error.status === 0;

/**
 * A lost network is a state, not an error of one page: the app is marked offline (the shell's
 * banner), and an API read (GET) is tried again until the server answers — then the page gets
 * its data as if nothing happened. Writes are never repeated (the user acts again). Any answer,
 * even an error status, means the network is back.
 */
export const networkInterceptor: HttpInterceptorFn = (req, next) => {
  if (!isApiRequest(req.url)) return next(req);
  const connectivity = inject(Connectivity);
  const answered = tap<HttpEvent<unknown>>({
    next: (event) => {
      if (event.type === HttpEventType.ResponseHeader || event.type === HttpEventType.Response) connectivity.markOnline();
    },
    error: (error: unknown) => {
      if (noNetwork(error)) connectivity.markOffline();
      else if (error instanceof HttpErrorResponse) connectivity.markOnline();
    },
  });
  const sent = next(req).pipe(answered);
  // a long-lived stream (the notifications) reconnects on its own
  if (req.method !== 'GET' || req.reportProgress) return sent;
  return sent.pipe(
    retry({
      count: MAX_RETRIES,
      delay: (error: unknown, attempt: number) =>
        noNetwork(error) ? timer(RETRY_DELAYS_MS[Math.min(attempt - 1, RETRY_DELAYS_MS.length - 1)]) : throwError(() => error),
    }),
  );
};
