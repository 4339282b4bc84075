import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@liuzhuan/contracts';
import type { FastifyRequest } from 'fastify';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { DomainError } from '../../platform/errors/domain-error';
import { auditContextOf, AuditTrail } from '../audit/audit.api';
import { ADMIN_ROUTE } from './admin-route';
import { REQUIRED_ROLES } from './auth.decorators';

/** The roles whose routes are administrative: a 403 there is an `access.denied` event. */
const ADMIN_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'auditor', 'workflow_admin'];

/**
 * Records `access.denied` for a 403 a handler (its service) answers on an admin route — a route
 * requiring an administrator role, or marked `@AdminRoute()` — exactly once: the guard's own
 * refusal never reaches here (it records it), and a refusal the action recorded itself
 * (`AuditTrail.failureRecorded`) is left alone.
 */
@Injectable()
export class AccessDeniedRecorder implements NestInterceptor {
  private readonly log = new Logger('AccessDeniedRecorder');
  constructor(
    private readonly reflector: Reflector,
    private readonly trail: AuditTrail,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const targets = [context.getHandler(), context.getClass()];
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets) ?? [];
    const admin = this.reflector.getAllAndOverride<boolean>(ADMIN_ROUTE, targets) || roles.some((r) => ADMIN_ROLES.includes(r));
    if (!admin) return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof DomainError) || error.status !== 403 || this.trail.hasRecorded(error)) return throwError(() => error);
        const request = context.switchToHttp().getRequest<FastifyRequest>();
        const recorded = this.trail.recordAlone(auditContextOf(request), {
          type: 'access.denied',
          targetType: 'route',
          targetId: `${request.method} ${request.routeOptions.url ?? ''}`,
          result: 'failure',
          errorCode: error.code,
          details: { path: request.url.split('?')[0], ...(roles.length ? { required: roles } : {}) },
        });
        // the answer stays the 403 even if the event could not be written (that is logged)
        const logged = recorded.catch((e: Error) => this.log.error(`access.denied not recorded: ${e.message}`));
        return from(logged).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}
