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

/**
 * One electronic signature of a document's 签发 (SM2, GM/T 0003) over the SM3 digest of the
 * version signed, the opinion text, the signer and the time; `valid` is recomputed at every read.
 */
export const DocumentSignatureSchema = z
  .object({
    id: z.string(),
    /** the username of who signed (the holder of the key) */
    signer: z.string(),
    signerName: z.string(),
    /** a deputy (代理) signs for this principal */
    onBehalfOf: z.string().nullable(),
    onBehalfOfName: z.string().nullable(),
    signedAt: z.string(),
    /** SM3 of the document version signed */
    versionDigest: z.string(),
    /** whether the document's current version is the one signed */
    current: z.boolean(),
    /** `SM2-SM3` */
    algorithm: z.string(),
    valid: z.boolean(),
  })
  .meta({ id: 'DocumentSignature' });
export type DocumentSignature = z.infer<typeof DocumentSignatureSchema>;
export const DocumentSignatureListSchema = z.object({ items: z.array(DocumentSignatureSchema) }).meta({ id: 'DocumentSignatureList' });
export type DocumentSignatureList = z.infer<typeof DocumentSignatureListSchema>;

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
  {
    method: 'GET',
    path: '/documents/:id/signatures',
    tag: 'documents',
    summary: "The electronic signatures of a document's 签发 (SM2), each verified at this call",
    responses: { 200: DocumentSignatureListSchema },
  },
] as const satisfies readonly ApiRoute[];
