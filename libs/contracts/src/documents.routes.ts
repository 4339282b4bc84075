import * as z from 'zod';
import type { ApiRoute } from './api-route';
import {
  AllocateNumberSchema,
  AttachmentListSchema,
  AttachmentSchema,
  CirculateSchema,
  CirculationListSchema,
  CirculationQuerySchema,
  CirculationSchema,
  CreateDocumentSchema,
  DocumentDetailSchema,
  DocumentListSchema,
  DocumentQuerySchema,
  OfficialDocumentSchema,
  ReadReceiptSchema,
  ReorderCirculationSchema,
  SkipReaderSchema,
  UpdateDocumentSchema,
  VoidNumberSchema,
} from './documents';

const tag = 'documents';

/** Routes of Official documents (公文), document numbers, attachments and 传阅. */
export const DOCUMENT_ROUTES: ApiRoute[] = [
  { method: 'POST', path: '/documents', tag, summary: 'Register an incoming document (收文登记) or draft an outgoing one; starts its handling process', roles: ['clerk'], body: CreateDocumentSchema, responses: { 201: DocumentDetailSchema } },
  { method: 'GET', path: '/documents', tag, summary: 'Documents in a box (todo, done, mine, all) with pinyin-aware search', query: DocumentQuerySchema, responses: { 200: DocumentListSchema } },
  { method: 'GET', path: '/documents/:id', tag, summary: 'A document with its attachments and processing record (处理单)', responses: { 200: DocumentDetailSchema } },
  { method: 'PATCH', path: '/documents/:id', tag, summary: 'Change elements of a document (a new version with its SM3 digest)', body: UpdateDocumentSchema, responses: { 200: DocumentDetailSchema } },
  { method: 'POST', path: '/documents/:id/number', tag, summary: 'Allocate the 发文字号 at outgoing registration', roles: ['clerk'], body: AllocateNumberSchema, responses: { 200: OfficialDocumentSchema } },
  { method: 'POST', path: '/documents/:id/number/void', tag, summary: 'Void the allocated 发文字号 (recorded, never reused)', roles: ['clerk'], body: VoidNumberSchema, responses: { 200: OfficialDocumentSchema } },
  { method: 'POST', path: '/documents/:id/attachments', tag, summary: 'Upload an attachment (multipart field `file`); refused for classified documents', bodyContentTypes: ['multipart/form-data'], body: z.unknown(), responses: { 201: AttachmentSchema } },
  { method: 'GET', path: '/documents/:id/attachments', tag, summary: 'The attachments of a document', responses: { 200: AttachmentListSchema } },
  { method: 'GET', path: '/documents/:id/attachments/:attachmentId', tag, summary: 'Download an attachment after checking its SM3 digest', responses: { 200: z.string() } },
  { method: 'POST', path: '/documents/:id/circulate', tag, summary: 'Circulate (传阅) the document to readers, in sequence or in parallel', body: CirculateSchema, responses: { 201: CirculationSchema } },
  { method: 'GET', path: '/documents/:id/circulation', tag, summary: 'The circulations of a document: holders, who read when, who is pending', responses: { 200: CirculationListSchema } },
  { method: 'GET', path: '/circulations', tag, summary: "Circulations I read (mine=true) or started (mine=false)", query: CirculationQuerySchema, responses: { 200: CirculationListSchema } },
  { method: 'POST', path: '/circulations/:id/read', tag, summary: 'Read receipt (阅毕) with an optional note', body: ReadReceiptSchema, responses: { 200: CirculationSchema } },
  { method: 'POST', path: '/circulations/:id/reorder', tag, summary: 'Reorder the readers who have not read yet (sequential), with a reason', body: ReorderCirculationSchema, responses: { 200: CirculationSchema } },
  { method: 'POST', path: '/circulations/:id/skip', tag, summary: 'Skip a reader who has not read yet, with a reason', body: SkipReaderSchema, responses: { 200: CirculationSchema } },
];
