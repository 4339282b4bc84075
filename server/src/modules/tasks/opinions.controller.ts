import { Controller, Get, Param } from '@nestjs/common';
import { IdParamSchema, type OpinionList, type SessionUser } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { Opinions } from './opinions';

/** The opinions (意见) written on an instance, oldest first. */
@Controller('instances')
export class OpinionsController {
  constructor(private readonly opinions: Opinions) {}

  @Get(':id/opinions')
  list(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<OpinionList> {
    return this.opinions.list(id, user);
  }
}
