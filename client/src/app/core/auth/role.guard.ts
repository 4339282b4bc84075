import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Role } from '@liuzhuan/contracts';
import { AuthService } from './auth.service';

/** A page for holders of any of `roles`; the server checks again on every call. */
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return () => {
    const auth = inject(AuthService);
    if (auth.signedIn() && auth.hasAnyRole(roles)) return true;
    return inject(Router).parseUrl('/forbidden');
  };
}
