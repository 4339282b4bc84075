import {
  Body,
  type CanActivate,
  Controller,
  type ExecutionContext,
  Get,
  HttpCode,
  Injectable,
  Param,
  Post,
  UseGuards,
} from '@nestjs/common';
import {
  type ApiKeyList,
  type CompleteExternalTask,
  CompleteExternalTaskSchema,
  type CreateApiKey,
  CreateApiKeySchema,
  type ExternalTask,
  type ExternalTaskFailure,
  ExternalTaskFailureSchema,
  type ExternalTaskList,
  type FetchAndLock,
  FetchAndLockSchema,
  IdParamSchema,
  type IssuedApiKey,
  type SessionUser,
} from '@liuzhuan/contracts';
import type { FastifyRequest } from 'fastify';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser, Public, RequireRoles } from '../auth/auth.api';
import { ExternalTasksService } from './external-tasks.service';

/** Workers are not people: they sign nothing in and send the system admin's API key instead. */
@Injectable()
export class WorkerKeyGuard implements CanActivate {
  constructor(private readonly service: ExternalTasksService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['x-api-key'];
    await this.service.authenticateWorker(typeof header === 'string' ? header : undefined);
    return true;
  }
}

@Controller('external-tasks')
@Public()
@UseGuards(WorkerKeyGuard)
export class ExternalTasksController {
  constructor(private readonly service: ExternalTasksService) {}

  @Post('fetch-and-lock')
  @HttpCode(200)
  fetchAndLock(@Body(validate(FetchAndLockSchema)) body: FetchAndLock): Promise<ExternalTaskList> {
    return this.service.fetchAndLock(body);
  }

  @Post(':id/complete')
  @HttpCode(200)
  complete(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(CompleteExternalTaskSchema)) body: CompleteExternalTask,
  ): Promise<ExternalTask> {
    return this.service.complete(id, body);
  }

  @Post(':id/failure')
  @HttpCode(200)
  failure(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(ExternalTaskFailureSchema)) body: ExternalTaskFailure,
  ): Promise<ExternalTask> {
    return this.service.failure(id, body);
  }
}

@Controller('api-keys')
@RequireRoles('system_admin')
export class ApiKeysController {
  constructor(private readonly service: ExternalTasksService) {}

  @Post()
  @HttpCode(201)
  issue(@Body(validate(CreateApiKeySchema)) body: CreateApiKey, @CurrentUser() user: SessionUser): Promise<IssuedApiKey> {
    return this.service.issueKey(body, user);
  }

  @Get()
  list(): Promise<ApiKeyList> {
    return this.service.listKeys();
  }
}
