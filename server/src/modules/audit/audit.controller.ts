import { Controller, Get, Query, Res } from '@nestjs/common';
import {
  type AuditEventList,
  type AuditExportQuery,
  AuditExportQuerySchema,
  type AuditQuery,
  AuditQuerySchema,
  type AuditVerification,
  type SessionUser,
} from '@liuzhuan/contracts';
import type { FastifyReply } from 'fastify';
import type { Readable } from 'node:stream';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { RequestAudit } from './audit-context';
import type { AuditContext } from './audit-event';
import { AuditReader } from './audit-reader.service';

/** The audit trail's read side. No route here changes or deletes an event; who may read is the reader's decision (it records refusals). */
@Controller('audit')
export class AuditController {
  constructor(private readonly reader: AuditReader) {}

  @Get('events')
  events(
    @Query(validate(AuditQuerySchema)) query: AuditQuery,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<AuditEventList> {
    return this.reader.search(user, audit, query);
  }

  @Get('export')
  async export(
    @Query(validate(AuditExportQuerySchema)) query: AuditExportQuery,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Readable> {
    const { stream, filename } = await this.reader.export(user, audit, query);
    reply.header(
      'content-type',
      query.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
    );
    reply.header('content-disposition', `attachment; filename="${filename}"`);
    reply.header('cache-control', 'no-store');
    return stream;
  }

  @Get('verify')
  verify(@CurrentUser() user: SessionUser, @RequestAudit() audit: AuditContext): Promise<AuditVerification> {
    return this.reader.verify(user, audit);
  }
}
