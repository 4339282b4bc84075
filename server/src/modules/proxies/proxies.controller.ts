import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { type CreateProxy, CreateProxySchema, type Proxy, type ProxyList, type SessionUser } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { AdminRoute, CurrentUser } from '../auth/auth.api';
import { ProxiesService } from './proxies.service';

/** 代理: set a deputy for a time window, list and end one's proxies. */
@Controller('proxies')
export class ProxiesController {
  constructor(private readonly proxies: ProxiesService) {}

  /** One's own, or (the security admin's) somebody else's: anyone else's attempt at that is an `access.denied` event. */
  @Post()
  @HttpCode(201)
  @AdminRoute()
  create(
    @Body(validate(CreateProxySchema)) body: CreateProxy,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<Proxy> {
    return this.proxies.create(body, user, audit);
  }

  @Get('mine')
  mine(@CurrentUser() user: SessionUser): Promise<ProxyList> {
    return this.proxies.mine(user);
  }

  @Delete('mine')
  @HttpCode(204)
  async endMine(@CurrentUser() user: SessionUser, @RequestAudit() audit: AuditContext): Promise<void> {
    await this.proxies.endMine(user, audit);
  }
}
