import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { type CcCopy, type CcList, type CcQuery, CcQuerySchema, IdParamSchema, type SessionUser } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { CcService } from './cc.service';

/** 抄送: the copies a user was sent (or an instance's), and their read receipts; sending is `POST tasks/:id/cc`. */
@Controller('cc')
export class CcController {
  constructor(private readonly cc: CcService) {}

  @Get()
  list(@Query(validate(CcQuerySchema)) query: CcQuery, @CurrentUser() user: SessionUser): Promise<CcList> {
    return this.cc.list(query, user);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<CcCopy> {
    return this.cc.read(id, user);
  }
}
