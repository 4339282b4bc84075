import type { Role } from '@liuzhuan/contracts';
import type { TranslationKey } from '../i18n/zh-cn';

/** Whether a user with these roles may open a page. */
export type RoleCheck = (roles: readonly Role[]) => boolean;

export interface NavItem {
  path: string;
  label: TranslationKey;
  icon: string;
  allowed: RoleCheck;
  /** the badge's count (MenuCounts), for the lists that have one */
  count?: 'inbox' | 'circulation' | 'cc';
}

export function anyOf(allowed: readonly Role[]): RoleCheck {
  return (roles) => roles.some((role) => allowed.includes(role));
}

const ADMIN_ONLY_ROLES: readonly Role[] = ['workflow_admin', 'system_admin', 'security_admin', 'auditor'];

/**
 * Everyone handles tasks (a 科员 without any role receives them too) except users who are only
 * administrators: the three separated admins (三员分立) and a pure workflow admin.
 */
export const canUseInbox: RoleCheck = (roles) => roles.length === 0 || roles.some((role) => !ADMIN_ONLY_ROLES.includes(role));

export const DOCUMENT_ROLES: readonly Role[] = ['clerk', 'leader'];
export const DESIGNER_ROLES: readonly Role[] = ['workflow_admin'];
export const MONITOR_ROLES: readonly Role[] = ['workflow_admin'];
export const ADMIN_ROLES: readonly Role[] = ['system_admin'];
export const SECURITY_ROLES: readonly Role[] = ['security_admin'];
export const AUDIT_ROLES: readonly Role[] = ['auditor'];
/** The audit console: the auditor reads everyone's events, the security admin the auditor's own (三员分立). */
export const AUDIT_READER_ROLES: readonly Role[] = ['auditor', 'security_admin'];

/** Menu order; the first item a user may open is their home page. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: '/inbox', label: 'nav.inbox', icon: 'inbox', allowed: canUseInbox, count: 'inbox' },
  { path: '/inbox/done', label: 'nav.done', icon: 'check-square', allowed: canUseInbox },
  { path: '/inbox/started', label: 'nav.started', icon: 'send', allowed: canUseInbox },
  { path: '/inbox/cc', label: 'nav.cc', icon: 'copy', allowed: canUseInbox, count: 'cc' },
  { path: '/inbox/circulation', label: 'nav.circulation', icon: 'read', allowed: canUseInbox, count: 'circulation' },
  { path: '/documents', label: 'nav.documents', icon: 'file-text', allowed: anyOf(DOCUMENT_ROLES) },
  // 代理: every user who handles tasks sets their deputy and sees what was done for them
  { path: '/proxies', label: 'nav.proxies', icon: 'user-switch', allowed: canUseInbox },
  { path: '/designer', label: 'nav.designer', icon: 'apartment', allowed: anyOf(DESIGNER_ROLES) },
  { path: '/monitor', label: 'nav.monitor', icon: 'dashboard', allowed: anyOf(MONITOR_ROLES) },
  { path: '/admin', label: 'nav.admin', icon: 'team', allowed: anyOf(ADMIN_ROLES) },
  { path: '/security', label: 'nav.security', icon: 'safety-certificate', allowed: anyOf(SECURITY_ROLES) },
  { path: '/audit', label: 'nav.audit', icon: 'audit', allowed: anyOf(AUDIT_ROLES) },
  // the same console for the security admin, limited by the server to the auditor's own events
  {
    path: '/audit',
    label: 'nav.auditorLog',
    icon: 'audit',
    allowed: (roles) => roles.includes('security_admin') && !roles.includes('auditor'),
  },
];

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return NAV_ITEMS.filter((item) => item.allowed(roles));
}

/** Where "/" leads: the inbox for most users, the first allowed page for admins. */
export function homePathFor(roles: readonly Role[]): string {
  return navItemsFor(roles)[0]?.path ?? '/forbidden';
}
