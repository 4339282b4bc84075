import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  type AddSigners,
  AddSignersSchema,
  type CcList,
  type CcTask,
  CcTaskSchema,
  type CompletedTask,
  type CompleteTask,
  CompleteTaskSchema,
  type DelegateTask,
  DelegateTaskSchema,
  EmptyBodySchema,
  IdParamSchema,
  type ReassignTask,
  ReassignTaskSchema,
  type RejectTask,
  RejectTaskSchema,
  type RemoveSigners,
  RemoveSignersSchema,
  type ResolveTask,
  ResolveTaskSchema,
  type ReturnTargetList,
  type ReturnTask,
  ReturnTaskSchema,
  type SessionUser,
  type Task,
  type TaskActions,
  type TaskList,
  type TaskQuery,
  TaskQuerySchema,
  type TransferTask,
  TransferTaskSchema,
  type UrgeTask,
  UrgeTaskSchema,
  type UrgeOverdue,
  type UrgeOverdueResult,
  UrgeOverdueSchema,
  type WithdrawTask,
  WithdrawTaskSchema,
} from '@liuzhuan/contracts';
import { TransactionRunner } from '../../platform/database/transaction-runner';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser, RequireRoles } from '../auth/auth.api';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { CcService } from './cc.service';
import { SignersService } from './signers.service';
import { TaskRoutingService } from './task-routing.service';
import { TasksService } from './tasks.service';
import { UrgeService } from './urge.service';

const Id = () => Param('id', validate(IdParamSchema));

@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly routing: TaskRoutingService,
    private readonly signers: SignersService,
    private readonly urges: UrgeService,
    private readonly copies: CcService,
    private readonly tx: TransactionRunner,
  ) {}

  @Get()
  list(@Query(validate(TaskQuerySchema)) query: TaskQuery, @CurrentUser() user: SessionUser): Promise<TaskList> {
    return this.tasks.list(query, user);
  }

  @Get(':id')
  get(@Id() id: string, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.tasks.get(id, user);
  }

  @Get(':id/actions')
  actions(@Id() id: string, @CurrentUser() user: SessionUser): Promise<TaskActions> {
    return this.tasks.actions(id, user);
  }

  @Get(':id/return-targets')
  returnTargets(@Id() id: string, @CurrentUser() user: SessionUser): Promise<ReturnTargetList> {
    return this.routing.returnTargets(id, user);
  }

  @Post(':id/complete')
  @HttpCode(200)
  complete(
    @Id() id: string,
    @Body(validate(CompleteTaskSchema)) body: CompleteTask,
    @CurrentUser() user: SessionUser,
  ): Promise<CompletedTask> {
    return this.tasks.complete(id, body, user);
  }

  @Post(':id/claim')
  @HttpCode(200)
  claim(@Id() id: string, @Body(validate(EmptyBodySchema)) _body: unknown, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.tasks.claim(id, user);
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  unclaim(@Id() id: string, @Body(validate(EmptyBodySchema)) _body: unknown, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.tasks.unclaim(id, user);
  }

  @Post(':id/return')
  @HttpCode(200)
  return(@Id() id: string, @Body(validate(ReturnTaskSchema)) body: ReturnTask, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.routing.return(id, body, user);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@Id() id: string, @Body(validate(RejectTaskSchema)) body: RejectTask, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.routing.reject(id, body, user);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@Id() id: string, @Body(validate(WithdrawTaskSchema)) body: WithdrawTask, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.routing.withdraw(id, body, user);
  }

  @Post(':id/transfer')
  @HttpCode(200)
  transfer(@Id() id: string, @Body(validate(TransferTaskSchema)) body: TransferTask, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.routing.transfer(id, body, user);
  }

  @Post(':id/delegate')
  @HttpCode(200)
  delegate(@Id() id: string, @Body(validate(DelegateTaskSchema)) body: DelegateTask, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.routing.delegate(id, body, user);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  resolve(@Id() id: string, @Body(validate(ResolveTaskSchema)) body: ResolveTask, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.routing.resolve(id, body, user);
  }

  @Post(':id/add-signers')
  @HttpCode(200)
  addSigners(@Id() id: string, @Body(validate(AddSignersSchema)) body: AddSigners, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.tx.run((tx) => this.signers.add(tx, id, body, user));
  }

  @Post(':id/remove-signers')
  @HttpCode(200)
  removeSigners(
    @Id() id: string,
    @Body(validate(RemoveSignersSchema)) body: RemoveSigners,
    @CurrentUser() user: SessionUser,
  ): Promise<Task> {
    return this.tx.run((tx) => this.signers.remove(tx, id, body, user));
  }

  @Post('urge-overdue')
  @HttpCode(200)
  urgeOverdue(@Body(validate(UrgeOverdueSchema)) body: UrgeOverdue, @CurrentUser() user: SessionUser): Promise<UrgeOverdueResult> {
    return this.urges.urgeOverdue(body, user);
  }

  @Post(':id/urge')
  @HttpCode(200)
  urge(@Id() id: string, @Body(validate(UrgeTaskSchema)) body: UrgeTask, @CurrentUser() user: SessionUser): Promise<Task> {
    return this.urges.urge(id, body, user);
  }

  @Post(':id/cc')
  @HttpCode(200)
  cc(@Id() id: string, @Body(validate(CcTaskSchema)) body: CcTask, @CurrentUser() user: SessionUser): Promise<CcList> {
    return this.copies.send(id, body, user);
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @RequireRoles('workflow_admin')
  reassign(
    @Id() id: string,
    @Body(validate(ReassignTaskSchema)) body: ReassignTask,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<Task> {
    return this.routing.reassign(id, body, user, audit);
  }
}
