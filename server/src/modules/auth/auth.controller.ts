import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { type LoginRequest, LoginRequestSchema, type LoginResult, type SessionUser } from '@liuzhuan/contracts';
import type { FastifyRequest } from 'fastify';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentSessionId, CurrentUser, Public } from './auth.decorators';
import { type AuditContext, auditContextOf, RequestAudit } from '../audit/audit.api';
import { AuthService } from './auth.service';

@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  login(@Body(validate(LoginRequestSchema)) body: LoginRequest, @Req() req: FastifyRequest): Promise<LoginResult> {
    const { ip, userAgent } = auditContextOf(req);
    return this.auth.login(body, { ip, userAgent });
  }

  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentSessionId() sessionId: string, @RequestAudit() audit: AuditContext): Promise<void> {
    await this.auth.logout(sessionId, audit);
  }

  @Get('me')
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }
}
