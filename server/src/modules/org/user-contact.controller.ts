import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { IdParamSchema, type SessionUser, type UpdateUserContact, UpdateUserContactSchema, type UserContact } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { AdminRoute, CurrentUser } from '../auth/auth.api';
import { UserContactService } from './user-contact.service';

/** A user's phone and 身份证 number (personal data: SM4 at rest, masked to others). */
@Controller('users/:id/contact')
export class UserContactController {
  constructor(private readonly contacts: UserContactService) {}

  @Get()
  get(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<UserContact> {
    return this.contacts.get(id, user);
  }

  /** The user's own, or the system admin's: anyone else's attempt is an `access.denied` event. */
  @Put()
  @AdminRoute()
  set(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(UpdateUserContactSchema)) body: UpdateUserContact,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<UserContact> {
    return this.contacts.set(id, body, user, audit);
  }
}
