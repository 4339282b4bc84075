import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  type CcCopy,
  type CcList,
  type CcQuery,
  CcQuerySchema,
  type CreatePhrase,
  CreatePhraseSchema,
  type CreateProxy,
  CreateProxySchema,
  IdParamSchema,
  type OpinionList,
  type Phrase,
  type PhraseList,
  type Proxy,
  type ProxyList,
  type SessionUser,
} from '@liuzhuan/contracts';
import { DataSource } from 'typeorm';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { ApprovalsService } from './approvals.service';
import { Opinions } from './opinions';

/** Opinions of an instance, copies (抄送), proxies (代理) and common phrases (常用语). */
@Controller()
export class ApprovalsController {
  constructor(
    private readonly approvals: ApprovalsService,
    private readonly opinions: Opinions,
    private readonly dataSource: DataSource,
  ) {}

  @Get('instances/:id/opinions')
  opinionsOf(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<OpinionList> {
    return this.opinions.list(id, user, this.dataSource.manager);
  }

  @Get('cc')
  ccList(@Query(validate(CcQuerySchema)) query: CcQuery, @CurrentUser() user: SessionUser): Promise<CcList> {
    return this.approvals.ccList(query, user);
  }

  @Post('cc/:id/read')
  @HttpCode(200)
  ccRead(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<CcCopy> {
    return this.approvals.ccRead(id, user);
  }

  @Post('proxies')
  @HttpCode(201)
  createProxy(@Body(validate(CreateProxySchema)) body: CreateProxy, @CurrentUser() user: SessionUser): Promise<Proxy> {
    return this.approvals.createProxy(body, user);
  }

  @Get('proxies/mine')
  myProxies(@CurrentUser() user: SessionUser): Promise<ProxyList> {
    return this.approvals.myProxies(user);
  }

  @Delete('proxies/mine')
  @HttpCode(204)
  async endMyProxies(@CurrentUser() user: SessionUser): Promise<void> {
    await this.approvals.endMyProxies(user);
  }

  @Get('phrases')
  phrases(@CurrentUser() user: SessionUser): Promise<PhraseList> {
    return this.approvals.phrases(user);
  }

  @Post('phrases')
  @HttpCode(201)
  addPhrase(@Body(validate(CreatePhraseSchema)) body: CreatePhrase, @CurrentUser() user: SessionUser): Promise<Phrase> {
    return this.approvals.addPhrase(body, user);
  }

  @Delete('phrases/:id')
  @HttpCode(204)
  async deletePhrase(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<void> {
    await this.approvals.deletePhrase(id, user);
  }
}
