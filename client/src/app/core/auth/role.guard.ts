import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Role } from '@liuzhuan/contracts';
import { RoleCheck, anyOf } from '../layout/nav-items';
import { AuthService } from './auth.service';

/** A page for users whose roles pass `check`; the server checks again on every call. */
export function accessGuard(check: RoleCheck): CanActivateFn {
  return () => {
    const auth = inject(AuthService);
    if (auth.signedIn() && check(auth.roles())) return true;
    return inject(Router).parseUrl('/forbidden');
  };
}

/** A page for holders of any of `roles`. */
export function roleGuard(roles: readonly Role[]): CanActivateFn {
  return accessGuard(anyOf(roles));
}
