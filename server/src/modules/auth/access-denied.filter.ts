import { type ArgumentsHost, Catch, type ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { Role } from '@liuzhuan/contracts';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../platform/errors/domain-error';
import { HttpExceptionFilter } from '../../platform/errors/http-exception.filter';
import { auditContextOf, AuditTrail } from '../audit/audit.api';

/** The roles whose routes are administrative: a 403 there is an `access.denied` event. */
export const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'auditor', 'workflow_admin'];

/** The requests the guard let onto an admin route, with the roles that route requires. */
const adminRequests = new WeakMap<object, readonly Role[]>();

/** Called by AuthGuard once it has let a request onto an admin route (one it would have refused otherwise, or `@AdminRoute()`). */
export function markAdminRequest(request: object, requiredRoles: readonly Role[]): void {
  adminRequests.set(request, requiredRoles);
}

/**
 * Records `access.denied` for a 403 a handler (its service) answers on an admin route — a route
 * requiring an administrator role, or marked `@AdminRoute()` — exactly once: the guard's own
 * refusal is not marked as admin (the guard records it), and a refusal the action recorded itself
 * (`AuditTrail.failureRecorded`) is left alone. Then answers as {@link HttpExceptionFilter} does.
 *
 * An exception filter, not an interceptor: it runs only when something is thrown, where a global
 * interceptor put every request of every route through rxjs (bench/RESULTS.md, session 8).
 */
@Catch(DomainError)
@Injectable()
export class AccessDeniedRecorder implements ExceptionFilter {
  private readonly log = new Logger('AccessDeniedRecorder');
  private readonly answer = new HttpExceptionFilter();

  constructor(private readonly trail: AuditTrail) {}

  async catch(error: DomainError, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const roles = adminRequests.get(request);
    if (roles && error.status === 403 && !this.trail.hasRecorded(error)) {
      // the answer stays the 403 even if the event could not be written (that is logged)
      await this.trail
        .recordAlone(auditContextOf(request), {
          type: 'access.denied',
          targetType: 'route',
          targetId: `${request.method} ${request.routeOptions.url ?? ''}`,
          result: 'failure',
          errorCode: error.code,
          details: { path: request.url.split('?')[0], ...(roles.length ? { required: roles } : {}) },
        })
        .catch((e: Error) => this.log.error(`access.denied not recorded: ${e.message}`));
    }
    this.answer.catch(error, host);
  }
}
