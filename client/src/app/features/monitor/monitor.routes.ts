import type { Route } from '@angular/router';

/** 流程监控: the page and its instance drawer load only when a workflow admin opens it. */
export default [{ path: '', loadComponent: () => import('./monitor.page') }] satisfies Route[];
