import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  type ApiKey,
  type ApiKeyList,
  type CreateApiKey,
  CreateApiKeySchema,
  IdParamSchema,
  type IssuedApiKey,
  type SessionUser,
} from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { CurrentUser, RequireRoles } from '../auth/auth.api';
import { ApiKeysService } from './api-keys.service';

/** Workers' API keys: the system admin's alone (issue, list, revoke). */
@Controller('api-keys')
@RequireRoles('system_admin')
export class ApiKeysController {
  constructor(private readonly service: ApiKeysService) {}

  @Post()
  @HttpCode(201)
  issue(
    @Body(validate(CreateApiKeySchema)) body: CreateApiKey,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<IssuedApiKey> {
    return this.service.issue(body, user, audit);
  }

  @Get()
  list(): Promise<ApiKeyList> {
    return this.service.list();
  }

  @Delete(':id')
  revoke(@Param('id', validate(IdParamSchema)) id: string, @RequestAudit() audit: AuditContext): Promise<ApiKey> {
    return this.service.revoke(id, audit);
  }
}
