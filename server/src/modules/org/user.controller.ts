import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import {
  type CreatedUser,
  type CreateUser,
  CreateUserSchema,
  IdParamSchema,
  type SessionUser,
  type SetGroups,
  SetGroupsSchema,
  type SetRoles,
  SetRolesSchema,
  type UpdateUser,
  UpdateUserSchema,
  type User,
  type UserList,
  type UserQuery,
  UserQuerySchema,
} from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { CurrentUser, RequireRoles } from '../auth/auth.api';
import { UserService } from './user.service';

/** Users under 三员分立 (docs/security.md): accounts are the system admin's, roles and groups the security admin's. */
@Controller('users')
export class UserController {
  constructor(private readonly users: UserService) {}

  /** Directory search for every signed-in user (pickers for transfer, countersign, …). */
  @Get()
  search(@Query(validate(UserQuerySchema)) query: UserQuery): Promise<UserList> {
    return this.users.search(query);
  }

  @Get(':id')
  get(@Param('id', validate(IdParamSchema)) id: string): Promise<User> {
    return this.users.get(id);
  }

  @Post()
  @RequireRoles('system_admin')
  create(@Body(validate(CreateUserSchema)) body: CreateUser, @RequestAudit() audit: AuditContext): Promise<CreatedUser> {
    return this.users.create(body, audit);
  }

  @Patch(':id')
  @RequireRoles('system_admin')
  update(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(UpdateUserSchema)) body: UpdateUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<User> {
    return this.users.update(id, body, audit);
  }

  @Post(':id/disable')
  @HttpCode(200)
  @RequireRoles('system_admin')
  disable(
    @Param('id', validate(IdParamSchema)) id: string,
    @CurrentUser() actor: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<User> {
    return this.users.setEnabled(id, false, actor, audit);
  }

  @Post(':id/enable')
  @HttpCode(200)
  @RequireRoles('system_admin')
  enable(
    @Param('id', validate(IdParamSchema)) id: string,
    @CurrentUser() actor: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<User> {
    return this.users.setEnabled(id, true, actor, audit);
  }

  @Put(':id/roles')
  @RequireRoles('security_admin')
  setRoles(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(SetRolesSchema)) body: SetRoles,
    @CurrentUser() actor: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<User> {
    return this.users.setRoles(id, body.roles, actor, audit);
  }

  @Put(':id/groups')
  @RequireRoles('security_admin')
  setGroups(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(SetGroupsSchema)) body: SetGroups,
    @CurrentUser() actor: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<User> {
    return this.users.setGroups(id, body.groups, actor, audit);
  }
}
