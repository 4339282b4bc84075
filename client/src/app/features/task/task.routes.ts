import type { Route } from '@angular/router';
import { unsentTextGuard } from '../../shared/states/leave-guard';

/** 办理: a task page, and the read-only page of an instance (我发起的, 抄送, 传阅 link there). */
export default [
  { path: 'instance/:instanceId', loadComponent: () => import('./task.page') },
  { path: ':id', loadComponent: () => import('./task.page'), canDeactivate: [unsentTextGuard] },
] satisfies Route[];
