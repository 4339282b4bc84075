import {
  Body,
  type CanActivate,
  Controller,
  createParamDecorator,
  type ExecutionContext,
  HttpCode,
  Injectable,
  type CallHandler,
  type NestInterceptor,
  Param,
  Post,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import {
  type CompleteExternalTask,
  CompleteExternalTaskSchema,
  type ExtendExternalTaskLock,
  ExtendExternalTaskLockSchema,
  type ExternalTask,
  type ExternalTaskBpmnError,
  ExternalTaskBpmnErrorSchema,
  type ExternalTaskFailure,
  ExternalTaskFailureSchema,
  type ExternalTaskList,
  type FetchAndLock,
  FetchAndLockSchema,
  IdParamSchema,
} from '@liuzhuan/contracts';
import type { FastifyRequest } from 'fastify';
import { validate } from '../../platform/http/zod-validation.pipe';
import { catchError, from, mergeMap, type Observable, throwError } from 'rxjs';
import { DomainError } from '../../platform/errors/domain-error';
import { auditContextOf } from '../audit/audit.api';
import { Public } from '../auth/auth.api';
import { ApiKeysService, type WorkerKey } from './api-keys.service';
import { ExternalTasksService } from './external-tasks.service';

type WorkerRequest = FastifyRequest & { workerKey?: WorkerKey };

/** Workers are not people: they sign nothing in and send an API key the system admin issued instead. */
@Injectable()
export class WorkerKeyGuard implements CanActivate {
  constructor(private readonly keys: ApiKeysService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WorkerRequest>();
    const header = request.headers['x-api-key'];
    request.workerKey = await this.keys.authenticateRecorded(typeof header === 'string' ? header : undefined, auditContextOf(request));
    return true;
  }
}

/** A key used outside its topics (403 API_KEY_TOPIC_FORBIDDEN) is a refused use too: an `apikey.refused` event. */
@Injectable()
export class KeyRefusalRecorder implements NestInterceptor {
  constructor(private readonly keys: ApiKeysService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof DomainError) || error.code !== 'API_KEY_TOPIC_FORBIDDEN') return throwError(() => error);
        const request = context.switchToHttp().getRequest<WorkerRequest>();
        const header = request.headers['x-api-key'];
        const recorded = this.keys.recordRefusal(typeof header === 'string' ? header : undefined, auditContextOf(request), error.code, {
          path: request.url.split('?')[0],
          refused: error.details ?? null,
        });
        return from(recorded).pipe(mergeMap(() => throwError(() => error)));
      }),
    );
  }
}

/** The API key the {@link WorkerKeyGuard} authenticated. */
const CurrentKey = createParamDecorator(
  (_: unknown, context: ExecutionContext): WorkerKey => context.switchToHttp().getRequest<WorkerRequest>().workerKey as WorkerKey,
);

@Controller('external-tasks')
@Public()
@UseGuards(WorkerKeyGuard)
@UseInterceptors(KeyRefusalRecorder)
export class ExternalTasksController {
  constructor(private readonly service: ExternalTasksService) {}

  @Post('fetch-and-lock')
  @HttpCode(200)
  fetchAndLock(@Body(validate(FetchAndLockSchema)) body: FetchAndLock, @CurrentKey() key: WorkerKey): Promise<ExternalTaskList> {
    return this.service.fetchAndLock(body, key);
  }

  @Post(':id/complete')
  @HttpCode(200)
  complete(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(CompleteExternalTaskSchema)) body: CompleteExternalTask,
    @CurrentKey() key: WorkerKey,
  ): Promise<ExternalTask> {
    return this.service.complete(id, body, key);
  }

  @Post(':id/failure')
  @HttpCode(200)
  failure(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(ExternalTaskFailureSchema)) body: ExternalTaskFailure,
    @CurrentKey() key: WorkerKey,
  ): Promise<ExternalTask> {
    return this.service.failure(id, body, key);
  }

  @Post(':id/extend-lock')
  @HttpCode(200)
  extendLock(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(ExtendExternalTaskLockSchema)) body: ExtendExternalTaskLock,
    @CurrentKey() key: WorkerKey,
  ): Promise<ExternalTask> {
    return this.service.extendLock(id, body, key);
  }

  @Post(':id/bpmn-error')
  @HttpCode(200)
  bpmnError(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(ExternalTaskBpmnErrorSchema)) body: ExternalTaskBpmnError,
    @CurrentKey() key: WorkerKey,
  ): Promise<ExternalTask> {
    return this.service.bpmnError(id, body, key);
  }
}
