import { Route } from '@angular/router';
import { authGuard, guestGuard, homeGuard } from './core/auth/auth.guard';
import { accessGuard, roleGuard } from './core/auth/role.guard';
import {
  ADMIN_ROLES,
  AUDIT_READER_ROLES,
  DESIGNER_ROLES,
  DOCUMENT_ROLES,
  MONITOR_ROLES,
  SECURITY_ROLES,
  canUseInbox,
} from './core/layout/nav-items';

export const appRoutes: Route[] = [
  {
    path: 'login',
    title: 'login.heading',
    canActivate: [guestGuard],
    loadComponent: () => import('./features/login/login.page'),
  },
  {
    // 领导信箱: the public writes without signing in
    path: 'letter',
    title: 'letter.title',
    loadComponent: () => import('./features/letter/letter.page'),
  },
  {
    // print views (处理单): signed in, but outside the shell
    path: 'print',
    canActivate: [authGuard, roleGuard(DOCUMENT_ROLES)],
    loadChildren: () => import('./features/documents/print.routes'),
  },
  {
    path: '',
    // the signed-in shell (menu, notifications) loads after sign-in: the sign-in page stays small
    loadComponent: () => import('./core/layout/shell.component').then((m) => m.ShellComponent),
    canActivate: [authGuard],
    children: [
      // A guard, not `redirectTo`: redirects run before guards, when the user may not be known.
      { path: '', pathMatch: 'full', canActivate: [homeGuard], children: [] },
      {
        path: 'inbox',
        canActivate: [accessGuard(canUseInbox)],
        loadChildren: () => import('./features/inbox/inbox.routes'),
      },
      {
        path: 'proxies',
        title: 'nav.proxies',
        canActivate: [accessGuard(canUseInbox)],
        loadComponent: () => import('./features/proxies/proxies.page'),
      },
      { path: 'tasks', title: 'nav.inbox', loadChildren: () => import('./features/task/task.routes') },
      {
        path: 'documents',
        title: 'nav.documents',
        canActivate: [roleGuard(DOCUMENT_ROLES)],
        loadChildren: () => import('./features/documents/documents.routes'),
      },
      {
        path: 'designer',
        title: 'nav.designer',
        canActivate: [roleGuard(DESIGNER_ROLES)],
        loadChildren: () => import('./features/designer/designer.routes'),
      },
      {
        path: 'monitor',
        title: 'nav.monitor',
        canActivate: [roleGuard(MONITOR_ROLES)],
        loadChildren: () => import('./features/monitor/monitor.routes'),
      },
      {
        path: 'admin',
        title: 'nav.admin',
        canActivate: [roleGuard(ADMIN_ROLES)],
        loadChildren: () => import('./features/admin/admin.routes'),
      },
      {
        path: 'security',
        title: 'nav.security',
        canActivate: [roleGuard(SECURITY_ROLES)],
        loadChildren: () => import('./features/admin/security.routes'),
      },
      {
        // the auditor's console; the security admin's 审计员操作记录 (the server limits what they read)
        path: 'audit',
        title: 'nav.audit',
        canActivate: [roleGuard(AUDIT_READER_ROLES)],
        loadComponent: () => import('./features/audit/audit.page'),
      },
      {
        path: 'forbidden',
        title: 'forbidden.title',
        loadComponent: () => import('./features/forbidden/forbidden.page'),
      },
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () => import('./features/not-found/not-found.page'),
      },
    ],
  },
];
