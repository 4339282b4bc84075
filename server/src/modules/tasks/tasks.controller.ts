import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { type CompleteTask, CompleteTaskSchema, EmptyBodySchema, IdParamSchema, type SessionUser, type Task, type TaskList, type TaskQuery, TaskQuerySchema } from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import { TasksService } from './tasks.service';

@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  list(@Query(validate(TaskQuerySchema)) query: TaskQuery, @CurrentUser() user: SessionUser): Promise<TaskList> {
    return this.tasks.list(query, user);
  }

  @Get(':id')
  get(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.tasks.get(id, user);
  }

  @Post(':id/complete')
  @HttpCode(200)
  complete(@Param('id', validate(IdParamSchema)) id: string, @Body(validate(CompleteTaskSchema)) body: CompleteTask, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.tasks.complete(id, body, user);
  }

  @Post(':id/claim')
  @HttpCode(200)
  claim(@Param('id', validate(IdParamSchema)) id: string, @Body(validate(EmptyBodySchema)) _body: unknown, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.tasks.claim(id, user);
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  unclaim(@Param('id', validate(IdParamSchema)) id: string, @Body(validate(EmptyBodySchema)) _body: unknown, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.tasks.unclaim(id, user);
  }
}
