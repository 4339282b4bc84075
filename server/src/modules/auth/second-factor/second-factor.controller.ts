import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  IdParamSchema,
  type SessionUser,
  type TotpActivate,
  TotpActivateSchema,
  type TotpEnrolment,
  type TotpRecoveryCodes,
} from '@liuzhuan/contracts';
import { validate } from '../../../platform/http/zod-validation.pipe';
import { type AuditContext, RequestAudit } from '../../audit/audit.api';
import { CurrentSessionId, CurrentUser, RequireRoles } from '../auth.decorators';
import { AllowedBeforeEnrolment } from './enrolment-route';
import { SecondFactorService } from './second-factor.service';

/** TOTP enrolment (one's own) and the security admin's reset of someone else's factor. */
@Controller()
export class SecondFactorController {
  constructor(private readonly factors: SecondFactorService) {}

  @Post('auth/totp/enroll')
  @HttpCode(200)
  @AllowedBeforeEnrolment()
  enroll(@CurrentUser() user: SessionUser, @RequestAudit() audit: AuditContext): Promise<TotpEnrolment> {
    return this.factors.enroll(user, audit);
  }

  @Post('auth/totp/activate')
  @HttpCode(200)
  @AllowedBeforeEnrolment()
  activate(
    @Body(validate(TotpActivateSchema)) body: TotpActivate,
    @CurrentUser() user: SessionUser,
    @CurrentSessionId() sessionId: string,
    @RequestAudit() audit: AuditContext,
  ): Promise<TotpRecoveryCodes> {
    return this.factors.activate(user, sessionId, body.code, audit);
  }

  @Post('users/:id/totp-reset')
  @HttpCode(204)
  @RequireRoles('security_admin')
  async reset(
    @Param('id', validate(IdParamSchema)) id: string,
    @CurrentUser() actor: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<void> {
    await this.factors.reset(id, actor, audit);
  }
}
