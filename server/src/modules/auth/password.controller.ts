import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { type ChangePassword, ChangePasswordSchema, IdParamSchema, type PasswordReset, type SessionUser } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { AllowedBeforePasswordChange, CurrentSessionId, CurrentUser, RequireRoles } from './auth.decorators';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { PasswordService } from './password.service';

/** Passwords: one's own change, and the security admin's reset. */
@Controller()
export class PasswordController {
  constructor(private readonly passwords: PasswordService) {}

  @Post('auth/password')
  @HttpCode(204)
  @AllowedBeforePasswordChange()
  async change(
    @Body(validate(ChangePasswordSchema)) body: ChangePassword,
    @CurrentUser() user: SessionUser,
    @CurrentSessionId() sessionId: string,
    @RequestAudit() audit: AuditContext,
  ): Promise<void> {
    await this.passwords.change(user, sessionId, body, audit);
  }

  @Post('users/:id/password-reset')
  @HttpCode(200)
  @RequireRoles('security_admin')
  reset(
    @Param('id', validate(IdParamSchema)) id: string,
    @CurrentUser() actor: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<PasswordReset> {
    return this.passwords.reset(id, actor, audit);
  }
}
