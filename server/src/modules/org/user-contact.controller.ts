import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { IdParamSchema, type SessionUser, type UpdateUserContact, UpdateUserContactSchema, type UserContact } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { UserContactService } from './user-contact.service';

/** A user's phone and 身份证 number (personal data: SM4 at rest, masked to others). */
@Controller('users/:id/contact')
export class UserContactController {
  constructor(private readonly contacts: UserContactService) {}

  @Get()
  get(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<UserContact> {
    return this.contacts.get(id, user);
  }

  @Put()
  set(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(UpdateUserContactSchema)) body: UpdateUserContact,
    @CurrentUser() user: SessionUser,
  ): Promise<UserContact> {
    return this.contacts.set(id, body, user);
  }
}
