// Leader mailbox (领导信箱): public letters, query codes, extensions, replies. Request and response schemas.
import * as z from 'zod';

/** A mainland mobile or landline number, digits with an optional +, - or spaces. */
const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;
/** 居民身份证号码: 17 digits and a check character (GB 11643). */
const ID_NUMBER = /^\d{17}[\dXx]$/;

/** 咨询 / 投诉 / 建议 / 求助: what the writer asks for. */
export const LetterCategorySchema = z.enum(['consultation', 'complaint', 'suggestion', 'help']).meta({ id: 'LetterCategory' });
export type LetterCategory = z.infer<typeof LetterCategorySchema>;

/** A letter as the public writes it (no sign-in). Unknown fields are refused. */
export const CreateLetterSchema = z
  .strictObject({
    category: LetterCategorySchema.default('consultation'),
    subject: z.string().trim().min(1).max(100),
    content: z.string().trim().min(1).max(5000),
    name: z.string().trim().min(1).max(50),
    phone: z.string().trim().regex(PHONE),
    idNumber: z.string().trim().regex(ID_NUMBER).optional(),
    address: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(100).optional(),
    /** the captcha of GET /public/captcha and what the writer read from it (unless the deployment turned it off) */
    captchaId: z
      .string()
      .regex(/^[0-9A-Za-z]{26}$/)
      .optional(),
    captchaAnswer: z.string().trim().max(16).optional(),
  })
  .meta({ id: 'CreateLetter' });
export type CreateLetter = z.infer<typeof CreateLetterSchema>;

/**
 * A captcha drawn by the server: an SVG image (data URL) of distorted characters, single use,
 * short-lived. `required: false` (all else null) when the deployment turned it off.
 */
export const CaptchaSchema = z
  .object({ required: z.boolean(), id: z.string().nullable(), image: z.string().nullable(), expiresAt: z.string().nullable() })
  .meta({ id: 'Captcha' });
export type Captcha = z.infer<typeof CaptchaSchema>;

/** Where a letter is: derived from its process (审查 → 承办答复 → 审核 → 公开). */
export const LetterStatusSchema = z
  .enum(['received', 'not-accepted', 'handling', 'auditing', 'publishing', 'published', 'closed'])
  .meta({ id: 'LetterStatus' });
export type LetterStatus = z.infer<typeof LetterStatusSchema>;

/** What the writer gets back once: the query code is shown only here and stored only as a digest. */
export const LetterReceiptSchema = z.object({ queryCode: z.string(), submittedAt: z.string() }).meta({ id: 'LetterReceipt' });
export type LetterReceipt = z.infer<typeof LetterReceiptSchema>;

/** What anyone holding the query code sees: the status and the published reply, personal data masked. */
export const PublicLetterSchema = z
  .object({
    status: LetterStatusSchema,
    submittedAt: z.string(),
    reply: z.string().nullable(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'PublicLetter' });
export type PublicLetter = z.infer<typeof PublicLetterSchema>;

export const LetterExtensionSchema = z
  .object({ workdays: z.number().int(), reason: z.string(), requestedBy: z.string(), dueAt: z.string(), createdAt: z.string() })
  .meta({ id: 'LetterExtension' });
export type LetterExtension = z.infer<typeof LetterExtensionSchema>;

/** A letter as the office and the handling department see it. */
export const LetterSchema = z
  .object({
    id: z.string(),
    instanceId: z.string(),
    status: LetterStatusSchema,
    category: LetterCategorySchema,
    subject: z.string(),
    content: z.string(),
    name: z.string(),
    /** masked (139****5678) except to the assignee of the letter's open task */
    phone: z.string(),
    /** masked (6109**********1234) except to the assignee of the letter's open task */
    idNumber: z.string().nullable(),
    address: z.string().nullable(),
    email: z.string().nullable(),
    department: z.string().nullable(),
    handler: z.string().nullable(),
    /** 办理时限: 5 working days from 转办, at most 15 with the extensions */
    timeLimitWorkdays: z.number().int(),
    dueAt: z.string().nullable(),
    extensions: z.array(LetterExtensionSchema),
    reply: z.string().nullable(),
    repliedBy: z.string().nullable(),
    repliedAt: z.string().nullable(),
    publishedReply: z.string().nullable(),
    publishedAt: z.string().nullable(),
    submittedAt: z.string(),
  })
  .meta({ id: 'Letter' });
export type Letter = z.infer<typeof LetterSchema>;

export const LetterListSchema = z.object({ items: z.array(LetterSchema), total: z.number().int() }).meta({ id: 'LetterList' });
export type LetterList = z.infer<typeof LetterListSchema>;

export const LetterQuerySchema = z
  .strictObject({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) })
  .meta({ id: 'LetterQuery' });
export type LetterQuery = z.infer<typeof LetterQuerySchema>;

/** The handling department asks for more time: 5 working days at first, 15 in all at most. */
export const RequestExtensionSchema = z
  .strictObject({ workdays: z.number().int().min(1).max(10), reason: z.string().trim().min(1).max(500) })
  .meta({ id: 'RequestExtension' });
export type RequestExtension = z.infer<typeof RequestExtensionSchema>;

export const ReplyLetterSchema = z.strictObject({ text: z.string().trim().min(1).max(5000) }).meta({ id: 'ReplyLetter' });
export type ReplyLetter = z.infer<typeof ReplyLetterSchema>;

export const PublishLetterSchema = z.strictObject({}).meta({ id: 'PublishLetter' });
export type PublishLetter = z.infer<typeof PublishLetterSchema>;

/** The longest a letter may take, extensions included (working days). */
export const LETTER_MAX_WORKDAYS = 15;
/** The time limit a letter starts with at 转办 (working days). */
export const LETTER_INITIAL_WORKDAYS = 5;
