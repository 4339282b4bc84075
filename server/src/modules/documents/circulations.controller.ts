import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  type Circulation,
  type CirculationList,
  type CirculationQuery,
  CirculationQuerySchema,
  IdParamSchema,
  type ReadReceipt,
  ReadReceiptSchema,
  type ReorderCirculation,
  ReorderCirculationSchema,
  type SessionUser,
  type SkipReader,
  SkipReaderSchema,
} from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { CirculationService } from './circulation.service';

/** 传阅 from the reader's side: my list, read receipts; and the starter's reorder and skip. */
@Controller('circulations')
export class CirculationsController {
  constructor(private readonly circulations: CirculationService) {}

  @Get()
  list(@Query(validate(CirculationQuerySchema)) query: CirculationQuery, @CurrentUser() user: SessionUser): Promise<CirculationList> {
    return this.circulations.list(query.mine === 'true', user);
  }

  @Post(':id/read')
  @HttpCode(200)
  read(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(ReadReceiptSchema)) body: ReadReceipt,
    @CurrentUser() user: SessionUser,
  ): Promise<Circulation> {
    return this.circulations.read(id, body.note, user);
  }

  @Post(':id/reorder')
  @HttpCode(200)
  reorder(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(ReorderCirculationSchema)) body: ReorderCirculation,
    @CurrentUser() user: SessionUser,
  ): Promise<Circulation> {
    return this.circulations.reorder(id, body, user);
  }

  @Post(':id/skip')
  @HttpCode(200)
  skip(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(SkipReaderSchema)) body: SkipReader,
    @CurrentUser() user: SessionUser,
  ): Promise<Circulation> {
    return this.circulations.skip(id, body, user);
  }
}
