import { type Role, SECOND_FACTOR_ROLES } from '@liuzhuan/contracts';

/**
 * Whether an account with these roles must sign in with a second factor: the three admins and
 * the workflow admin always, leaders when the deployment says so (LIUZHUAN_TOTP_LEADERS).
 * Without an active factor such an account gets a session good for enrolment only.
 */
export function requiresSecondFactor(roles: readonly string[], leaders: boolean): boolean {
  return roles.some((r) => (SECOND_FACTOR_ROLES as readonly string[]).includes(r) || (leaders && r === ('leader' satisfies Role)));
}
