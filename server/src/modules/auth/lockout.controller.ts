import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { IdParamSchema, type SessionUser } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { CurrentUser, RequireRoles } from './auth.decorators';
import { AccountLockout } from './lockout';

/** The security admin ends a lockout early (三员分立: unlocks are the 安全保密管理员's). */
@Controller('users')
export class LockoutController {
  constructor(private readonly lockout: AccountLockout) {}

  @Post(':id/unlock')
  @HttpCode(204)
  @RequireRoles('security_admin')
  async unlock(
    @Param('id', validate(IdParamSchema)) id: string,
    @CurrentUser() actor: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<void> {
    await this.lockout.unlock(id, actor, audit);
  }
}
