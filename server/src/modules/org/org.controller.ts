import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { type CreateOrg, CreateOrgSchema, IdParamSchema, type Org, type UpdateOrg, UpdateOrgSchema } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { RequireRoles } from '../auth/auth.api';
import { OrgService } from './org.service';

@Controller('orgs')
export class OrgController {
  constructor(private readonly orgs: OrgService) {}

  @Get()
  async list(): Promise<{ items: Org[] }> {
    return { items: await this.orgs.list() };
  }

  @Get(':id')
  get(@Param('id', validate(IdParamSchema)) id: string): Promise<Org> {
    return this.orgs.get(id);
  }

  @Post()
  @RequireRoles('system_admin')
  create(@Body(validate(CreateOrgSchema)) body: CreateOrg, @RequestAudit() audit: AuditContext): Promise<Org> {
    return this.orgs.create(body, audit);
  }

  @Patch(':id')
  @RequireRoles('system_admin')
  update(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(UpdateOrgSchema)) body: UpdateOrg,
    @RequestAudit() audit: AuditContext,
  ): Promise<Org> {
    return this.orgs.update(id, body, audit);
  }
}
