// The roles and the words about them that the sign-in page needs, without zod: the client's
// first load imports these, and the schemas (auth.ts) stay out of it.
/** The six roles; 三员分立: sysadmin, secadmin and auditor are held by different people. */
export const ROLES = ['clerk', 'leader', 'workflow_admin', 'system_admin', 'security_admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS_ZH: Record<Role, string> = {
  clerk: '文书',
  leader: '领导',
  workflow_admin: '流程管理员',
  system_admin: '系统管理员',
  security_admin: '安全保密管理员',
  auditor: '安全审计员',
};

/** The password rule, in Chinese, as the client explains it (the server's check is password-policy.ts). */
export const PASSWORD_RULE_ZH = '新密码至少 10 位，包含大写字母、小写字母、数字、符号中的至少三类，且不得包含用户名';
