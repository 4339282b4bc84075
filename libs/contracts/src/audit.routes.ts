import * as z from 'zod';
import type { ApiRoute } from './api-route';
import {
  AuditAnchorListSchema,
  AuditArchiveRequestSchema,
  AuditArchiveResultSchema,
  AuditEventListSchema,
  AuditExportQuerySchema,
  AuditQuerySchema,
  AuditVerificationSchema,
} from './audit';

/**
 * Routes of the audit trail. The auditor reads everyone's events, the security admin only the
 * auditor's own; anyone else is refused (403), and the refusal is itself an audit event.
 */
export const AUDIT_ROUTES = [
  {
    method: 'GET',
    path: '/audit/events',
    tag: 'audit',
    summary: 'Search the audit trail (time range, actor, event type, result, target), oldest first',
    roles: ['auditor', 'security_admin'],
    query: AuditQuerySchema,
    responses: { 200: AuditEventListSchema },
  },
  {
    method: 'GET',
    path: '/audit/export',
    tag: 'audit',
    summary: 'Export the matching events as CSV (UTF-8 with BOM) or XLSX',
    roles: ['auditor', 'security_admin'],
    query: AuditExportQuerySchema,
    responseContentType: 'application/octet-stream',
    responses: { 200: z.string() },
  },
  {
    method: 'GET',
    path: '/audit/verify',
    tag: 'audit',
    summary: 'Recompute the SM3 hash chain from the last anchor over the stored events and name the first row that no longer matches',
    roles: ['auditor', 'security_admin'],
    responses: { 200: AuditVerificationSchema },
  },
  {
    method: 'POST',
    path: '/audit/archive',
    tag: 'audit',
    summary: 'Archive the events before a cut-off (at least the retention period ago) to a file and anchor the chain',
    roles: ['auditor'],
    body: AuditArchiveRequestSchema,
    responses: { 201: AuditArchiveResultSchema },
  },
  {
    method: 'GET',
    path: '/audit/anchors',
    tag: 'audit',
    summary: 'List the chain anchors, newest first, with their archive files',
    roles: ['auditor', 'security_admin'],
    responses: { 200: AuditAnchorListSchema },
  },
  {
    method: 'GET',
    path: '/audit/anchors/:id/file',
    tag: 'audit',
    summary: "Download an anchor's archive file (JSON Lines: a header, then every archived event with its hash)",
    roles: ['auditor'],
    responseContentType: 'application/x-ndjson',
    responses: { 200: z.string() },
  },
  {
    method: 'GET',
    path: '/audit/anchors/:id/verify',
    tag: 'audit',
    summary: "Re-read an anchor's archive file, check its SM3 digest and recompute its chain from the previous anchor",
    roles: ['auditor', 'security_admin'],
    responses: { 200: AuditVerificationSchema },
  },
] as const satisfies readonly ApiRoute[];
