import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  AllocateNumberSchema,
  type Attachment,
  type AttachmentList,
  type ChangeClassification,
  ChangeClassificationSchema,
  type ClassificationChange,
  type Circulate,
  CirculateSchema,
  type Circulation,
  type CirculationList,
  type CreateDocument,
  CreateDocumentSchema,
  type DocumentDetail,
  type DocumentList,
  type DocumentQuery,
  DocumentQuerySchema,
  IdParamSchema,
  type OfficialDocument,
  type RegisterList,
  type RegisterQuery,
  RegisterQuerySchema,
  type SessionUser,
  type UpdateDocument,
  UpdateDocumentSchema,
  type VoidNumber,
  VoidNumberSchema,
} from '@liuzhuan/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { validate } from '../../platform/http/zod-validation.pipe';
import { type AuditContext, RequestAudit } from '../audit/audit.api';
import { CurrentUser, RequireRoles } from '../auth/auth.api';
import { AttachmentsService, MAX_ATTACHMENT_BYTES, type UploadedFile } from './attachments.service';
import { CirculationService } from './circulation.service';
import { ClassificationService } from './classification.service';
import { DocNumberService } from './doc-number.service';
import { DocumentsService } from './documents.service';
import { DocumentErrors } from './documents.errors';
import { ProcessingSheetService } from './processing-sheet.service';
import { RENDITION_TYPES, type RenditionFormat, RenditionService } from './rendition.service';
import { DocumentRegisterService } from './document-register.service';

/** The file of an attachment upload: the multipart field `file`, read whole up to the limit. */
async function uploadedFile(req: FastifyRequest): Promise<UploadedFile> {
  if (!req.isMultipart?.()) throw DocumentErrors.attachmentNotMultipart();
  const file = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
  if (!file || file.fieldname !== 'file') throw DocumentErrors.attachmentFieldMissing();
  try {
    const bytes = await file.toBuffer();
    // toBuffer throws only when a chunk follows the cut; a file cut on its last chunk comes back short
    if (file.file.truncated) throw DocumentErrors.attachmentTooLarge(MAX_ATTACHMENT_BYTES);
    return { name: file.filename, contentType: file.mimetype, bytes };
  } catch (error) {
    // @fastify/multipart refuses a file over the limit while reading it
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw DocumentErrors.attachmentTooLarge(MAX_ATTACHMENT_BYTES);
    throw error;
  }
}

@Controller('documents')
export class DocumentsController {
  constructor(
    private readonly documents: DocumentsService,
    private readonly numbers: DocNumberService,
    private readonly attachments: AttachmentsService,
    private readonly circulations: CirculationService,
    private readonly classification: ClassificationService,
    private readonly sheets: ProcessingSheetService,
    private readonly renditions: RenditionService,
    private readonly register: DocumentRegisterService,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireRoles('clerk')
  create(@Body(validate(CreateDocumentSchema)) body: CreateDocument, @CurrentUser() user: SessionUser): Promise<DocumentDetail> {
    return this.documents.create(body, user);
  }

  @Get()
  list(@Query(validate(DocumentQuerySchema)) query: DocumentQuery, @CurrentUser() user: SessionUser): Promise<DocumentList> {
    return this.documents.list(query, user);
  }

  /** 收文登记簿: the incoming documents the caller may read, in the register's columns. */
  @Get('register')
  registerList(@Query(validate(RegisterQuerySchema)) query: RegisterQuery, @CurrentUser() user: SessionUser): Promise<RegisterList> {
    return this.register.list(query, user);
  }

  @Get('register.xlsx')
  async registerXlsx(
    @Query(validate(RegisterQuerySchema)) query: RegisterQuery,
    @CurrentUser() user: SessionUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const bytes = await this.register.xlsx(query, user);
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header('content-disposition', `attachment; filename="register.xlsx"; filename*=UTF-8''${encodeURIComponent('收文登记簿.xlsx')}`);
    return bytes;
  }

  @Get(':id')
  get(
    @Param('id', validate(IdParamSchema)) id: string,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<DocumentDetail> {
    return this.documents.read(id, user, audit);
  }

  /** The 公文处理单 (收文处理笺 / 发文稿纸) as an A4 PDF, for whoever may read the document. */
  @Get(':id/processing-sheet.pdf')
  async processingSheet(
    @Param('id', validate(IdParamSchema)) id: string,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { bytes, name } = await this.sheets.pdf(id, user, audit);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `inline; filename="processing-sheet.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`);
    reply.header('cache-control', 'no-store');
    return bytes;
  }

  /** The red-header 公文 (GB/T 9704) as a PDF, shown in the page: outgoing documents, any state (a draft watermarked 草稿). */
  @Get(':id/rendition.pdf')
  renditionPdf(
    @Param('id', validate(IdParamSchema)) id: string,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return this.rendition(id, 'pdf', user, audit, reply);
  }

  /** The same 公文 as a DOCX naming the standard fonts, downloaded. */
  @Get(':id/rendition.docx')
  renditionDocx(
    @Param('id', validate(IdParamSchema)) id: string,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return this.rendition(id, 'docx', user, audit, reply);
  }

  private async rendition(
    id: string,
    format: RenditionFormat,
    user: SessionUser,
    audit: AuditContext,
    reply: FastifyReply,
  ): Promise<Buffer> {
    const { bytes, name } = await this.renditions.render(id, format, user, audit);
    const disposition = format === 'pdf' ? 'inline' : 'attachment';
    reply.header('content-type', RENDITION_TYPES[format]);
    reply.header('content-disposition', `${disposition}; filename="document.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'private, no-store');
    return bytes;
  }

  @Patch(':id')
  update(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(UpdateDocumentSchema)) body: UpdateDocument,
    @CurrentUser() user: SessionUser,
  ): Promise<DocumentDetail> {
    return this.documents.update(id, body, user);
  }

  /** 变更密级: the security admin's act, with a reason. */
  @Post(':id/classification')
  @HttpCode(200)
  @RequireRoles('security_admin')
  changeClassification(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(ChangeClassificationSchema)) body: ChangeClassification,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<ClassificationChange> {
    return this.classification.change(id, body, user, audit);
  }

  @Post(':id/number')
  @HttpCode(200)
  @RequireRoles('clerk')
  allocateNumber(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(AllocateNumberSchema)) _body: unknown,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<OfficialDocument> {
    return this.numbers.allocate(id, user, audit);
  }

  @Post(':id/number/void')
  @HttpCode(200)
  @RequireRoles('clerk')
  voidNumber(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(VoidNumberSchema)) body: VoidNumber,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
  ): Promise<OfficialDocument> {
    return this.numbers.void(id, body.reason, user, audit);
  }

  @Post(':id/attachments')
  @HttpCode(201)
  async upload(
    @Param('id', validate(IdParamSchema)) id: string,
    @Req() req: FastifyRequest,
    @CurrentUser() user: SessionUser,
  ): Promise<Attachment> {
    return this.attachments.upload(id, await uploadedFile(req), user);
  }

  @Get(':id/attachments')
  listAttachments(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<AttachmentList> {
    return this.attachments.list(id, user);
  }

  @Get(':id/attachments/:attachmentId')
  async download(
    @Param('id', validate(IdParamSchema)) id: string,
    @Param('attachmentId', validate(IdParamSchema)) attachmentId: string,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { attachment, bytes } = await this.attachments.download(id, attachmentId, user, audit);
    reply.header('content-type', attachment.contentType);
    reply.header('content-disposition', `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(attachment.name)}`);
    reply.header('x-content-sm3', attachment.sm3);
    return bytes;
  }

  /** The same bytes shown in the page (task page, document view): PDF and raster images only. */
  @Get(':id/attachments/:attachmentId/preview')
  async preview(
    @Param('id', validate(IdParamSchema)) id: string,
    @Param('attachmentId', validate(IdParamSchema)) attachmentId: string,
    @CurrentUser() user: SessionUser,
    @RequestAudit() audit: AuditContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const { attachment, bytes, contentType } = await this.attachments.preview(id, attachmentId, user, audit);
    reply.header('content-type', contentType);
    reply.header('content-disposition', `inline; filename="attachment"; filename*=UTF-8''${encodeURIComponent(attachment.name)}`);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'private, no-store');
    reply.header('x-content-sm3', attachment.sm3);
    return bytes;
  }

  @Post(':id/circulate')
  @HttpCode(201)
  circulate(
    @Param('id', validate(IdParamSchema)) id: string,
    @Body(validate(CirculateSchema)) body: Circulate,
    @CurrentUser() user: SessionUser,
  ): Promise<Circulation> {
    return this.circulations.start(id, body, user);
  }

  @Get(':id/circulation')
  circulation(@Param('id', validate(IdParamSchema)) id: string, @CurrentUser() user: SessionUser): Promise<CirculationList> {
    return this.circulations.ofDocument(id, user);
  }
}
