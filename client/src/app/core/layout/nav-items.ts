import type { Role } from '@liuzhuan/contracts';
import type { TranslationKey } from '../i18n/zh-cn';

export interface NavItem {
  path: string;
  label: TranslationKey;
  icon: string;
  /** Shown to a user holding any of these roles. */
  roles: readonly Role[];
}

/**
 * Handling documents is business work: the three separated admins (三员分立) and a pure workflow
 * admin have no inbox; a user who is also clerk or leader has one.
 */
export const INBOX_ROLES: readonly Role[] = ['clerk', 'leader'];
export const DOCUMENT_ROLES: readonly Role[] = ['clerk', 'leader'];
export const DESIGNER_ROLES: readonly Role[] = ['workflow_admin'];
export const MONITOR_ROLES: readonly Role[] = ['workflow_admin'];
export const ADMIN_ROLES: readonly Role[] = ['system_admin'];
export const SECURITY_ROLES: readonly Role[] = ['security_admin'];
export const AUDIT_ROLES: readonly Role[] = ['auditor'];

/** Menu order; the first item a user may open is their home page. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/inbox', label: 'nav.inbox', icon: 'inbox', roles: INBOX_ROLES },
  { path: '/inbox/done', label: 'nav.done', icon: 'check-square', roles: INBOX_ROLES },
  { path: '/inbox/started', label: 'nav.started', icon: 'send', roles: INBOX_ROLES },
  { path: '/inbox/cc', label: 'nav.cc', icon: 'copy', roles: INBOX_ROLES },
  { path: '/inbox/circulation', label: 'nav.circulation', icon: 'read', roles: INBOX_ROLES },
  { path: '/documents', label: 'nav.documents', icon: 'file-text', roles: DOCUMENT_ROLES },
  { path: '/designer', label: 'nav.designer', icon: 'apartment', roles: DESIGNER_ROLES },
  { path: '/monitor', label: 'nav.monitor', icon: 'dashboard', roles: MONITOR_ROLES },
  { path: '/admin', label: 'nav.admin', icon: 'team', roles: ADMIN_ROLES },
  { path: '/security', label: 'nav.security', icon: 'safety-certificate', roles: SECURITY_ROLES },
  { path: '/audit', label: 'nav.audit', icon: 'audit', roles: AUDIT_ROLES },
];

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.some((role) => roles.includes(role)));
}

/** Where "/" leads: the inbox for most users, the first allowed page for admins. */
export function homePathFor(roles: readonly Role[]): string {
  return navItemsFor(roles)[0]?.path ?? '/forbidden';
}
