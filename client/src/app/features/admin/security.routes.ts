import type { Route } from '@angular/router';

/** 安全策略 (security admin): role assignment under 三员分立, in the admin feature's lazy code. */
export default [{ path: '', loadComponent: () => import('./security.page') }] satisfies Route[];
