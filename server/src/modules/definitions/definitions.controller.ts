import { Body, Controller, Get, Header, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  type Definition,
  type DefinitionList,
  type DefinitionQuery,
  type DefinitionValidation,
  DefinitionQuerySchema,
  IdParamSchema,
  type SessionUser,
} from '@liuzhuan/contracts';
import type { FastifyRequest } from 'fastify';
import { DefinitionErrors } from './definitions.errors';
import { MAX_UPLOAD_BYTES } from '../../platform/http/xml-body';
import { validate } from '../../platform/http/zod-validation.pipe';
import { CurrentUser, RequireRoles } from '../auth/auth.api';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { DefinitionsService } from './definitions.service';

/** The XML of a deploy: the raw `application/xml` body or the multipart field `file`. */
async function uploadedXml(req: FastifyRequest, body: unknown): Promise<string> {
  if (typeof body === 'string') return body;
  if (req.isMultipart?.()) {
    const file = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
    if (!file || file.fieldname !== 'file') throw DefinitionErrors.noFileField();
    try {
      const bytes = await file.toBuffer();
      // some limits end the stream early without an error: a cut file must not deploy half a model
      if (file.file.truncated) throw DefinitionErrors.tooLarge();
      return bytes.toString('utf8');
    } catch (error) {
      // @fastify/multipart refuses a file over the limit while reading it
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw DefinitionErrors.tooLarge();
      throw error;
    }
  }
  throw DefinitionErrors.unsupportedBody();
}

@Controller('definitions')
export class DefinitionsController {
  constructor(private readonly definitions: DefinitionsService) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('workflow_admin')
  async deploy(
    @Req() req: FastifyRequest,
    @Body() body: unknown,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<Definition | Definition[]> {
    const deployed = await this.definitions.deploy(await uploadedXml(req, body), user.username, audit);
    return deployed.length === 1 ? deployed[0] : deployed;
  }

  /** The designer's 校验: what a deploy of this XML would report, without storing it. */
  @Post('validate')
  @HttpCode(200)
  @RequireRoles('workflow_admin')
  async validate(@Req() req: FastifyRequest, @Body() body: unknown): Promise<DefinitionValidation> {
    return this.definitions.validate(await uploadedXml(req, body));
  }

  @Get()
  list(@Query(validate(DefinitionQuerySchema)) query: DefinitionQuery): Promise<DefinitionList> {
    return this.definitions.list(query);
  }

  @Get(':id')
  get(@Param('id', validate(IdParamSchema)) id: string): Promise<Definition> {
    return this.definitions.get(id);
  }

  @Get(':id/xml')
  @Header('content-type', 'application/xml; charset=utf-8')
  xml(@Param('id', validate(IdParamSchema)) id: string): Promise<string> {
    return this.definitions.xml(id);
  }
}
