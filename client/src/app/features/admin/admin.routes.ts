import type { Route } from '@angular/router';

/** 机构与用户 (system admin) and 安全策略 (security admin): loaded only when one of them opens it. */
export default [{ path: '', loadComponent: () => import('./admin.page') }] satisfies Route[];
