import { Body, Controller, Param, Put } from '@nestjs/common';
import { IdParamSchema, type SessionUser, type SetClearance, SetClearanceSchema, type User } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { CurrentUser, RequireRoles } from '../auth/auth.api';
import { ClearanceService } from './clearance.service';

@Controller('users')
export class ClearanceController {
  constructor(private readonly clearances: ClearanceService) {}

  /** 涉密等级 is the security admin's to set (三员分立), never their own. */
  @Put(':id/clearance')
  @RequireRoles('security_admin')
  set(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(SetClearanceSchema)) body: SetClearance,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<User> {
    return this.clearances.set(id, body.clearance, user, audit);
  }
}
