import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role, SessionUser } from '@liuzhuan/contracts';

export const PUBLIC_ROUTE = 'liuzhuan:public';
export const REQUIRED_ROLES = 'liuzhuan:roles';
export const PASSWORD_CHANGE_ROUTE = 'liuzhuan:password-change';

/** The route needs no sign-in (health, login, public letters). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The route answers a session whose user must change the password first (the change itself); every other route refuses it. */
export const AllowedBeforePasswordChange = () => SetMetadata(PASSWORD_CHANGE_ROUTE, true);

/** The route needs one of these roles. */
export const RequireRoles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export interface AuthenticatedRequest {
  user?: SessionUser;
  sessionId?: string;
}

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): SessionUser => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  // the global guard runs first; a handler without a user here is a wiring bug
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});

export const CurrentSessionId = createParamDecorator((_: unknown, ctx: ExecutionContext): string | undefined => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().sessionId;
});
