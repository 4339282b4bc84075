import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { type CreateProxy, CreateProxySchema, type Proxy, type ProxyList, type SessionUser } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { ProxiesService } from './proxies.service';

/** 代理: set a deputy for a time window, list and end one's proxies. */
@Controller('proxies')
export class ProxiesController {
  constructor(private readonly proxies: ProxiesService) {}

  @Post()
  @HttpCode(201)
  create(@Body(validate(CreateProxySchema)) body: CreateProxy, @CurrentUser() user: SessionUser): Promise<Proxy> {
    return this.proxies.create(body, user);
  }

  @Get('mine')
  mine(@CurrentUser() user: SessionUser): Promise<ProxyList> {
    return this.proxies.mine(user);
  }

  @Delete('mine')
  @HttpCode(204)
  async endMine(@CurrentUser() user: SessionUser): Promise<void> {
    await this.proxies.endMine(user);
  }
}
