import * as z from 'zod';
import type { ApiRoute } from './api-route';

/** What a verification names: a history event, an opinion, a document version, or the document's current row. */
export const RecordLinkKindSchema = z.enum(['history', 'opinion', 'version', 'document']);
export type RecordLinkKind = z.infer<typeof RecordLinkKindSchema>;

/**
 * GET /instances/:id/verify and GET /documents/:id/verify: the SM3 chains of the business record
 * recomputed from the stored rows at this call. No content: only positions and ids.
 */
export const RecordVerificationSchema = z
  .object({
    ok: z.boolean(),
    /** how many chained rows were checked */
    checked: z.number().int(),
    /** rows written before the chain existed (no hash): unprotected, counted but not checked */
    legacy: z.number().int(),
    /**
     * The first row that is missing or no longer matches. `id`: the opinion's id; the instance's
     * id for a history event, the document's for a version or its current row. `seq`: the history
     * event's or opinion's position, the version's number.
     */
    firstBroken: z.object({ kind: RecordLinkKindSchema, id: z.string(), seq: z.number().int().optional() }).optional(),
  })
  .meta({ id: 'RecordVerification' });
export type RecordVerification = z.infer<typeof RecordVerificationSchema>;

/** Routes that verify the business record: for whoever may read the instance or document, and the auditor. */
export const RECORD_VERIFICATION_ROUTES = [
  {
    method: 'GET',
    path: '/instances/:id/verify',
    tag: 'instances',
    summary: "Recompute the SM3 chains of an instance's history and opinions and name the first row that no longer matches",
    responses: { 200: RecordVerificationSchema },
  },
  {
    method: 'GET',
    path: '/documents/:id/verify',
    tag: 'documents',
    summary: "Recompute the SM3 chain of a document's versions, check its current row, and name the first that no longer matches",
    responses: { 200: RecordVerificationSchema },
  },
] as const satisfies readonly ApiRoute[];
