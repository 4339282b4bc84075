import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  type CancelInstance,
  CancelInstanceSchema,
  type HistoryEvent,
  IdParamSchema,
  type Instance,
  type InstanceList,
  type InstanceQuery,
  InstanceQuerySchema,
  type Message,
  type MoveToken,
  type RetryIncident,
  RetryIncidentSchema,
  MoveTokenSchema,
  type TerminateInstance,
  TerminateInstanceSchema,
  type MessageResult,
  MessageSchema,
  type SessionUser,
  type Signal,
  type SignalResult,
  SignalSchema,
  type StartedInstance,
  type StartInstance,
  StartInstanceSchema,
} from '@liuzhuan/contracts';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser, RequireRoles } from '../auth/auth.api';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { EventsService } from './events.service';
import { InstancesService } from './instances.service';

@Controller('instances')
export class InstancesController {
  constructor(private readonly instances: InstancesService) {}

  @Post()
  @HttpCode(201)
  start(@Body(validate(StartInstanceSchema)) body: StartInstance, @CurrentUser() user: SessionUser): Promise<StartedInstance> {
    return this.instances.start(body, user);
  }

  @Get()
  list(@Query(validate(InstanceQuerySchema)) query: InstanceQuery, @CurrentUser() user: SessionUser): Promise<InstanceList> {
    return this.instances.list(query, user);
  }

  @Get(':id')
  get(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<Instance> {
    return this.instances.get(id, user);
  }

  @Get(':id/history')
  history(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<{ items: HistoryEvent[] }> {
    return this.instances.history(id, user);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequireRoles('workflow_admin')
  cancel(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(CancelInstanceSchema)) body: CancelInstance,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<Instance> {
    return this.instances.cancel(id, body, user, audit);
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequireRoles('workflow_admin')
  move(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(MoveTokenSchema)) body: MoveToken,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<Instance> {
    return this.instances.move(id, body, user, audit);
  }

  @Post(':id/terminate')
  @HttpCode(200)
  @RequireRoles('workflow_admin')
  terminate(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(TerminateInstanceSchema)) body: TerminateInstance,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<Instance> {
    return this.instances.terminate(id, body, user, audit);
  }

  @Post(':id/incidents/:incidentId/retry')
  @HttpCode(200)
  @RequireRoles('workflow_admin')
  retry(
    @Param('id', validate(IdParamSchema)) id: string,
    @Param('incidentId', validate(IdParamSchema)) incidentId: string,
    @Body(validate(RetryIncidentSchema)) body: RetryIncident,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<Instance> {
    return this.instances.retryIncident(id, incidentId, user, audit, body.reason);
  }
}

/** Messages and signals from outside the processes (integrations, admins). */
@Controller()
@RequireRoles('workflow_admin')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post('messages')
  @HttpCode(200)
  message(
    @Body(validate(MessageSchema)) body: Message,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<MessageResult> {
    return this.events.correlate(body, user, audit);
  }

  @Post('signals')
  @HttpCode(200)
  signal(@Body(validate(SignalSchema)) body: Signal, @RequestAudit() audit: AuditContext): Promise<SignalResult> {
    return this.events.broadcast(body, audit);
  }
}
