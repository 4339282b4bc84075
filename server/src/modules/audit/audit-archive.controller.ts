import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import {
  type AuditAnchorList,
  type AuditArchiveRequest,
  AuditArchiveRequestSchema,
  type AuditArchiveResult,
  type AuditVerification,
  IdParamSchema,
  type SessionUser,
} from '@liuzhuan/contracts';
import type { FastifyReply } from 'fastify';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.api';
import { RequestAudit } from './audit-context';
import type { AuditContext } from './audit-event';
import { AuditArchiver } from './audit-archive.service';

/** Archiving and the chain anchors. Who may is the archiver's decision (it records refusals), as for the rest of the trail. */
@Controller('audit')
export class AuditArchiveController {
  constructor(private readonly archiver: AuditArchiver) {}

  @Post('archive')
  @HttpCode(201)
  archive(
    @Body(validate(AuditArchiveRequestSchema)) body: AuditArchiveRequest,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<AuditArchiveResult> {
    return this.archiver.archive(user, audit, body.before);
  }

  @Get('anchors')
  anchors(@CurrentUser() user: SessionUser, @RequestAudit() audit: AuditContext): Promise<AuditAnchorList> {
    return this.archiver.list(user, audit);
  }

  @Get('anchors/:id/file')
  async file(
    @Param('id', validate(IdParamSchema)) id: string,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { bytes, anchor } = await this.archiver.download(user, audit, id);
    reply.header('content-type', 'application/x-ndjson; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${anchor.fileName}"`);
    reply.header('x-content-sm3', anchor.fileDigest);
    reply.header('cache-control', 'no-store');
    return bytes;
  }

  @Get('anchors/:id/verify')
  verify(
    @Param('id', validate(IdParamSchema)) id: string,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<AuditVerification> {
    return this.archiver.verify(user, audit, id);
  }
}
