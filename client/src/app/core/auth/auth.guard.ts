import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { homePathFor } from '../layout/nav-items';
import { AuthService } from './auth.service';

/** Signed-in users only; others sign in first and come back here. */
export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthService);
  if (auth.signedIn()) return true;
  const queryParams = state.url === '/' ? {} : { returnUrl: state.url };
  return inject(Router).createUrlTree(['/login'], { queryParams });
};

/** The sign-in page is for signed-out users; a signed-in user goes to their home page. */
export const guestGuard: CanActivateFn = () => {
  const auth = inject(AuthService);
  if (!auth.signedIn()) return true;
  return inject(Router).parseUrl(homePathFor(auth.roles()));
};

/** "/" leads to the inbox for most users and to the first page their roles allow for admins. */
export const homeGuard: CanActivateFn = () => inject(Router).parseUrl(homePathFor(inject(AuthService).roles()));
