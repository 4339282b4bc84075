import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { SessionUser } from '@liuzhuan/contracts';
import type { FastifyRequest } from 'fastify';
import type { AuditContext } from './audit-event';

/** The audit context of a request: its signed-in user (or `actor`, on a public route), address and browser. */
export function auditContextOf(request: FastifyRequest, actor?: { username: string; roles: readonly string[] }): AuditContext {
  const user = actor ?? (request as FastifyRequest & { user?: SessionUser }).user;
  const agent = request.headers['user-agent'];
  return {
    actor: user?.username ?? 'anonymous',
    roles: user?.roles ?? [],
    ip: request.ip ?? null,
    userAgent: typeof agent === 'string' ? agent : null,
  };
}

/**
 * The request's {@link AuditContext} as a handler parameter — `@RequestAudit() audit: AuditContext` —
 * passed on to the service that records, as `@CurrentUser()` is.
 */
export const RequestAudit = createParamDecorator((_: unknown, ctx: ExecutionContext): AuditContext => {
  return auditContextOf(ctx.switchToHttp().getRequest<FastifyRequest>());
});
