import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@liuzhuan/contracts';
import type { FastifyRequest } from 'fastify';
import { AuthErrors } from './auth.errors';
import { type AuthenticatedRequest, PASSWORD_CHANGE_ROUTE, PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import { AuthService } from './auth.service';
import { ADMIN_ROLES, markAdminRequest } from './access-denied.filter';
import { ADMIN_ROUTE } from './admin-route';
import { auditContextOf, AuditTrail } from '../audit/audit.api';
import { ENROLMENT_ROUTE } from './second-factor/enrolment-route';
import { SecondFactorErrors } from './second-factor/second-factor.errors';

/** Global guard: every /api route needs a bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly audit: AuditTrail,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer (.+)$/i.exec(header) : null;
    if (!match) throw AuthErrors.noBearer();
    const { ip, userAgent } = auditContextOf(request);
    const { user, sessionId, mustChangePassword, enrolmentRequired } = await this.auth.authenticate(match[1].trim(), { ip, userAgent });
    // a one-time password (new account, reset) signs in for the change only
    const passwordRoute = this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_ROUTE, targets);
    if (mustChangePassword && !passwordRoute) {
      throw AuthErrors.passwordChangeRequired();
    }
    // an account that must have a second factor and has none: enrolment only (the forced password change first)
    if (
      enrolmentRequired &&
      !(mustChangePassword && passwordRoute) &&
      !this.reflector.getAllAndOverride<boolean>(ENROLMENT_ROUTE, targets)
    ) {
      throw SecondFactorErrors.enrolmentRequired();
    }
    request.user = user;
    request.sessionId = sessionId;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.some((r) => user.roles.includes(r))) {
      // a refusal on an admin endpoint is an audit event (the path without its query, which may carry personal data)
      await this.audit.recordAlone(auditContextOf(request), {
        type: 'access.denied',
        targetType: 'route',
        targetId: `${request.method} ${request.routeOptions.url ?? ''}`,
        result: 'failure',
        errorCode: 'FORBIDDEN_ROLE',
        details: { path: request.url.split('?')[0], required: roles },
      });
      throw AuthErrors.roleRequired(roles);
    }
    // a 403 the handler answers here is recorded by AccessDeniedRecorder (access-denied.filter.ts)
    const required = roles ?? [];
    if (required.some((r) => ADMIN_ROLES.includes(r)) || this.reflector.getAllAndOverride<boolean>(ADMIN_ROUTE, targets)) {
      markAdminRequest(request, required);
    }
    return true;
  }
}
